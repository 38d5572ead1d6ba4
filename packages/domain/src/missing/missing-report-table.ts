import { financialYearOf, isFinancialYear } from '../calendar/financial-years.ts';
import type { RhiService } from '../enums.ts';
import { wholePercent } from '../figures/whole-percent.ts';
import type { MissingReport } from './missing-report-schema.ts';

export interface MissingReportTable {
  /** The column heading: '2019/20' for a financial year, else 'from – to'. */
  heading: string;
  rows: Array<{ measure: string; value: string }>;
}

const serviceNames: Record<RhiService, string> = {
  childrens_social_care: 'Children’s Social Care',
  family_service: 'Family Service',
  adoption_service: 'Adoption Service',
  other_local_authority: 'other Local Authorities',
};

const number = (value: number) => value.toLocaleString('en-GB');

/**
 * The report laid out as the annual table of the committee reports (2019/20: "Children Missing
 * from Home and Care"), row for row, with the figures written the way that table writes them
 * ("646 (1,078 episodes)", "87 (total of 2,154)", "75 (893)"), plus the newer measure, RHIs
 * completed within 72 hours, by service.
 *
 * @example
 * missingReportTable(report).rows[0]; // → { measure: "Total notifications of children 'missing' …", value: '2,462' }
 */
export function missingReportTable(report: MissingReport): MissingReportTable {
  const { from, to } = report.period;
  const heading = isFinancialYear(from, to) ? financialYearOf(from).label : `${from} – ${to}`;
  const { returnInterviews: rhi, multiAgencyMeetings: mam } = report;
  const services = Object.entries(rhi.byService) as Array<[RhiService, (typeof rhi.byService)[RhiService]]>;
  const ages = report.ageRange.p25 === null ? '–' : `${report.ageRange.p25}-${report.ageRange.p75}`;
  const children = (group: { individuals: number; episodes: number }) =>
    `${number(group.individuals)} (${number(group.episodes)} episodes)`;

  const rows = [
    {
      measure: "Total notifications of children 'missing' and 'missing – no apparent risk'",
      value: number(report.notifications),
    },
    { measure: 'relating to individuals', value: number(report.individuals) },
    { measure: 'ratio males to females', value: `${report.sexRatio.male}:${report.sexRatio.female}` },
    { measure: 'age range (yrs)', value: ages },
    { measure: 'Children missing from home (relating to individuals)', value: children(report.fromHome) },
    { measure: 'NCC children missing from care (relating to individuals)', value: children(report.fromCareCounty) },
    {
      measure: 'Other Local Authority children missing from care in Notts (relating to individuals)',
      value: children(report.fromCareOtherLA),
    },
    { measure: '% Return Interviews (RI) required', value: `${rhi.requiredPct} (total of ${number(rhi.required)})` },
    ...services.map(([service, figures]) => ({
      measure: `% RIs required from ${serviceNames[service]}`,
      value: `${figures.requiredShare} (${number(figures.required)})`,
    })),
    ...services.map(([service, figures]) => ({
      measure: `% RIs completed by ${serviceNames[service]}`,
      value: `${figures.completedPct} (${number(figures.completed)})`,
    })),
    ...services.map(([service, figures]) => ({
      measure: `% RIs completed within 72 hours by ${serviceNames[service]}`,
      value: `${wholePercent(figures.completedWithin72h, figures.required)} (${number(figures.completedWithin72h)})`,
    })),
    {
      measure: '% Multi-agency meetings required (of total notifications)',
      value: `${mam.requiredPct} (${number(mam.required)})`,
    },
    {
      measure: '% Multi-agency meetings completed (of meetings required)',
      value: `${mam.heldPct} (${number(mam.held)})`,
    },
  ];
  return { heading, rows };
}
