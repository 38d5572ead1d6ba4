import type { ProfileChart, ProfileDocument, ProfileMap } from '@lantern/domain';
import type { Bbox, DistrictFeature } from '../map/boundaries.ts';
import { formatMonth } from '../ui/format.ts';
import { figureValueText, suppressed } from './profile-format.ts';

/**
 * A profile's charts and maps as SVG: drawn by the page itself (no canvas), so they print sharp
 * and read the same on paper as on screen.
 */
export function ProfileChartView({ chart, edition }: { chart: ProfileChart; edition: ProfileDocument['edition'] }) {
  if (chart.kind === 'monthly') return <MonthlyChart chart={chart} />;
  if (chart.kind === 'hour_of_week') return <HourOfWeekGrid chart={chart} />;
  return <BarsChart chart={chart} edition={edition} />;
}

const monthlyWidth = 640;
const monthlyHeight = 220;
const axis = { left: 36, bottom: 40, top: 18, right: 8 };

/** Monthly counts as columns; a month not yet complete is hollow, dashed and labelled "so far". */
function MonthlyChart({ chart }: { chart: Extract<ProfileChart, { kind: 'monthly' }> }) {
  const top = Math.max(1, ...chart.points.map((point) => point.value));
  const plotWidth = monthlyWidth - axis.left - axis.right;
  const plotHeight = monthlyHeight - axis.top - axis.bottom;
  const slot = plotWidth / Math.max(1, chart.points.length);
  const barWidth = Math.max(4, slot * 0.7);
  return (
    <figure className="profile-chart" data-testid={`chart-${chart.key}`}>
      <figcaption>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${monthlyWidth} ${monthlyHeight}`} role="img" aria-label={`${chart.title}, by month`}>
        <line
          x1={axis.left}
          x2={monthlyWidth - axis.right}
          y1={axis.top + plotHeight}
          y2={axis.top + plotHeight}
          className="profile-chart__axis"
        />
        <text x={axis.left - 6} y={axis.top + 4} textAnchor="end" className="profile-chart__tick">
          {top}
        </text>
        <text x={axis.left - 6} y={axis.top + plotHeight} textAnchor="end" className="profile-chart__tick">
          0
        </text>
        {chart.points.map((point, index) => {
          // A withheld count (partner edition) is a hollow column the height of 5, titled "<5".
          const height = ((point.suppressed ? Math.min(5, top) : point.value) / top) * plotHeight;
          const x = axis.left + index * slot + (slot - barWidth) / 2;
          const y = axis.top + plotHeight - height;
          return (
            <g key={point.month} data-month={point.month} data-partial={point.partial ? 'true' : undefined}>
              <title>{`${formatMonth(point.month)}: ${point.suppressed ? '<5' : point.value}${point.partial ? ' so far' : ''}`}</title>
              <rect
                x={x}
                y={y}
                width={barWidth}
                height={Math.max(height, 0.5)}
                className={
                  point.partial || point.suppressed
                    ? 'profile-chart__bar profile-chart__bar--partial'
                    : 'profile-chart__bar'
                }
              />
              {point.partial && (
                <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" className="profile-chart__so-far">
                  so far
                </text>
              )}
              <text
                x={x + barWidth / 2}
                y={axis.top + plotHeight + 14}
                textAnchor="middle"
                className="profile-chart__tick"
              >
                {formatMonth(point.month).slice(0, 3)}
              </text>
              {(index === 0 || point.month.endsWith('-01')) && (
                <text
                  x={x + barWidth / 2}
                  y={axis.top + plotHeight + 28}
                  textAnchor="middle"
                  className="profile-chart__tick"
                >
                  {point.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const dayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Events by day of the week and hour (London time), darker where there are more. */
function HourOfWeekGrid({ chart }: { chart: Extract<ProfileChart, { kind: 'hour_of_week' }> }) {
  const top = Math.max(1, ...chart.cells.flat());
  const cell = 22;
  const left = 40;
  const head = 18;
  return (
    <figure className="profile-chart" data-testid={`chart-${chart.key}`}>
      <figcaption>{chart.title}</figcaption>
      <svg
        viewBox={`0 0 ${left + 24 * cell + 4} ${head + 7 * cell + 4}`}
        role="img"
        aria-label={`${chart.title}, by day and hour`}
      >
        {Array.from({ length: 24 }, (_, hour) =>
          hour % 3 === 0 ? (
            <text
              key={hour}
              x={left + hour * cell + cell / 2}
              y={head - 5}
              textAnchor="middle"
              className="profile-chart__tick"
            >
              {String(hour).padStart(2, '0')}
            </text>
          ) : null,
        )}
        {chart.cells.map((hours, day) => (
          <g key={dayNames[day] ?? day}>
            <text x={left - 6} y={head + day * cell + cell / 2 + 4} textAnchor="end" className="profile-chart__tick">
              {dayNames[day]}
            </text>
            {hours.map((count, hour) => (
              <rect
                key={hour}
                x={left + hour * cell}
                y={head + day * cell}
                width={cell - 1}
                height={cell - 1}
                className="profile-chart__cell"
                fillOpacity={chart.suppressed?.[day]?.[hour] ? 0.15 : count === 0 ? 0.04 : 0.15 + 0.85 * (count / top)}
              >
                <title>{`${dayNames[day]} ${String(hour).padStart(2, '0')}:00: ${chart.suppressed?.[day]?.[hour] ? '<5' : count}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Counts by category as horizontal bars, each labelled with its count. */
/**
 * Counts by category as horizontal bars, each labelled with its count. Bars count people (ages,
 * care status), so the partner edition draws a count of 1 to 4 as a hollow bar the length of 5,
 * labelled "<5", as the tables read.
 */
function BarsChart({
  chart,
  edition,
}: {
  chart: Extract<ProfileChart, { kind: 'bars' }>;
  edition: ProfileDocument['edition'];
}) {
  const top = Math.max(1, ...chart.bars.map((bar) => bar.value));
  const row = 24;
  const labelWidth = 200;
  const width = 640;
  const plot = width - labelWidth - 50;
  return (
    <figure className="profile-chart" data-testid={`chart-${chart.key}`}>
      <figcaption>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${Math.max(row, chart.bars.length * row) + 4}`} role="img" aria-label={chart.title}>
        {chart.bars.map((bar, index) => {
          const hidden = bar.suppressed === true || suppressed(bar.value, true, edition);
          const length = Math.max(1, ((hidden ? Math.max(5, bar.value) : bar.value) / Math.max(top, 5)) * plot);
          return (
            <g key={bar.label} data-bar={bar.label}>
              <text x={labelWidth - 8} y={index * row + 16} textAnchor="end" className="profile-chart__tick">
                {bar.label}
              </text>
              <rect
                x={labelWidth}
                y={index * row + 4}
                width={length}
                height={row - 8}
                className={hidden ? 'profile-chart__bar profile-chart__bar--partial' : 'profile-chart__bar'}
              />
              <text x={labelWidth + length + 6} y={index * row + 16} className="profile-chart__tick">
                {hidden ? '<5' : figureValueText(bar.value, true, edition)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const mapWidth = 640;
const mapHeight = 420;
const mapPad = 16;

function unionBbox(boxes: readonly Bbox[]): Bbox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Bbox>(
    (all, box) => [
      Math.min(all[0], box[0]),
      Math.min(all[1], box[1]),
      Math.max(all[2], box[2]),
      Math.max(all[3], box[3]),
    ],
    [...(boxes[0] as Bbox)],
  );
}

/**
 * The profile's area and its points drawn as SVG: the districts' boundaries in an
 * equirectangular projection scaled by cos(latitude), numbered points sized by weight, and a key.
 */
export function ProfileMapView({
  map,
  districts,
  edition,
}: {
  map: ProfileMap;
  districts: readonly DistrictFeature[];
  edition: ProfileDocument['edition'];
}) {
  const shown = districts.filter((district) => map.districtCodes.includes(district.properties.code));
  const pointBox: Bbox[] = map.points.map((point) => [point.lon, point.lat, point.lon, point.lat]);
  const box = unionBbox(shown.length > 0 ? shown.map((district) => district.bbox) : pointBox);
  const top = Math.max(1, ...map.points.map((point) => point.weight));
  if (!box) {
    return (
      <figure className="profile-map" data-testid={`map-${map.key}`}>
        <figcaption>{map.title}: no places to show.</figcaption>
      </figure>
    );
  }
  const [west, south, east, north] = box;
  const squash = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min(
    (mapWidth - 2 * mapPad) / Math.max((east - west) * squash, 0.01),
    (mapHeight - 2 * mapPad) / Math.max(north - south, 0.01),
  );
  const x = (lon: number) => mapPad + (lon - west) * squash * scale;
  const y = (lat: number) => mapPad + (north - lat) * scale;
  const path = (district: DistrictFeature) =>
    district.geometry.coordinates
      .flatMap((polygon) =>
        polygon.map(
          (ring) => `M${ring.map(([lon = 0, lat = 0]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`,
        ),
      )
      .join('');
  return (
    <figure className="profile-map" data-testid={`map-${map.key}`}>
      <figcaption>{map.title}</figcaption>
      <svg viewBox={`0 0 ${mapWidth} ${mapHeight}`} role="img" aria-label={`Map: ${map.title}`}>
        {shown.map((district) => (
          <path key={district.properties.code} d={path(district)} className="profile-map__area" fillRule="evenodd" />
        ))}
        {map.points.map((point, index) => (
          <g
            key={`${point.label}-${point.lon}-${point.lat}`}
            className={`profile-map__point profile-map__point--${point.kind}`}
          >
            <circle cx={x(point.lon)} cy={y(point.lat)} r={7 + 6 * (point.weight / top)} />
            <text x={x(point.lon)} y={y(point.lat) + 4} textAnchor="middle">
              {index + 1}
            </text>
          </g>
        ))}
      </svg>
      {map.points.length > 0 && (
        <ol className="profile-map__key">
          {map.points.map((point) => (
            <li key={`${point.label}-${point.lon}-${point.lat}`}>{pointKey(point, edition)}</li>
          ))}
        </ol>
      )}
    </figure>
  );
}

const pointKinds = { hotspot: 'hot spot', place: 'place of concern', event: 'event' } as const;

/**
 * A point of the map's key: "Guest house (place of concern, 4)". A weight may count children, so
 * the partner edition shows 1 to 4 as "<5" here as everywhere.
 */
export function pointKey(point: ProfileMap['points'][number], edition: ProfileDocument['edition']): string {
  const weight = point.suppressed ? '<5' : figureValueText(point.weight, true, edition);
  const kind = pointKinds[point.kind];
  return point.label.trim() === ''
    ? `${kind.charAt(0).toUpperCase()}${kind.slice(1)}, ${weight}`
    : `${point.label} (${kind}, ${weight})`;
}
