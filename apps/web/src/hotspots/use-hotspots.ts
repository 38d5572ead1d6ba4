import type { HotspotSource } from '@lantern/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../api/trpc.ts';

export interface HotspotSettings {
  source: HotspotSource;
  crimeType: string;
  cellSize: number;
  band: number;
  fdr: boolean;
}

export const defaultHotspotSettings: HotspotSettings = {
  source: 'police-uk',
  crimeType: '',
  cellSize: 250,
  band: 750,
  fdr: true,
};

/**
 * The hot-spot analysis the map shows: settings chosen in <HotspotControls>, the time range of the
 * map page, the Gi* result from `hotspots.compute`, and the cell the user clicked.
 */
export function useHotspots(range: { from: string | null; to: string | null }, enabled = true) {
  const trpc = useTRPC();
  const [settings, setSettings] = useState<HotspotSettings>(defaultHotspotSettings);
  const [selectedCellId, selectCell] = useState<string | null>(null);
  const input = {
    source: settings.source,
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(settings.source === 'police-uk' && settings.crimeType ? { crimeType: settings.crimeType } : {}),
    cellSize: settings.cellSize,
    band: Math.max(settings.band, settings.cellSize),
    fdr: settings.fdr,
  };
  const query = useQuery({ ...trpc.hotspots.compute.queryOptions(input), enabled, placeholderData: keepPreviousData });
  return { settings, setSettings, input, query, selectedCellId, selectCell };
}

export type HotspotsState = ReturnType<typeof useHotspots>;
