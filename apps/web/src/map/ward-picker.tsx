import { useId } from 'react';
import type { WardCollection } from './boundaries.ts';

export interface WardPickerProps {
  wards: WardCollection;
  districtCode: string;
  value: string | null;
  onChange(code: string | null): void;
}

/** The wards of the chosen district, to zoom further; "All wards" goes back to the district. */
export function WardPicker({ wards, districtCode, value, onChange }: WardPickerProps) {
  const id = useId();
  const inDistrict = wards.features
    .filter((ward) => ward.properties.districtCode === districtCode)
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  return (
    <div className="district-picker">
      <label htmlFor={id}>Ward</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">All wards</option>
        {inDistrict.map((ward) => (
          <option key={ward.properties.code} value={ward.properties.code}>
            {ward.properties.name}
          </option>
        ))}
      </select>
    </div>
  );
}
