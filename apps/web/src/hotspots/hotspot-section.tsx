import { useMemo } from 'react';
import { errorMessage } from '../api/errors.ts';
import { LongWorkStatus } from '../ui/long-work.tsx';
import { ErrorState } from '../ui/status.tsx';
import { cellSquares, densitySquares, emergingSquares } from './cell-squares.ts';
import { DensityLegend } from './density-legend.tsx';
import { EmergingLegend } from './emerging-legend.tsx';
import { hotspotEventNouns } from './hotspot-bins.ts';
import { HotspotControls } from './hotspot-controls.tsx';
import { HotspotLegend } from './hotspot-legend.tsx';
import type { HotspotsState } from './use-hotspots.ts';

/** The squares of the chosen view as GeoJSON (for the layer and the export), or null when off or not loaded. */
export function useHotspotSquares(hotspots: HotspotsState, shown: boolean) {
  const { view } = hotspots.settings;
  const gi = hotspots.query.data;
  const density = hotspots.density.data;
  const emerging = hotspots.emerging.data;
  return useMemo(() => {
    if (!shown) return null;
    if (view === 'gi') return gi ? cellSquares(gi) : null;
    if (view === 'heat') return density ? densitySquares(density) : null;
    return emerging ? emergingSquares(emerging) : null;
  }, [shown, view, gi, density, emerging]);
}

export interface HotspotSectionProps {
  hotspots: HotspotsState;
  shown: boolean;
  onShown(shown: boolean): void;
  crimeTypes: readonly string[];
  /** Whether the point layers fade while the squares show (so the squares are not hidden under them). */
  dimPoints?: boolean;
  onDimPoints?(dim: boolean): void;
}

/** The hot-spot switch, its settings, and the chosen view's loading, error and legend. */
export function HotspotSection({ hotspots, shown, onShown, crimeTypes, dimPoints, onDimPoints }: HotspotSectionProps) {
  const { view } = hotspots.settings;
  const current = hotspots.current;
  return (
    <section className="hotspot-section" aria-label="Hot spots">
      <label className="layer-control__layer">
        <input type="checkbox" checked={shown} onChange={(event) => onShown(event.currentTarget.checked)} />
        Hot spot analysis
      </label>
      {shown && (
        <>
          <HotspotControls settings={hotspots.settings} onChange={hotspots.setSettings} crimeTypes={crimeTypes} />
          {onDimPoints && (
            <label className="layer-control__layer">
              <input
                type="checkbox"
                checked={dimPoints ?? false}
                onChange={(event) => onDimPoints(event.currentTarget.checked)}
              />
              Fade points over the squares
            </label>
          )}
          {hotspots.unavailable ? (
            <p className="hotspot-section__note" role="status">
              {hotspots.unavailable}
            </p>
          ) : (
            <>
              <LongWorkStatus work={hotspots.work}>
                {view === 'heat' ? 'Drawing the heat surface…' : 'Finding hot spots…'}
              </LongWorkStatus>
              {current.isError && (
                <ErrorState message={errorMessage(current.error)} onRetry={() => void current.refetch()} />
              )}
              {current.data?.events === 0 && (
                <p className="hotspot-section__note" role="status" data-testid="hotspot-no-data">
                  No data: there are no {hotspotEventNouns[hotspots.settings.source]} in this time range and these
                  districts, so there is nothing to look for hot spots in.
                </p>
              )}
            </>
          )}
          {view === 'gi' && hotspots.query.data && (
            <HotspotLegend
              fdr={hotspots.query.data.fdr}
              cell={hotspots.query.data.cell}
              band={hotspots.query.data.band}
            />
          )}
          {view === 'heat' && hotspots.density.data && (
            <DensityLegend
              cell={hotspots.density.data.cell}
              bandwidth={hotspots.density.data.bandwidth}
              rule={hotspots.density.data.rule}
              highest={hotspots.density.data.cells.reduce((max, cell) => Math.max(max, cell.density), 0)}
            />
          )}
          {view === 'emerging' && !hotspots.unavailable && hotspots.emerging.data && (
            <EmergingLegend
              months={hotspots.emerging.data.months}
              cells={hotspots.emerging.data.cells}
              leftOut={hotspots.emergingLeftOut}
            />
          )}
        </>
      )}
    </section>
  );
}
