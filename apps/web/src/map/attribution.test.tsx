import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MapAttribution } from './attribution.tsx';

afterEach(cleanup);

describe('MapAttribution', () => {
  it('credits the boundaries always, and police.uk and a basemap only while they are drawn', () => {
    const { rerender } = render(<MapAttribution />);
    const text = () => screen.getByText(/Office for National Statistics/).textContent ?? '';
    expect(text()).not.toMatch(/police\.uk|Basemap/);
    rerender(<MapAttribution showCrime basemap="© OpenStreetMap contributors, OpenFreeMap" />);
    expect(text()).toContain('Crime: data.police.uk, Open Government Licence v3.0.');
    expect(text()).toContain('Basemap: © OpenStreetMap contributors, OpenFreeMap');
  });
});
