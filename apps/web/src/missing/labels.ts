import type { CareStatus, FoundLocationType, PoliceRisk, RhiService } from '@lantern/domain';

/** The words the county's reports use for the missing-children vocabulary. */
export const rhiServiceLabels: Record<RhiService, string> = {
  childrens_social_care: 'Children’s Social Care',
  family_service: 'Family Service',
  adoption_service: 'Adoption Service',
  other_local_authority: 'Other local authority (placing)',
};

export const careStatusLabels: Record<CareStatus, string> = {
  home: 'At home',
  county_care: 'In the county’s care',
  ola_care: 'Another authority’s child placed here',
};

export const policeRiskLabels: Record<PoliceRisk, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  no_apparent_risk: 'No apparent risk',
};

export const foundLocationLabels: Record<FoundLocationType, string> = {
  friend_or_relative: 'Friend’s or relative’s home',
  home_address: 'Home address',
  public_place: 'Public place',
  associate_address: 'Address of an associate',
  placement: 'Placement',
  police_station: 'Police station',
  hospital: 'Hospital',
  other: 'Other',
  unknown: 'Unknown',
};

/** A `datetime-local` value (the browser's local time) as an ISO instant with an offset. */
export function localInputToInstant(value: string): string {
  return new Date(value).toISOString();
}

/** Now as a `datetime-local` value, to the minute. */
export function nowForInput(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
