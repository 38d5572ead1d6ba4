import { hotspotSources } from '@lantern/domain';
import { hotspotSourceLabels } from './hotspot-bins.ts';
import type { HotspotSettings } from './use-hotspots.ts';

const cellSizes = [100, 250, 500, 1000] as const;

export interface HotspotControlsProps {
  settings: HotspotSettings;
  onChange(settings: HotspotSettings): void;
  /** Crime types offered for police.uk (from map.layers), if known. */
  crimeTypes?: readonly string[];
}

/** Source, crime type, cell size, distance band and FDR for the hot-spot layer. */
export function HotspotControls({ settings, onChange, crimeTypes = [] }: HotspotControlsProps) {
  const set = <K extends keyof HotspotSettings>(key: K, value: HotspotSettings[K]) =>
    onChange({ ...settings, [key]: value });
  return (
    <fieldset className="hotspot-controls">
      <legend>Hot spots</legend>
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
        <input type="checkbox" checked={settings.fdr} onChange={(event) => set('fdr', event.target.checked)} /> Correct
        for false discoveries (FDR)
      </label>
    </fieldset>
  );
}
