import type { MapLayerId } from '@lantern/domain';

/** The time range that filters every layer: inclusive dates (YYYY-MM-DD); null = unbounded. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export const allDates: DateRange = { from: null, to: null };

/** The tile URL template for a layer with the current filters (maplibre fills in {z}/{x}/{y}). */
export function tileUrl(layer: MapLayerId, range: DateRange, types: readonly string[] = []): string {
  const query = new URLSearchParams();
  if (range.from) query.set('from', range.from);
  if (range.to) query.set('to', range.to);
  if (types.length > 0) query.set('types', types.join(','));
  const search = query.toString();
  return `/tiles/${layer}/{z}/{x}/{y}.pbf${search ? `?${search}` : ''}`;
}

/** Whether a place's period of concern overlaps the range (an open-ended concern runs on). */
export function concernOverlaps(
  place: { concernSince: string; concernUntil: string | null },
  range: DateRange,
): boolean {
  if (range.to && place.concernSince > range.to) return false;
  if (range.from && place.concernUntil !== null && place.concernUntil < range.from) return false;
  return true;
}

/** `YYYY-MM` of a month input → the first or the last day of that month (the calendar's). */
export { monthEnd, monthStart } from '@lantern/domain';
