/** The seven Nottinghamshire districts and Nottingham City (ONS codes, LAD December 2022). */
export const districts = [
  { code: 'E06000018', name: 'Nottingham', kind: 'unitary' },
  { code: 'E07000170', name: 'Ashfield', kind: 'district' },
  { code: 'E07000171', name: 'Bassetlaw', kind: 'district' },
  { code: 'E07000172', name: 'Broxtowe', kind: 'district' },
  { code: 'E07000173', name: 'Gedling', kind: 'district' },
  { code: 'E07000174', name: 'Mansfield', kind: 'district' },
  { code: 'E07000175', name: 'Newark and Sherwood', kind: 'district' },
  { code: 'E07000176', name: 'Rushcliffe', kind: 'district' },
] as const;

export type DistrictCode = (typeof districts)[number]['code'];
export const districtCodes: readonly DistrictCode[] = districts.map((district) => district.code);

export function isDistrictCode(value: string): value is DistrictCode {
  return (districtCodes as readonly string[]).includes(value);
}
