import type { IntelligenceCategory, IntelligenceStatus } from '@lantern/domain';

export const categoryLabels: Record<IntelligenceCategory, string> = {
  cse: 'Child sexual exploitation (CSE)',
  cce: 'Child criminal exploitation (CCE)',
  county_lines: 'County lines',
  online: 'Online',
  missing: 'Missing',
  trafficking: 'Trafficking',
  harmful_behaviour: 'Harmful behaviour',
  location_concern: 'A place of concern',
  other: 'Other',
};

/** The status as the submitter reads it. */
export const statusLabels: Record<IntelligenceStatus, string> = {
  received: 'Received',
  being_evaluated: 'Being evaluated',
  developed: 'Developed',
  no_further_action: 'No further action',
  withdrawn: 'Withdrawn',
};

export function formatInstant(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
}

/** Age of a report in whole hours or days. */
export function ageOf(iso: string, now = Date.now()): string {
  const hours = Math.max(0, Math.floor((now - Date.parse(iso)) / 3_600_000));
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}
