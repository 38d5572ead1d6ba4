import type { MapLayer, MapLayerId } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '../api/trpc.ts';
import type { DateRange } from './map-filters.ts';

/** Layers on when the map opens (of those the role may draw). */
const shownAtFirst: readonly MapLayerId[] = ['places', 'crime'];

/** The layers this user may draw, which are switched on, and the span of dates they cover. */
export function useMapLayers() {
  const trpc = useTRPC();
  const query = useQuery(trpc.map.layers.queryOptions());
  const [toggled, setToggled] = useState<Map<MapLayerId, boolean>>(new Map());
  const layers: readonly MapLayer[] = query.data?.layers ?? [];
  const visible = useMemo(
    () => new Set(layers.map((layer) => layer.id).filter((id) => toggled.get(id) ?? shownAtFirst.includes(id))),
    [layers, toggled],
  );
  const extent = useMemo<DateRange>(() => {
    const shown = layers.filter((layer) => visible.has(layer.id));
    const froms = shown.flatMap((layer) => (layer.from ? [layer.from] : [])).sort();
    const tos = shown.flatMap((layer) => (layer.to ? [layer.to] : [])).sort();
    return { from: froms[0] ?? null, to: tos[tos.length - 1] ?? null };
  }, [layers, visible]);
  const toggle = (id: MapLayerId, on: boolean) => setToggled((current) => new Map(current).set(id, on));
  return { query, layers, visible, toggle, extent };
}
