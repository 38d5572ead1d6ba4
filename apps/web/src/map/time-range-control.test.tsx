import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allDates } from './map-filters.ts';
import { TimeRangeControl } from './time-range-control.tsx';

afterEach(cleanup);

const extent = { from: '2023-04-01', to: '2026-03-31' };

describe('TimeRangeControl', () => {
  it('turns the chosen months into inclusive dates: the first of the from-month, the last of the to-month', () => {
    const onChange = vi.fn();
    render(<TimeRangeControl range={allDates} onChange={onChange} extent={extent} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-02' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: '2024-02-01', to: null });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-02' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: null, to: '2024-02-29' });
  });

  it('offers the data’s span as the inputs’ bounds and the latest twelve months as a preset', async () => {
    const onChange = vi.fn();
    render(<TimeRangeControl range={allDates} onChange={onChange} extent={extent} today="2026-12-04" />);
    expect(screen.getByLabelText('From').getAttribute('min')).toBe('2023-04');
    expect(screen.getByLabelText('To').getAttribute('max')).toBe('2026-03');
    expect(screen.getByRole('button', { name: 'All dates' }).getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Last 12 complete months' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-04-01', to: '2026-03-31' });
  });

  it('ends the preset at the last complete month, never the month under way', async () => {
    const onChange = vi.fn();
    // The data reach 2 December and today is the 4th: December is two days old.
    render(
      <TimeRangeControl
        range={allDates}
        onChange={onChange}
        extent={{ from: '2023-04-01', to: '2026-12-02' }}
        today="2026-12-04"
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Last 12 complete months' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2025-12-01', to: '2026-11-30' });
  });

  it('clears a bound when its month is emptied', () => {
    const onChange = vi.fn();
    render(<TimeRangeControl range={{ from: '2024-01-01', to: '2024-06-30' }} onChange={onChange} extent={extent} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith({ from: null, to: '2024-06-30' });
  });
});
