import type { Bbox, DistrictFeature } from '../map/boundaries.ts';

export interface SketchPoint {
  key: string;
  lon: number;
  lat: number;
  kind: 'closure' | 'action' | 'hotspot';
  label: string;
}

const width = 640;
const height = 420;
/** Room round the district for markers on its edge and for markers moved apart. */
const pad = 30;
const radius = 9;
/** Markers closer than this (centre to centre) would cover each other's numbers. */
const clearance = 2 * radius + 3;

/** A marker as drawn: where its place is, and where its numbered circle stands. */
export interface PlacedMarker {
  /** The place, projected. */
  x: number;
  y: number;
  /** The numbered circle: the place itself, or moved aside with a leader line back to it. */
  cx: number;
  cy: number;
  moved: boolean;
}

/**
 * An equirectangular projection scaled by cos(latitude), fitting the box inside the frame with its
 * aspect kept and centred both ways (the spare width or height split evenly).
 */
export function fitProjection(bbox: Bbox, frame = { width, height, pad }) {
  const [west, south, east, north] = bbox;
  const squash = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * squash, Number.EPSILON);
  const spanY = Math.max(north - south, Number.EPSILON);
  const scale = Math.min((frame.width - 2 * frame.pad) / spanX, (frame.height - 2 * frame.pad) / spanY);
  const left = (frame.width - spanX * scale) / 2;
  const top = (frame.height - spanY * scale) / 2;
  return {
    x: (lon: number) => left + (lon - west) * squash * scale,
    y: (lat: number) => top + (north - lat) * scale,
  };
}

/**
 * Keeps numbered markers from hiding each other: markers that would touch are gathered into a
 * cluster, and the cluster's markers are set round its centre, in order, each with a leader line to
 * its place; where two clusters then touch, they become one and are set again. Markers alone stay
 * on their place. Circles stay inside the frame.
 */
export function placeMarkers(points: readonly { x: number; y: number }[], frame = { width, height }): PlacedMarker[] {
  const parent = points.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] as number;
    return at;
  };
  let placed: PlacedMarker[] = points.map((point) => ({ ...point, cx: point.x, cy: point.y, moved: false }));
  // Each round joins at least two clusters, so there are at most as many rounds as markers.
  for (let round = 0; round <= points.length; round += 1) {
    let joined = false;
    placed.forEach((a, i) => {
      placed.forEach((b, j) => {
        if (j > i && root(i) !== root(j) && Math.hypot(a.cx - b.cx, a.cy - b.cy) < clearance) {
          parent[root(j)] = root(i);
          joined = true;
        }
      });
    });
    if (!joined) break;
    placed = arrange(
      points,
      points.map((_, index) => root(index)),
      frame,
    );
  }
  return placed;
}

/** Sets each cluster's markers on a ring round the cluster's centre, the ring kept inside the frame. */
function arrange(
  points: readonly { x: number; y: number }[],
  roots: readonly number[],
  frame: { width: number; height: number },
): PlacedMarker[] {
  const clusters = new Map<number, number[]>();
  roots.forEach((clusterRoot, index) => {
    clusters.set(clusterRoot, [...(clusters.get(clusterRoot) ?? []), index]);
  });
  const placed: PlacedMarker[] = points.map((point) => ({ ...point, cx: point.x, cy: point.y, moved: false }));
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    // A ring wide enough that neighbouring circles clear each other, and clear of the places.
    const ring = Math.max(clearance * 1.4, (clearance * members.length) / (2 * Math.PI) + radius);
    const margin = ring + radius + 1;
    const mean = (axis: 'x' | 'y') =>
      members.reduce((sum, index) => sum + (points[index]?.[axis] ?? 0), 0) / members.length;
    const centreX = clamp(mean('x'), margin, frame.width - margin);
    const centreY = clamp(mean('y'), margin, frame.height - margin);
    // Round the ring in the order the places lie round the centre, so that leader lines do not cross.
    const bearing = (index: number) => {
      const point = points[index];
      if (!point || Math.hypot(point.x - centreX, point.y - centreY) < 1) return -Math.PI / 2;
      const angle = Math.atan2(point.y - centreY, point.x - centreX);
      return angle < -Math.PI / 2 ? angle + 2 * Math.PI : angle;
    };
    const ordered = [...members].sort((a, b) => bearing(a) - bearing(b) || a - b);
    ordered.forEach((index, order) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * order) / members.length;
      const marker = placed[index];
      if (!marker) return;
      marker.cx = centreX + ring * Math.cos(angle);
      marker.cy = centreY + ring * Math.sin(angle);
      marker.moved = true;
    });
  }
  return placed;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * The district drawn as SVG for the printed pack (a WebGL canvas does not print reliably): its
 * boundary centred in the frame, with numbered points that never cover one another.
 */
export function DistrictSketch({ district, points }: { district: DistrictFeature; points: readonly SketchPoint[] }) {
  const { x, y } = fitProjection(district.bbox);
  const path = district.geometry.coordinates
    .flatMap((polygon) =>
      polygon.map(
        (ring) => `M${ring.map(([lon = 0, lat = 0]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`,
      ),
    )
    .join('');
  const markers = placeMarkers(points.map((point) => ({ x: x(point.lon), y: y(point.lat) })));
  return (
    <figure className="district-sketch">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Map of ${district.properties.name}`}>
        <path d={path} className="district-sketch__area" fillRule="evenodd" />
        {markers.map(
          (marker, index) =>
            marker.moved && (
              <g key={points[index]?.key} className="district-sketch__leader">
                <line x1={marker.x} y1={marker.y} x2={marker.cx} y2={marker.cy} />
                <circle cx={marker.x} cy={marker.y} r={2.5} />
              </g>
            ),
        )}
        {points.map((point, index) => {
          const marker = markers[index] as PlacedMarker;
          return (
            <g
              key={point.key}
              className={`district-sketch__point district-sketch__point--${point.kind}`}
              data-testid="sketch-marker"
            >
              <circle cx={marker.cx.toFixed(1)} cy={marker.cy.toFixed(1)} r={radius} />
              <text x={marker.cx.toFixed(1)} y={(marker.cy + 4).toFixed(1)} textAnchor="middle">
                {index + 1}
              </text>
            </g>
          );
        })}
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
