/**
 * Prints the synthetic seed's yearly figures beside the 2019/20 targets from docs/DOMAIN.md, as the
 * Markdown table in the README. Run: pnpm calibration [seed]
 */
import { financialYearOf } from '@lantern/domain';
import { calibrationFigures, financialYearStarts, generateDataset } from '@lantern/synth';

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
  ['children flagged CSE', '502', (f) => whole(f.cse.flagged)],
  ['CSE F:M', '89:11', (f) => `${whole(f.cse.femalePct)}:${whole(f.cse.malePct)}`],
];
console.log(`| figure | target (2019/20) | ${years.map((f) => financialYearOf(f.from).label).join(' | ')} |`);
console.log(`|---|---|${years.map(() => '---').join('|')}|`);
for (const [label, target, value] of rows) console.log(`| ${label} | ${target} | ${years.map(value).join(' | ')} |`);
