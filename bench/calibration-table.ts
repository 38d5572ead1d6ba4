/**
 * Prints the synthetic seed's yearly figures beside the 2019/20 targets from docs/DOMAIN.md, as the
 * Markdown tables in the README: missing children, then the exploitation committee table (CSE
 * against the county's 2019/20 table, CCE beside it) as `lantern report exploitation` computes it
 * from the seed's exploitation events. Run: pnpm calibration [seed]
 */
import { financialYearOf } from '@lantern/domain';
import { calibrationFigures, districtInfo, financialYearStarts, generateDataset } from '@lantern/synth';

const seed = Number(process.argv[2] ?? 1);
const dataset = generateDataset({ seed });
const years = financialYearStarts(dataset).map((start) => calibrationFigures(dataset, start));
const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const rows: Array<[string, string, (f: (typeof years)[number]) => string]> = [
  ['missing notifications', '2,462', (f) => whole(f.notifications)],
  ['children missing', '911', (f) => whole(f.individuals)],
  ['M:F (children)', '56:44', (f) => `${whole(f.malePct)}:${whole(f.femalePct)}`],
  ['episodes aged 14–17', 'most', (f) => `${whole(f.episodesAged14to17Pct)}%`],
  [
    'from home: children / episodes',
    '646 / 1,078',
    (f) => `${f.byCareStatus.home.individuals} / ${whole(f.byCareStatus.home.episodes)}`,
  ],
  [
    'county care: children / episodes',
    '166 / 774',
    (f) => `${f.byCareStatus.county_care.individuals} / ${f.byCareStatus.county_care.episodes}`,
  ],
  [
    'OLA: children / episodes',
    '124 / 610',
    (f) => `${f.byCareStatus.ola_care.individuals} / ${f.byCareStatus.ola_care.episodes}`,
  ],
  ['RHI required', '87%', (f) => `${whole(f.returnInterviews.requiredPct)}%`],
  [
    'RHI completed CSC / FS / OLA',
    '75% / 96% / 29%',
    (f) => {
      const s = f.returnInterviews.byService;
      return `${whole(s.childrens_social_care.completedPct)}% / ${whole(s.family_service.completedPct)}% / ${whole(s.other_local_authority.completedPct)}%`;
    },
  ],
  [
    'MAM required / held',
    '13% / 68%',
    (f) => `${whole(f.multiAgencyMeetings.requiredPct)}% / ${whole(f.multiAgencyMeetings.heldPct)}%`,
  ],
  ['missing children at risk of exploitation', '18% (2022/23)', (f) => `${whole(f.exploitationRiskAmongMissingPct)}%`],
  ['children first flagged CSE in the year', '(502 identified)', (f) => whole(f.cse.flagged)],
  ['CSE F:M', '89:11', (f) => `${whole(f.cse.femalePct)}:${whole(f.cse.malePct)}`],
];
type Figures = (typeof years)[number];
function printTable(title: string, target: string, table: Array<[string, string, (f: Figures) => string]>) {
  console.log(`| ${title} | ${target} | ${years.map((f) => financialYearOf(f.from).label).join(' | ')} |`);
  console.log(`|---|---|${years.map(() => '---').join('|')}|`);
  for (const [label, goal, value] of table) console.log(`| ${label} | ${goal} | ${years.map(value).join(' | ')} |`);
}
printTable('figure', 'target (2019/20)', rows);

const report = (kind: 'cse' | 'cce') => (f: Figures) => f.exploitation[kind];
const exploitationRows = (kind: 'cse' | 'cce', targets: string[]): Array<[string, string, (f: Figures) => string]> => {
  const r = report(kind);
  const labels = [
    'children identified as at risk',
    'new MASH referrals',
    'risk assessments completed',
    'children considered at strategy meetings',
    'children considered at ICPCs',
    'age range (p25–p75, yrs)',
    'female:male',
    `children monitored at the ${kind === 'cse' ? 'MASE' : 'CCE'} panel`,
    'identified, latest assessment high',
    'highest high-risk rate (per 1,000 children)',
  ];
  const values: Array<(f: Figures) => string> = [
    (f) => whole(r(f).identified),
    (f) => whole(r(f).newMashReferrals),
    (f) => whole(r(f).riskAssessments),
    (f) => whole(r(f).strategyMeetings),
    (f) => whole(r(f).icpcs),
    (f) => `${r(f).ageRange.p25}–${r(f).ageRange.p75}`,
    (f) => `${r(f).sexRatio.female}:${r(f).sexRatio.male}`,
    (f) => whole(r(f).panelMonitored),
    (f) => whole(r(f).highRisk),
    (f) =>
      Object.entries(f.highRiskPer1000[kind])
        .sort(([, a], [, b]) => b - a)
        .slice(0, 2)
        .map(([code]) => districtInfo[code]?.name ?? code)
        .join(', '),
  ];
  return labels.map((label, index) => [label, targets[index] ?? '', values[index] ?? (() => '')]);
};
console.log('');
printTable(
  'Child sexual exploitation (CSE)',
  'county 2019/20',
  exploitationRows('cse', [
    '502',
    '326',
    '344',
    '56',
    '42',
    '14–17 (peak)',
    '89:11',
    '65',
    'not reported',
    'Mansfield, Ashfield (2022/23)',
  ]),
);
console.log('');
printTable(
  'Child criminal exploitation (CCE)',
  'target (comparable size)',
  exploitationRows('cce', [
    '~300',
    '—',
    '—',
    '—',
    '—',
    '14–17',
    'mostly male',
    '—',
    'not reported',
    'Gedling, Rushcliffe (2022/23)',
  ]),
);
