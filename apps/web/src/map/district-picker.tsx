import { useId } from 'react';
import type { DistrictFeature } from './boundaries.ts';

export interface DistrictPickerProps {
  districts: readonly DistrictFeature[];
  value: string | null;
  onChange(code: string | null): void;
}

/** The keyboard (and screen reader) way to the same choice as clicking a district on the map. */
export function DistrictPicker({ districts, value, onChange }: DistrictPickerProps) {
  const id = useId();
  const sorted = [...districts].sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  return (
    <div className="district-picker">
      <label htmlFor={id}>District</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">The whole county</option>
        {sorted.map((district) => (
          <option key={district.properties.code} value={district.properties.code}>
            {district.properties.name}
          </option>
        ))}
      </select>
    </div>
  );
}
