import { toBritishNationalGrid } from '@lantern/geo';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { cellSquares } from './cell-squares.ts';
import { HotspotCellPanel } from './hotspot-cell-panel.tsx';
import { HotspotControls } from './hotspot-controls.tsx';
import { HotspotLegend } from './hotspot-legend.tsx';
import { defaultHotspotSettings, type HotspotSettings, useHotspots } from './use-hotspots.ts';

afterEach(cleanup);

const result = {
  cell: 250,
  band: 750,
  fdr: true,
  events: 14,
  cells: [
    { id: 'E457000N339750', x: 457125, y: 339875, count: 12, z: 6.4, p: 1.5e-10, bin: 3 },
    { id: 'E457250N339750', x: 457375, y: 339875, count: 0, z: 0.1, p: 0.92, bin: 0 },
  ],
};

function PanelFor({ cellId }: { cellId: string }) {
  const hotspots = useHotspots({ from: '2024-01-01', to: '2024-01-31' });
  if (hotspots.selectedCellId !== cellId) hotspots.selectCell(cellId);
  return <HotspotCellPanel hotspots={hotspots} onClose={() => hotspots.selectCell(null)} />;
}

describe('hot-spot layer pieces', () => {
  it('draws only significant cells, as closed WGS84 squares around the cell centre', () => {
    const squares = cellSquares(result);
    expect(squares.features.map((feature) => feature.id)).toEqual(['E457000N339750']);
    const ring = squares.features[0]?.geometry.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // The south-west corner projects back to the cell's corner in metres (the id says where).
    const [easting, northing] = toBritishNationalGrid(ring[0] as [number, number]);
    expect(easting).toBeCloseTo(457000, 2);
    expect(northing).toBeCloseTo(339750, 2);
    const [oppositeEasting, oppositeNorthing] = toBritishNationalGrid(ring[2] as [number, number]);
    expect([oppositeEasting - easting, oppositeNorthing - northing].map(Math.round)).toEqual([250, 250]);
  });

  it('lists the seven classes with what significance was judged on', () => {
    renderWithApi(<HotspotLegend fdr cell={250} band={750} />, fakeApi({}));
    expect(screen.getByText(/250 m cells, neighbours within 750 m, corrected for false discoveries/)).toBeTruthy();
    expect([...document.querySelectorAll('li[data-bin]')].map((item) => item.getAttribute('data-bin'))).toEqual([
      '3',
      '2',
      '1',
      '0',
      '-1',
      '-2',
      '-3',
    ]);
  });

  it('offers crime types only for police.uk crime', () => {
    let settings: HotspotSettings = defaultHotspotSettings;
    const view = renderWithApi(
      <HotspotControls settings={settings} onChange={(next) => (settings = next)} crimeTypes={['Burglary']} />,
      fakeApi({}),
    );
    fireEvent.change(screen.getByLabelText('Crime type'), { target: { value: 'Burglary' } });
    expect(settings.crimeType).toBe('Burglary');
    view.rerender(<HotspotControls settings={{ ...settings, source: 'places' }} onChange={() => undefined} />);
    expect(screen.queryByLabelText('Crime type')).toBeNull();
  });

  it('shows the records of a cell, asking hotspots.cell with the map’s filters', async () => {
    const api = fakeApi({
      'hotspots.compute': () => ({ data: result }),
      'hotspots.cell': () => ({
        data: {
          id: 'E457000N339750',
          count: 2,
          records: [
            { kind: 'crime', id: 'c1', date: '2024-01-01', label: 'On or near Market Street' },
            { kind: 'crime', id: 'c2', date: '2024-01-01', label: 'On or near Parking Area' },
          ],
        },
      }),
    });
    renderWithApi(<PanelFor cellId="E457000N339750" />, api);
    expect(await screen.findByText('Crime, 2024-01-01: On or near Market Street')).toBeTruthy();
    const cellRequest = api.requests.find((request) => request.path === 'hotspots.cell');
    expect(cellRequest?.input).toEqual({
      source: 'police-uk',
      from: '2024-01-01',
      to: '2024-01-31',
      cellSize: 250,
      cellId: 'E457000N339750',
    });
  });

  it('says why a role sees only a count of children’s records', async () => {
    const api = fakeApi({
      'hotspots.compute': () => ({ data: result }),
      'hotspots.cell': () => ({ data: { id: 'E457000N339750', count: '<5', records: null } }),
    });
    renderWithApi(<PanelFor cellId="E457000N339750" />, api);
    expect(await screen.findByText('Fewer than 5 events')).toBeTruthy();
    expect(screen.getByText(/sees how many, not which/)).toBeTruthy();
  });
});
