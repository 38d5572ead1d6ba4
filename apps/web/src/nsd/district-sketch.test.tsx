import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistrictFeature } from '../map/boundaries.ts';
import { DistrictSketch, placeMarkers, type SketchPoint } from './district-sketch.tsx';

afterEach(cleanup);

/** A district taller than it is wide (as Mansfield is, in the pack's frame): the spare width is to share out. */
const tall: DistrictFeature = {
  type: 'Feature',
  id: 'E07000174',
  bbox: [-1.3, 53.1, -1.1, 53.3],
  properties: { code: 'E07000174', name: 'Tallshire', kind: 'district', labelLon: -1.2, labelLat: 53.2 },
  geometry: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [-1.3, 53.1],
          [-1.1, 53.1],
          [-1.1, 53.3],
          [-1.3, 53.3],
          [-1.3, 53.1],
        ],
      ],
    ],
  },
};

function point(key: string, lon: number, lat: number): SketchPoint {
  return { key, lon, lat, kind: key.startsWith('c') ? 'closure' : 'hotspot', label: key };
}

function markerCentres(): { x: number; y: number; n: string }[] {
  return screen.getAllByTestId('sketch-marker').map((marker) => ({
    x: Number(marker.querySelector('circle')?.getAttribute('cx')),
    y: Number(marker.querySelector('circle')?.getAttribute('cy')),
    n: marker.querySelector('text')?.textContent ?? '',
  }));
}

// Issue 18: the pack's sketch map drew the district left of its frame, and markers 4 and 5 on one another.
describe('DistrictSketch', () => {
  it('centres the district in its frame', () => {
    const { container } = render(<DistrictSketch district={tall} points={[]} />);
    const [, , frameWidth = 0, frameHeight = 0] = (container.querySelector('svg')?.getAttribute('viewBox') ?? '')
      .split(' ')
      .map(Number);
    const coordinates = [
      ...(container.querySelector('path')?.getAttribute('d') ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g),
    ];
    const xs = coordinates.map((match) => Number(match[1]));
    const ys = coordinates.map((match) => Number(match[2]));
    const leftGap = Math.min(...xs);
    const rightGap = frameWidth - Math.max(...xs);
    expect(leftGap).toBeGreaterThan(20);
    expect(Math.abs(leftGap - rightGap)).toBeLessThan(1);
    expect(Math.abs(Math.min(...ys) - (frameHeight - Math.max(...ys)))).toBeLessThan(1);
  });

  it('moves markers at one place apart so every number shows, with a leader line to the place', () => {
    const { container } = render(
      <DistrictSketch
        district={tall}
        points={[
          point('h1', -1.28, 53.28),
          point('h2', -1.15, 53.12),
          point('h3', -1.25, 53.15),
          point('c4', -1.2, 53.2),
          point('c5', -1.2, 53.2),
          point('h6', -1.2001, 53.2003),
        ]}
      />,
    );
    const centres = markerCentres();
    expect(centres.map((centre) => centre.n)).toEqual(['1', '2', '3', '4', '5', '6']);
    for (const [i, a] of centres.entries()) {
      for (const b of centres.slice(i + 1)) {
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.n} and ${b.n}`).toBeGreaterThanOrEqual(18);
      }
    }
    // Markers 1 to 3 stand alone and stay on their places; 4, 5 and 6 are led back to theirs.
    expect(container.querySelectorAll('.district-sketch__leader line')).toHaveLength(3);
  });

  it('keeps a crowd of markers apart and inside the frame', () => {
    const crowd = Array.from({ length: 12 }, (_, index) => ({ x: 5 + (index % 3), y: 5 + index / 10 }));
    const placed = placeMarkers(crowd);
    for (const [i, a] of placed.entries()) {
      expect(a.cx).toBeGreaterThanOrEqual(9);
      expect(a.cy).toBeGreaterThanOrEqual(9);
      for (const b of placed.slice(i + 1)) expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThanOrEqual(18);
    }
  });
});
