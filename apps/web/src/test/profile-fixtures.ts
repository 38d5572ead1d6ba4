import type { ProfileDocument, ProfileFigure, ProfileFigures, ProfileSectionFigures } from '@lantern/domain';

/** One figure of a profile, for component tests. */
export function profileFigure(
  key: string,
  label: string,
  value: number | null,
  comparison: number | null,
): ProfileFigure {
  const change = value !== null && comparison !== null ? value - comparison : null;
  return {
    key,
    label,
    value,
    comparison,
    change,
    changePercent: change !== null && comparison ? Math.round((change / comparison) * 100) : null,
    caution: value !== null && value < 10 ? 'small numbers: read the change with care' : null,
    ratePer1000: null,
    countsPeople: true,
    query: { name: key, params: { districtCodes: ['E07000174'] } },
  };
}

function section(key: ProfileSectionFigures['key'], title: string, extra: Partial<ProfileSectionFigures> = {}) {
  return { key, title, figures: [], tables: [], charts: [], maps: [], notes: [], ...extra };
}

/** The figures of a small CSE profile for Mansfield: a few figures, a table, each kind of chart and a map. */
export function profileFigures(asAt = '2026-12-04T09:00:00Z'): ProfileFigures {
  return {
    asAt,
    sections: [
      section('summary', 'Summary of key findings'),
      section('scale', 'Scale and trend', {
        figures: [
          profileFigure('scale.children_identified', 'Children identified', 42, 35),
          profileFigure('scale.missing_episodes', 'Missing episodes', 3, 7),
          profileFigure('scale.crimes', 'Crimes of the chosen types', null, null),
          { ...profileFigure('scale.referrals', 'Referrals', 0, 2), countsPeople: false },
        ],
        charts: [
          {
            kind: 'monthly',
            key: 'scale.monthly',
            title: 'Children identified by month',
            points: [
              { month: '2026-10', value: 4, partial: false },
              { month: '2026-11', value: 6, partial: false },
              { month: '2026-12', value: 1, partial: true },
            ],
          },
        ],
      }),
      section('victims', 'Victims', {
        tables: [
          {
            key: 'victims.sex',
            title: 'Victims by sex',
            columns: ['Children'],
            rows: [
              { key: 'F', label: 'Female', cells: [31] },
              { key: 'M', label: 'Male', cells: [2] },
              { key: 'U', label: 'Not recorded', cells: [null] },
            ],
            countsPeople: true,
            query: { name: 'victims.sex', params: {} },
          },
        ],
        charts: [
          {
            kind: 'bars',
            key: 'victims.age_bars',
            title: 'Age at the end of the period',
            bars: [
              { label: '10 to 12', value: 3 },
              { label: '13 to 15', value: 16 },
            ],
          },
        ],
      }),
      section('offenders', 'Offenders and networks', {
        tables: [
          {
            key: 'offenders.associates',
            title: 'Associates by centrality',
            columns: ['Links'],
            rows: [{ key: 'a1', label: 'Jordan Example', cells: [7] }],
            countsPeople: false,
            namesPeople: true,
            query: { name: 'offenders.associates', params: {} },
          },
        ],
      }),
      section('locations', 'Locations', {
        maps: [
          {
            key: 'locations.map',
            title: 'Hot spots and places of concern',
            districtCodes: ['E07000174'],
            points: [
              { lon: -1.2, lat: 53.14, label: 'Market Place', weight: 5, kind: 'hotspot' },
              { lon: -1.19, lat: 53.15, label: 'Bus station', weight: 2, kind: 'place' },
            ],
          },
        ],
      }),
      section('time', 'Time', {
        charts: [
          {
            kind: 'hour_of_week',
            key: 'time.grid',
            title: 'Events by hour of the week',
            cells: Array.from({ length: 7 }, (_, day) => Array.from({ length: 24 }, (_, hour) => (day + hour) % 4)),
          },
          { kind: 'bars', key: 'time.bars', title: 'Events by kind', bars: [{ label: 'Missing', value: 9 }] },
        ],
      }),
      section('methods', 'Methods and disruption', { notes: ['No effect measured yet for these tactics.'] }),
      section('intelligence', 'Intelligence picture and gaps'),
      section('recommendations', 'Recommendations'),
    ],
  };
}

/** A whole profile document in the analyst's edition, for component tests. */
export function profileDocument(overrides: Partial<ProfileDocument> = {}): ProfileDocument {
  return {
    terms: {
      title: 'CSE in Mansfield',
      scope: 'cse',
      districtCodes: ['E07000174'],
      subjectId: null,
      from: '2025-12-01',
      to: '2026-11-30',
      comparisonFrom: '2024-12-01',
      comparisonTo: '2025-11-30',
      requester: 'Det Supt Example',
      purpose: 'To inform the county CSE strategy.',
      marking: 'OFFICIAL-SENSITIVE',
      reviewDate: '2027-06-04',
    },
    figures: profileFigures(),
    writing: { assessments: {}, recommendations: [] },
    status: 'draft',
    version: 1,
    edition: 'full',
    ...overrides,
  };
}
