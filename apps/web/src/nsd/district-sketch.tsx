import type { DistrictFeature } from '../map/boundaries.ts';

export interface SketchPoint {
  key: string;
  lon: number;
  lat: number;
  kind: 'closure' | 'action' | 'hotspot';
  label: string;
}

const width = 640;
const height = 420;
const pad = 16;

/**
 * The district drawn as SVG for the printed pack (a WebGL canvas does not print reliably): its
 * boundary in an equirectangular projection scaled by cos(latitude), with numbered points.
 */
export function DistrictSketch({ district, points }: { district: DistrictFeature; points: readonly SketchPoint[] }) {
  const [west, south, east, north] = district.bbox;
  const squash = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 2 * pad) / ((east - west) * squash), (height - 2 * pad) / (north - south));
  const x = (lon: number) => pad + (lon - west) * squash * scale;
  const y = (lat: number) => pad + (north - lat) * scale;
  const path = district.geometry.coordinates
    .flatMap((polygon) =>
      polygon.map(
        (ring) => `M${ring.map(([lon = 0, lat = 0]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`,
      ),
    )
    .join('');
  return (
    <figure className="district-sketch">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Map of ${district.properties.name}`}>
        <path d={path} className="district-sketch__area" fillRule="evenodd" />
        {points.map((point, index) => (
          <g key={point.key} className={`district-sketch__point district-sketch__point--${point.kind}`}>
            <circle cx={x(point.lon)} cy={y(point.lat)} r={9} />
            <text x={x(point.lon)} y={y(point.lat) + 4} textAnchor="middle">
              {index + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ol className="district-sketch__key">
          {points.map((point) => (
            <li key={point.key} className={`district-sketch__key--${point.kind}`}>
              {point.label}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
