/** The heat surface's colour ramp, by density as a share of the highest cell's. */
export const densityRamp = [
  { level: 0, colour: '#ffffb2' },
  { level: 0.25, colour: '#fecc5c' },
  { level: 0.5, colour: '#fd8d3c' },
  { level: 0.75, colour: '#f03b20' },
  { level: 1, colour: '#bd0026' },
] as const;

const ruleLabels = {
  given: 'as chosen',
  'arcgis-silverman': 'by the spatial Silverman rule (as ArcGIS Pro)',
} as const;

function perKm2(value: number): string {
  return value >= 10 ? Math.round(value).toLocaleString('en-GB') : value.toPrecision(2);
}

/** What the heat surface is, its bandwidth and rule, and the density its darkest colour stands for. */
export function DensityLegend({
  cell,
  bandwidth,
  rule,
  highest,
}: {
  cell: number;
  bandwidth: number;
  rule: keyof typeof ruleLabels;
  highest: number;
}) {
  return (
    <figure className="hotspot-legend" aria-label="Heat surface legend">
      <figcaption>
        Quartic kernel density on {cell} m cells, bandwidth {Math.round(bandwidth).toLocaleString('en-GB')} m{' '}
        {ruleLabels[rule]}
      </figcaption>
      <ul>
        {[...densityRamp].reverse().map(({ level, colour }) => (
          <li key={level} data-level={level}>
            <span className="hotspot-legend__swatch" style={{ background: colour }} aria-hidden="true" />{' '}
            {level === 0 ? 'Low' : `${perKm2(level * highest)} events per km²`}
          </li>
        ))}
      </ul>
    </figure>
  );
}
