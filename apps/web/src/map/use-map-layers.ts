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
  const extent = useMemo(() => spanOf(layers.filter((layer) => visible.has(layer.id))), [layers, visible]);
  /** The span of every layer the role may draw, shown or not (analyses read all of it). */
  const dataExtent = useMemo(() => spanOf(layers), [layers]);
  const toggle = (id: MapLayerId, on: boolean) => setToggled((current) => new Map(current).set(id, on));
  return { query, layers, visible, toggle, extent, dataExtent };
}

/** The earliest start and the latest end of the layers' dates. */
function spanOf(layers: readonly MapLayer[]): DateRange {
  const froms = layers.flatMap((layer) => (layer.from ? [layer.from] : [])).sort();
  const tos = layers.flatMap((layer) => (layer.to ? [layer.to] : [])).sort();
  return { from: froms[0] ?? null, to: tos[tos.length - 1] ?? null };
}
