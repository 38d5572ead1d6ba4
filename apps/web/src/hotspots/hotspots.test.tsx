import { toBritishNationalGrid } from '@lantern/geo';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, renderWithApi } from '../test/fake-api.tsx';
import { cellSquares, densitySquares, emergingSquares } from './cell-squares.ts';
import { EmergingLegend } from './emerging-legend.tsx';
import { HotspotCellPanel } from './hotspot-cell-panel.tsx';
import { HotspotControls } from './hotspot-controls.tsx';
import { HotspotLegend } from './hotspot-legend.tsx';
import { HotspotSection } from './hotspot-section.tsx';
import {
  defaultHotspotSettings,
  emergingPeriod,
  type HotspotSettings,
  type HotspotView,
  monthsSpanned,
  useHotspots,
} from './use-hotspots.ts';

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

function PanelFor({
  cellId,
  view = 'gi',
  range = { from: '2024-01-01', to: '2024-01-31' },
}: {
  cellId: string;
  view?: HotspotView;
  range?: { from: string | null; to: string | null };
}) {
  const hotspots = useHotspots(range, true, { from: '2023-04-01', to: '2026-03-31' });
  if (hotspots.selectedCellId !== cellId) hotspots.selectCell(cellId);
  if (hotspots.settings.view !== view) hotspots.setSettings({ ...hotspots.settings, view });
  return <HotspotCellPanel hotspots={hotspots} onClose={() => hotspots.selectCell(null)} />;
}

function SectionWith() {
  const hotspots = useHotspots({ from: '2024-01-01', to: '2024-01-31' }, true, {
    from: '2023-04-01',
    to: '2026-03-31',
  });
  return <HotspotSection hotspots={hotspots} shown onShown={() => undefined} crimeTypes={[]} />;
}

describe('hot spots with no data', () => {
  it('says there is no data, rather than a legend of classes that nothing fell into', async () => {
    renderWithApi(
      <SectionWith />,
      fakeApi({ 'hotspots.compute': () => ({ data: { ...result, events: 0, cells: [] } }) }),
    );
    expect((await screen.findByTestId('hotspot-no-data')).textContent).toMatch(
      /^No data: there are no police\.uk crimes in this time range and these districts/,
    );
  });

  it('says nothing of the kind when there were events to analyse', async () => {
    renderWithApi(<SectionWith />, fakeApi({ 'hotspots.compute': () => ({ data: result }) }));
    await screen.findByRole('figure', { name: 'Hot spot legend' });
    expect(screen.queryByTestId('hotspot-no-data')).toBeNull();
  });
});

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
            { kind: 'crime', id: 'c1', date: '2024-01-01', label: 'On or near Market Street', type: 'Burglary' },
            { kind: 'crime', id: 'c2', date: '2024-01-01', label: 'On or near Parking Area', type: 'Drugs' },
          ],
          place: 'Central ward, Mansfield, near Market Street',
        },
      }),
    });
    renderWithApi(<PanelFor cellId="E457000N339750" />, api);
    // A crime's category, where and the month, in words; the cell named by its ward and street.
    expect(await screen.findByText('Burglary, On or near Market Street — Jan 2024')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Central ward, Mansfield, near Market Street' })).toBeTruthy();
    expect(screen.getByText('Grid cell E457000N339750')).toBeTruthy();
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
      'hotspots.cell': () => ({ data: { id: 'E457000N339750', place: null, count: '<5', records: null } }),
    });
    renderWithApi(<PanelFor cellId="E457000N339750" />, api);
    expect(await screen.findByText('Fewer than 5 events')).toBeTruthy();
    expect(screen.getByText(/sees how many, not which/)).toBeTruthy();
  });

  it('keeps the heat surface’s faint fringe off the map and scales the rest to the highest cell', () => {
    const squares = densitySquares({
      cell: 250,
      cells: [
        { id: 'E457000N339750', x: 457125, y: 339875, density: 40 },
        { id: 'E457250N339750', x: 457375, y: 339875, density: 10 },
        { id: 'E457500N339750', x: 457625, y: 339875, density: 0.5 },
      ],
    });
    expect(squares.features.map((feature) => [feature.id, feature.properties.level])).toEqual([
      ['E457000N339750', 1],
      ['E457250N339750', 0.25],
    ]);
    expect(densitySquares({ cell: 250, cells: [] }).features).toEqual([]);
  });

  it('colours emerging cells by pattern and kind', () => {
    const squares = emergingSquares({
      cell: 250,
      cells: [
        { id: 'E457000N339750', x: 457125, y: 339875, pattern: 'new', kind: 'hot' },
        { id: 'E457250N339750', x: 457375, y: 339875, pattern: 'new', kind: 'cold' },
      ],
    });
    const colours = squares.features.map((feature) => feature.properties.colour);
    expect(colours[0]).not.toBe(colours[1]);
    expect(colours.every((colour) => /^#[0-9a-f]{6}$/.test(colour))).toBe(true);
  });

  it('reads an open-ended range as the latest twelve months for emerging hot spots', () => {
    const extent = { from: '2023-04-01', to: '2026-03-31' };
    const today = '2026-12-04';
    expect(emergingPeriod({ from: null, to: null }, extent, today)).toEqual({
      from: '2025-04-01',
      to: '2026-03-31',
      leftOut: null,
    });
    expect(emergingPeriod({ from: null, to: '2024-01-31' }, extent, today)).toEqual({
      from: '2023-02-01',
      to: '2024-01-31',
      leftOut: null,
    });
    expect(emergingPeriod({ from: '2024-01-01', to: '2024-06-30' }, extent, today)).toEqual({
      from: '2024-01-01',
      to: '2024-06-30',
      leftOut: null,
    });
    expect(emergingPeriod({ from: null, to: null }, { from: null, to: null }, today)).toBeNull();
  });

  it('uses complete months only: the month under way is left out and named', () => {
    // Data to 2 December, today the 4th: "All dates" used to slice December as a whole month.
    const extent = { from: '2023-04-01', to: '2026-12-02' };
    expect(emergingPeriod({ from: null, to: null }, extent, '2026-12-04')).toEqual({
      from: '2025-12-01',
      to: '2026-11-30',
      leftOut: '2026-12',
    });
    expect(emergingPeriod({ from: '2026-01-01', to: '2026-12-31' }, extent, '2026-12-04')).toEqual({
      from: '2026-01-01',
      to: '2026-11-30',
      leftOut: '2026-12',
    });
    expect(monthsSpanned('2024-01-01', '2024-03-31')).toBe(3);
    expect(monthsSpanned('2023-11-15', '2024-02-01')).toBe(4);
  });

  it('lists only the emerging classes found, with their cells and meaning', () => {
    renderWithApi(
      <EmergingLegend
        months={['2024-01', '2024-02', '2024-03']}
        cells={[
          { pattern: 'intensifying', kind: 'hot' },
          { pattern: 'intensifying', kind: 'hot' },
          { pattern: 'historical', kind: 'cold' },
        ]}
        leftOut="2024-04"
      />,
      fakeApi({}),
    );
    expect(screen.getByText(/from Jan 2024 to Mar 2024/)).toBeTruthy();
    expect(screen.getByText(/Complete months only: Apr 2024 is under way and left out\./)).toBeTruthy();
    expect([...document.querySelectorAll('li[data-pattern]')].map((item) => item.textContent?.trim())).toEqual([
      'Intensifying hot spot (2): a spot in 90% of months or more, getting stronger',
      'Historical cold spot (1): a spot in 90% of months or more, but not the latest',
    ]);
  });

  it('offers a bandwidth for the heat surface instead of the band and FDR', () => {
    let settings: HotspotSettings = defaultHotspotSettings;
    const view = renderWithApi(
      <HotspotControls settings={settings} onChange={(next) => (settings = next)} />,
      fakeApi({}),
    );
    expect(screen.getByLabelText(/Correct for false discoveries/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'heat' } });
    expect(settings.view).toBe('heat');
    view.rerender(<HotspotControls settings={settings} onChange={(next) => (settings = next)} />);
    expect(screen.queryByLabelText(/Correct for false discoveries/)).toBeNull();
    fireEvent.change(screen.getByLabelText(/Bandwidth/), { target: { value: '800' } });
    expect(settings.bandwidth).toBe(800);
  });

  it('describes an emerging cell and asks for its records over the months the view compared', async () => {
    const api = fakeApi({
      'hotspots.emerging': () => ({
        data: {
          cell: 250,
          band: 750,
          months: Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`),
          cells: [
            {
              id: 'E457000N339750',
              x: 457125,
              y: 339875,
              pattern: 'persistent',
              kind: 'hot',
              trendZ: 0.4,
              trendP: 0.69,
              hotSlices: 11,
              coldSlices: 0,
            },
          ],
        },
      }),
      'hotspots.cell': () => ({ data: { id: 'E457000N339750', place: null, count: 3, records: [] } }),
    });
    renderWithApi(<PanelFor cellId="E457000N339750" view="emerging" range={{ from: null, to: null }} />, api);
    expect(
      await screen.findByText(
        'Persistent hot spot: a spot in 90% of months or more, no significant trend; a hot spot in 11 of 12 months, trend z = 0.40',
      ),
    ).toBeTruthy();
    const cellRequest = api.requests.find((request) => request.path === 'hotspots.cell');
    expect(cellRequest?.input).toMatchObject({ from: '2025-04-01', to: '2026-03-31', cellId: 'E457000N339750' });
    expect(api.requests.some((request) => request.path === 'hotspots.compute')).toBe(false);
  });
});
