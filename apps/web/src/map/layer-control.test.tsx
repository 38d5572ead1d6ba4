import type { MapLayer, MapLayerId } from '@lantern/domain';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LayerControl } from './layer-control.tsx';

afterEach(cleanup);

const layers: MapLayer[] = [
  { id: 'places', label: 'Places of concern', kind: 'places', from: '2023-01-01', to: null, types: ['hotel', 'park'] },
  {
    id: 'crime',
    label: 'Police.uk street crime',
    kind: 'tiles',
    from: '2024-01-01',
    to: '2024-03-31',
    types: ['Burglary', 'Drugs', 'Robbery'],
  },
];

function Harness({ onState }: { onState(visible: MapLayerId[], types: string[]): void }) {
  const [visible, setVisible] = useState<Set<MapLayerId>>(new Set(['places']));
  const [types, setTypes] = useState<string[]>([]);
  onState([...visible], types);
  return (
    <LayerControl
      layers={layers}
      visible={visible}
      onToggle={(id, on) => {
        const next = new Set(visible);
        if (on) next.add(id);
        else next.delete(id);
        setVisible(next);
      }}
      crimeTypes={types}
      onCrimeTypes={setTypes}
    />
  );
}

describe('LayerControl', () => {
  it('switches layers with labelled checkboxes and shows the place legend only while places are on', async () => {
    let state: { visible: MapLayerId[]; types: string[] } = { visible: [], types: [] };
    render(<Harness onState={(visible, types) => (state = { visible, types })} />);
    const places = screen.getByRole('checkbox', { name: 'Places of concern' });
    expect((places as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { name: 'Places by category' })).toBeTruthy();
    expect(screen.getByText('Hotel')).toBeTruthy();
    expect(screen.queryByText(/Crime types/)).toBeNull();

    await userEvent.click(places);
    expect(state.visible).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Places by category' })).toBeNull();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Police.uk street crime' }));
    expect(state.visible).toEqual(['crime']);
    expect(screen.getByText('Crime types: all types')).toBeTruthy();
  });

  it('narrows crime to the types ticked, and "Show every type" clears them', async () => {
    let state: { visible: MapLayerId[]; types: string[] } = { visible: [], types: [] };
    render(<Harness onState={(visible, types) => (state = { visible, types })} />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Police.uk street crime' }));
    await userEvent.click(screen.getByText('Crime types: all types'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Drugs' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Robbery' }));
    expect(state.types).toEqual(['Drugs', 'Robbery']);
    expect(screen.getByText('Crime types: 2 of 3 types')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show every type' }));
    expect(state.types).toEqual([]);
  });
});
