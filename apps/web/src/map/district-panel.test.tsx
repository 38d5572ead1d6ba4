import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import type { DistrictFeature } from './boundaries.ts';
import { DistrictPanel } from './district-panel.tsx';

const mansfield: DistrictFeature = {
  type: 'Feature',
  id: 'E07000174',
  bbox: [-1.26, 53.1, -1.08, 53.23],
  properties: { code: 'E07000174', name: 'Mansfield', kind: 'district', labelLon: -1.19, labelLat: 53.15 },
  geometry: { type: 'MultiPolygon', coordinates: [] },
};

function summary(counts: Record<string, number | '<5'>) {
  return { code: 'E07000174', name: 'Mansfield', kind: 'district', counts };
}

afterEach(cleanup);

describe('DistrictPanel', () => {
  it('shows the district’s counts from districts.list, and says why some read “fewer than 5”', async () => {
    const api = fakeApi({
      'districts.list': () => ({
        data: {
          districts: [summary({ places: 39, intelligenceReports: 1204, missingEpisodes: '<5', childrenFlagged: 12 })],
        },
      }),
    });
    renderWithApi(<DistrictPanel district={mansfield} onClose={() => undefined} />, api);

    expect(screen.getByRole('heading', { name: 'Mansfield' })).toBeTruthy();
    await screen.findByText('Places of concern (active)');
    const counts = Object.fromEntries(
      [...document.querySelectorAll('dd[data-count]')].map((dd) => [dd.getAttribute('data-count'), dd.textContent]),
    );
    expect(counts).toEqual({
      places: '39',
      intelligenceReports: '1,204',
      missingEpisodes: 'fewer than 5',
      childrenFlagged: '12',
    });
    expect(
      screen.getByText('Counts of 1 to 4 children are shown as “fewer than 5” so that no child can be singled out.'),
    ).toBeTruthy();
  });

  it('shows the API’s message when the counts cannot be had', async () => {
    const api = fakeApi({
      'districts.list': () => ({
        error: { message: 'Your role (none) may not use districts.list', code: 'FORBIDDEN', httpStatus: 403 },
      }),
    });
    renderWithApi(<DistrictPanel district={mansfield} onClose={() => undefined} />, api);

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.querySelector('p')?.textContent).toBe('Your role (none) may not use districts.list');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
