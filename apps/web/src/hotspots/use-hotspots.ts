import type { HotspotSource } from '@lantern/domain';
import { lastCompleteMonthEnd, londonDate, monthStart } from '@lantern/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../api/trpc.ts';
import type { DateRange } from '../map/map-filters.ts';
import { useLongWork } from '../ui/long-work.tsx';

/** What the hot-spot layer shows: Gi* classes, the kernel-density heat surface, or monthly trends. */
export type HotspotView = 'gi' | 'heat' | 'emerging';

export interface HotspotSettings {
  view: HotspotView;
  source: HotspotSource;
  crimeType: string;
  cellSize: number;
  band: number;
  fdr: boolean;
  /** Kernel density search radius in metres; null = the stated rule (ArcGIS's spatial Silverman). */
  bandwidth: number | null;
}

export const defaultHotspotSettings: HotspotSettings = {
  view: 'gi',
  source: 'police-uk',
  crimeType: '',
  cellSize: 250,
  band: 750,
  fdr: true,
  bandwidth: null,
};

/** Emerging hot spots with an open-ended range look at the latest twelve months of the data. */
const emergingDefaultMonths = 12;

/** Calendar months that [from, to] touches. */
export function monthsSpanned(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/**
 * The months emerging hot-spot analysis slices: complete months only, so the month under way never
 * counts as a whole month. The map's range when it is bounded at both ends, otherwise the latest
 * twelve complete months up to the range's end or the end of the data. `leftOut` names the month
 * under way when the range reached into it.
 */
export function emergingPeriod(
  range: DateRange,
  extent: DateRange,
  today: string = londonDate(),
): { from: string; to: string; leftOut: string | null } | null {
  const end = range.to ?? extent.to;
  if (!end) return null;
  const to = lastCompleteMonthEnd(end, today);
  const leftOut = to < end && end >= monthStart(today) ? today.slice(0, 7) : null;
  const from = range.from && range.to ? range.from : (range.from ?? monthStart(to, -(emergingDefaultMonths - 1)));
  return { from, to, leftOut };
}

/**
 * The hot-spot analysis the map shows: settings chosen in <HotspotControls>, the time range of the
 * map page, the result of the chosen view (`hotspots.compute`, `.density` or `.emerging`; only that
 * one is asked for), and the cell the user clicked.
 */
export function useHotspots(range: DateRange, enabled = true, extent: DateRange = range) {
  const trpc = useTRPC();
  const [settings, setSettings] = useState<HotspotSettings>(defaultHotspotSettings);
  const [selectedCellId, selectCell] = useState<string | null>(null);
  const filter = {
    source: settings.source,
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(settings.source === 'police-uk' && settings.crimeType ? { crimeType: settings.crimeType } : {}),
    cellSize: settings.cellSize,
  };
  const band = Math.max(settings.band, settings.cellSize);
  const input = { ...filter, band, fdr: settings.fdr };
  // Long work: each can be cancelled (the signal reaches the fetch and the server's worker pool).
  const cancellable = { trpc: { abortOnUnmount: true } };
  const giOptions = trpc.hotspots.compute.queryOptions(input, cancellable);
  const query = useQuery({
    ...giOptions,
    enabled: enabled && settings.view === 'gi',
    placeholderData: keepPreviousData,
  });
  const densityOptions = trpc.hotspots.density.queryOptions(
    {
      ...filter,
      // Half-typed values stay in the box; the query asks within what the API accepts.
      ...(settings.bandwidth === null ? {} : { bandwidth: Math.min(20_000, Math.max(50, settings.bandwidth)) }),
    },
    cancellable,
  );
  const density = useQuery({
    ...densityOptions,
    enabled: enabled && settings.view === 'heat',
    placeholderData: keepPreviousData,
  });
  const period = emergingPeriod(range, extent);
  const emergingMonths = period ? monthsSpanned(period.from, period.to) : 0;
  const emergingOptions = trpc.hotspots.emerging.queryOptions(
    { ...filter, from: period?.from ?? '', to: period?.to ?? '', band, fdr: settings.fdr },
    cancellable,
  );
  const emerging = useQuery({
    ...emergingOptions,
    enabled: enabled && settings.view === 'emerging' && emergingMonths >= 3,
    placeholderData: keepPreviousData,
  });
  /** Why the chosen view cannot be drawn for these settings, if it cannot. */
  const unavailable =
    settings.view === 'emerging' && emergingMonths < 3
      ? 'Emerging hot spots compare months: choose a time range of at least 3 months.'
      : null;
  const current = settings.view === 'gi' ? query : settings.view === 'heat' ? density : emerging;
  const currentKey =
    settings.view === 'gi'
      ? giOptions.queryKey
      : settings.view === 'heat'
        ? densityOptions.queryKey
        : emergingOptions.queryKey;
  const work = useLongWork(currentKey, current.isFetching);
  /** The events a clicked cell holds are those the view counted: the emerging view's own months. */
  const cellFilter = settings.view === 'emerging' && period ? { ...filter, from: period.from, to: period.to } : filter;
  return {
    settings,
    setSettings,
    emergingLeftOut: period?.leftOut ?? null,
    input,
    query,
    density,
    emerging,
    current,
    work,
    unavailable,
    cellFilter,
    selectedCellId,
    selectCell,
  };
}

export type HotspotsState = ReturnType<typeof useHotspots>;
