import { hotspotBins } from './hotspot-bins.ts';

/** The 7 Gi* classes with their colours, and what the significance was judged on. */
export function HotspotLegend({ fdr, cell, band }: { fdr: boolean; cell: number; band: number }) {
  return (
    <figure className="hotspot-legend" aria-label="Hot spot legend">
      <figcaption>
        Getis-Ord Gi* on {cell} m cells, neighbours within {band} m{fdr ? ', corrected for false discoveries' : ''}
      </figcaption>
      <ul>
        {hotspotBins.map(({ bin, colour, label }) => (
          <li key={bin} data-bin={bin}>
            <span className="hotspot-legend__swatch" style={{ background: colour }} aria-hidden="true" /> {label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
