import { hotspotSources } from '@lantern/domain';
import { hotspotSourceLabels } from './hotspot-bins.ts';
import type { HotspotSettings, HotspotView } from './use-hotspots.ts';

const cellSizes = [100, 250, 500, 1000] as const;

export const hotspotViewLabels: Record<HotspotView, string> = {
  gi: 'Hot and cold spots (Gi*)',
  heat: 'Heat surface (kernel density)',
  emerging: 'Emerging hot spots (trend by month)',
};

export interface HotspotControlsProps {
  settings: HotspotSettings;
  onChange(settings: HotspotSettings): void;
  /** Crime types offered for police.uk (from map.layers), if known. */
  crimeTypes?: readonly string[];
}

/** What to show, source, crime type, cell size, and the view's own settings (band and FDR, or bandwidth). */
export function HotspotControls({ settings, onChange, crimeTypes = [] }: HotspotControlsProps) {
  const set = <K extends keyof HotspotSettings>(key: K, value: HotspotSettings[K]) =>
    onChange({ ...settings, [key]: value });
  return (
    <fieldset className="hotspot-controls">
      <legend>Hot spots</legend>
      <label>
        Show
        <select value={settings.view} onChange={(event) => set('view', event.target.value as HotspotView)}>
          {(Object.keys(hotspotViewLabels) as HotspotView[]).map((view) => (
            <option key={view} value={view}>
              {hotspotViewLabels[view]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Events
        <select
          value={settings.source}
          onChange={(event) => set('source', event.target.value as HotspotSettings['source'])}
        >
          {hotspotSources.map((source) => (
            <option key={source} value={source}>
              {hotspotSourceLabels[source]}
            </option>
          ))}
        </select>
      </label>
      {settings.source === 'police-uk' ? (
        <label>
          Crime type
          <select value={settings.crimeType} onChange={(event) => set('crimeType', event.target.value)}>
            <option value="">All crime</option>
            {crimeTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Cell size
        <select value={settings.cellSize} onChange={(event) => set('cellSize', Number(event.target.value))}>
          {cellSizes.map((size) => (
            <option key={size} value={size}>
              {size} m
            </option>
          ))}
        </select>
      </label>
      {settings.view === 'heat' ? (
        <label>
          Bandwidth (m, empty for the rule)
          <input
            type="number"
            min={50}
            max={20_000}
            step={50}
            value={settings.bandwidth ?? ''}
            onChange={(event) => set('bandwidth', event.target.value === '' ? null : Number(event.target.value))}
          />
        </label>
      ) : (
        <>
          <label>
            Neighbourhood (m)
            <input
              type="number"
              min={settings.cellSize}
              step={50}
              value={settings.band}
              onChange={(event) => set('band', Number(event.target.value))}
            />
          </label>
          <label>
            <input type="checkbox" checked={settings.fdr} onChange={(event) => set('fdr', event.target.checked)} />{' '}
            Correct for false discoveries (FDR)
          </label>
        </>
      )}
    </fieldset>
  );
}
