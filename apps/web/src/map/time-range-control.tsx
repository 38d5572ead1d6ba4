import { lastCompleteMonthEnd, londonDate } from '@lantern/domain';
import { useId } from 'react';
import { type DateRange, monthEnd, monthStart } from './map-filters.ts';

export interface TimeRangeControlProps {
  range: DateRange;
  onChange(range: DateRange): void;
  /** The earliest and latest dates in the visible layers' data, offered as the inputs' bounds. */
  extent: DateRange;
  /** Today's London date (tests fix it); the month under way is not a complete month. */
  today?: string;
}

/** From and to months that filter every layer; empty means no bound. */
export function TimeRangeControl({ range, onChange, extent, today = londonDate() }: TimeRangeControlProps) {
  const fromId = useId();
  const toId = useId();
  const min = extent.from?.slice(0, 7);
  const max = extent.to?.slice(0, 7);
  const lastYear = latestYear(extent, today);
  return (
    <fieldset className="time-range">
      <legend>Time range</legend>
      <div className="time-range__inputs">
        <label htmlFor={fromId}>From</label>
        <input
          id={fromId}
          type="month"
          value={range.from?.slice(0, 7) ?? ''}
          min={min}
          max={max}
          onChange={(event) => {
            const month = event.currentTarget.value;
            onChange({ ...range, from: month ? monthStart(month) : null });
          }}
        />
        <label htmlFor={toId}>To</label>
        <input
          id={toId}
          type="month"
          value={range.to?.slice(0, 7) ?? ''}
          min={min}
          max={max}
          onChange={(event) => {
            const month = event.currentTarget.value;
            onChange({ ...range, to: month ? monthEnd(month) : null });
          }}
        />
      </div>
      <div className="time-range__presets">
        <button
          className="button button--quiet"
          type="button"
          aria-pressed={range.from === null && range.to === null}
          onClick={() => onChange({ from: null, to: null })}
        >
          All dates
        </button>
        {lastYear && (
          <button
            className="button button--quiet"
            type="button"
            aria-pressed={range.from === lastYear.from && range.to === lastYear.to}
            onClick={() => onChange(lastYear)}
          >
            Last 12 complete months
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** The twelve complete months ending with the last complete month of the data. */
function latestYear(extent: DateRange, today: string): DateRange | null {
  if (!extent.to) return null;
  const to = lastCompleteMonthEnd(extent.to, today);
  return { from: monthStart(to, -11), to };
}
