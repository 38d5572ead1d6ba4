import type { ProfileChart, ProfileMap } from '@lantern/domain';

/**
 * SVG drawings of a profile's charts and map, pure strings so the web app can reuse them for
 * print; the DOCX renderer turns them into PNGs. Text uses the family "Noto Sans".
 */

type Bars = Extract<ProfileChart, { kind: 'bars' }>;
type Monthly = Extract<ProfileChart, { kind: 'monthly' }>;
type HourOfWeek = Extract<ProfileChart, { kind: 'hour_of_week' }>;

export interface DistrictOutline {
  code: string;
  /** GeoJSON MultiPolygon coordinates, WGS84. */
  coordinates: readonly (readonly (readonly (readonly number[])[])[])[];
}

const FONT = 'font-family="Noto Sans" fill="#1b1b1b"';
const INK = '#1d4f91';

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function frame(width: number, height: number, title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="16" font-weight="700" ${FONT}>${escapeXml(title)}</text>`,
    body,
    '</svg>',
  ].join('\n');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(2, 4)}`;

/** Horizontal bars, one per label, with the count at the end of each bar. */
export function barsSvg(chart: Bars): string {
  const width = 720;
  const rowHeight = 30;
  const height = 60 + rowHeight * Math.max(1, chart.bars.length);
  const max = Math.max(1, ...chart.bars.map((b) => b.value));
  const left = 180;
  const span = width - left - 80;
  const body = chart.bars
    .map((bar, i) => {
      const y = 48 + i * rowHeight;
      // A withheld count (partner edition) is a hollow bar the length of 5, labelled "<5".
      const w = (span * (bar.suppressed ? Math.min(5, max) : bar.value)) / max;
      const fill = bar.suppressed ? `fill="#ffffff" stroke="${INK}" stroke-dasharray="4 3"` : `fill="${INK}"`;
      return [
        `<text x="${left - 8}" y="${y + 18}" font-size="13" text-anchor="end" ${FONT}>${escapeXml(bar.label)}</text>`,
        `<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 10}" ${fill}/>`,
        `<text x="${(left + w + 6).toFixed(1)}" y="${y + 18}" font-size="13" ${FONT}>${bar.suppressed ? '&lt;5' : bar.value.toLocaleString('en-GB')}</text>`,
      ].join('');
    })
    .join('\n');
  return frame(width, height, chart.title, body || `<text x="16" y="70" font-size="13" ${FONT}>Nothing found</text>`);
}

/**
 * A monthly line: complete months as filled dots joined by a solid line; a partial month (not
 * complete when the figures were computed) as a hollow dot joined by a dashed line, and labelled.
 */
export function monthlySvg(chart: Monthly): string {
  const width = 720;
  const height = 320;
  const left = 56;
  const right = 24;
  const top = 48;
  const bottom = 60;
  const n = chart.points.length;
  const max = Math.max(1, ...chart.points.map((p) => p.value));
  const x = (i: number) => left + (n <= 1 ? 0 : (i * (width - left - right)) / (n - 1));
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1]) {
    const value = Math.round(max * tick);
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#d0d0d0"/>`,
      `<text x="${left - 8}" y="${(y(value) + 4).toFixed(1)}" font-size="12" text-anchor="end" ${FONT}>${value}</text>`,
    );
  }
  chart.points.forEach((point, i) => {
    const previous = chart.points[i - 1];
    if (previous) {
      const dashed = point.partial || previous.partial;
      parts.push(
        `<line x1="${x(i - 1).toFixed(1)}" y1="${y(previous.value).toFixed(1)}" x2="${x(i).toFixed(1)}" y2="${y(point.value).toFixed(1)}" stroke="${INK}" stroke-width="2.5"${dashed ? ' stroke-dasharray="6 5"' : ''}/>`,
      );
    }
  });
  chart.points.forEach((point, i) => {
    parts.push(
      `<circle cx="${x(i).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="5" fill="${point.partial ? '#ffffff' : INK}" stroke="${INK}" stroke-width="2"/>`,
      `<text x="${x(i).toFixed(1)}" y="${height - bottom + 20}" font-size="11" text-anchor="middle" ${FONT}>${escapeXml(monthLabel(point.month))}</text>`,
    );
    if (point.suppressed) {
      parts.push(
        `<text x="${x(i).toFixed(1)}" y="${(y(point.value) - 10).toFixed(1)}" font-size="11" text-anchor="middle" ${FONT}>&lt;5</text>`,
      );
    }
    if (point.partial) {
      parts.push(
        `<text x="${x(i).toFixed(1)}" y="${height - bottom + 36}" font-size="11" text-anchor="middle" ${FONT}>partial</text>`,
      );
    }
  });
  return frame(width, height, chart.title, parts.join('\n'));
}

/** A 7 × 24 heat grid, Monday first, London hours; darker is more. */
export function hourOfWeekSvg(chart: HourOfWeek): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const cell = 26;
  const left = 56;
  const top = 64;
  const width = left + 24 * cell + 16;
  const height = top + 7 * cell + 40;
  const max = Math.max(1, ...chart.cells.flat());
  const parts: string[] = [];
  for (let hour = 0; hour < 24; hour += 3) {
    parts.push(
      `<text x="${left + hour * cell + cell / 2}" y="${top - 8}" font-size="11" text-anchor="middle" ${FONT}>${String(hour).padStart(2, '0')}</text>`,
    );
  }
  chart.cells.forEach((row, day) => {
    parts.push(
      `<text x="${left - 8}" y="${top + day * cell + 17}" font-size="12" text-anchor="end" ${FONT}>${days[day]}</text>`,
    );
    row.forEach((value, hour) => {
      // A withheld cell (partner edition, 1–4) is drawn as the lightest shade that is not empty.
      const withheld = chart.suppressed?.[day]?.[hour] === true;
      const share = withheld ? Math.min(1, 4 / max) / 2 : value / max;
      const light = Math.round(96 - 66 * share);
      parts.push(
        `<rect x="${left + hour * cell}" y="${top + day * cell}" width="${cell - 2}" height="${cell - 2}" fill="hsl(214, 65%, ${light}%)"><title>${days[day]} ${hour}:00 ${withheld ? '&lt;5' : value}</title></rect>`,
      );
    });
  });
  parts.push(
    `<text x="${left}" y="${height - 12}" font-size="11" ${FONT}>Hours in London time (BST in summer, GMT in winter). Darkest: ${max.toLocaleString('en-GB')}</text>`,
  );
  return frame(width, height, chart.title, parts.join('\n'));
}

/**
 * The area and its points, projected simply (longitude scaled by the cosine of the mid latitude):
 * district outlines, places sized by weight, events as small dots.
 */
export function mapSvg(map: ProfileMap, outlines: readonly DistrictOutline[] = []): string {
  const width = 720;
  const height = 560;
  const pad = 24;
  const top = 44;
  const coords: number[][] = [
    ...outlines.flatMap((o) => o.coordinates.flatMap((poly) => poly.flatMap((ring) => ring.map((c) => [...c])))),
    ...map.points.map((p) => [p.lon, p.lat]),
  ];
  const lons = coords.map((c) => c[0] ?? 0);
  const lats = coords.map((c) => c[1] ?? 0);
  const [minLon, maxLon] = coords.length ? [Math.min(...lons), Math.max(...lons)] : [-1, 1];
  const [minLat, maxLat] = coords.length ? [Math.min(...lats), Math.max(...lats)] : [-1, 1];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-6, (maxLon - minLon) * k);
  const spanY = Math.max(1e-6, maxLat - minLat);
  const scale = Math.min((width - 2 * pad) / spanX, (height - top - pad) / spanY);
  const ox = pad + (width - 2 * pad - spanX * scale) / 2;
  const oy = top + (height - top - pad - spanY * scale) / 2;
  const px = (lon: number) => ox + (lon - minLon) * k * scale;
  const py = (lat: number) => oy + (maxLat - lat) * scale;
  const parts: string[] = [];
  for (const outline of outlines) {
    const d = outline.coordinates
      .flatMap((poly) =>
        poly.map((ring) => `M${ring.map((c) => `${px(c[0] ?? 0).toFixed(1)},${py(c[1] ?? 0).toFixed(1)}`).join('L')}Z`),
      )
      .join('');
    parts.push(`<path d="${d}" fill="#f2f5f9" stroke="#5a6b80" stroke-width="1.5"/>`);
  }
  for (const p of map.points.filter((point) => point.kind === 'event')) {
    parts.push(
      `<circle cx="${px(p.lon).toFixed(1)}" cy="${py(p.lat).toFixed(1)}" r="2.5" fill="#c0392b" fill-opacity="0.55"/>`,
    );
  }
  for (const p of map.points.filter((point) => point.kind !== 'event')) {
    const r = 5 + 2 * Math.sqrt(Math.max(0, p.weight));
    parts.push(
      `<circle cx="${px(p.lon).toFixed(1)}" cy="${py(p.lat).toFixed(1)}" r="${r.toFixed(1)}" fill="${INK}" fill-opacity="0.8" stroke="#ffffff"/>`,
    );
  }
  parts.push(
    `<circle cx="${pad + 6}" cy="${height - 12}" r="4" fill="#c0392b"/><text x="${pad + 16}" y="${height - 8}" font-size="11" ${FONT}>last seen (missing)</text>`,
    `<circle cx="${pad + 156}" cy="${height - 12}" r="6" fill="${INK}"/><text x="${pad + 168}" y="${height - 8}" font-size="11" ${FONT}>place (size: children linked)</text>`,
  );
  return frame(width, height, map.title, parts.join('\n'));
}

/** The SVG of any chart. */
export function chartSvg(chart: ProfileChart): string {
  if (chart.kind === 'bars') return barsSvg(chart);
  if (chart.kind === 'monthly') return monthlySvg(chart);
  return hourOfWeekSvg(chart);
}
