import { type HotspotEventRow, hotspotEvents } from '@lantern/db';
import type { RepeatLocationsInput } from '@lantern/domain';
import { rankRepeatLocations as rankLocations } from '@lantern/geo';
import type { Access } from '../access/access.ts';
import { heavyRead } from '../analytics/heavy-read.ts';
import type { AppContext } from '../context.ts';
import { countView, eventQuery } from './hotspot-support.ts';

/** Locations with repeated events, ranked, with a label for each. */
export async function rankRepeatLocations(app: AppContext, access: Access, input: RepeatLocationsInput) {
  const rows = await heavyRead(app, (tx) => hotspotEvents(tx, eventQuery(access, input)));
  // police.uk snaps crimes to anonymised map points, so the same point is the same location.
  const keyOf = (row: HotspotEventRow) => `${Math.round(row.x)},${Math.round(row.y)}`;
  const labels = new Map<string, string | null>();
  for (const row of rows) if (!labels.has(keyOf(row))) labels.set(keyOf(row), row.label);
  const view = countView(access, input.source);
  const ranked = rankLocations(rows.map(keyOf), { minimum: input.minimum, limit: input.limit });
  return {
    locations: ranked.map((location) => {
      const [x = 0, y = 0] = location.key.split(',').map(Number);
      return {
        key: location.key,
        label: labels.get(location.key) ?? null,
        x,
        y,
        count: view(location.count),
        rank: location.rank,
      };
    }),
  };
}
