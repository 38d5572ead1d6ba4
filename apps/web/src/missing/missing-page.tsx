import { addDays, londonDate, mayCall, procedurePolicies, type RhiService, rhiServices } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { type Tab, Tabs } from '../ui/tabs.tsx';
import { ImportEpisodesForm } from './import-episodes-form.tsx';
import { filterInterviews, InterviewsDue } from './interviews-due.tsx';
import { rhiServiceLabels } from './labels.ts';
import { MeetingsNeeded } from './meetings-needed.tsx';
import { MultipleMissing } from './multiple-missing.tsx';
import { OpenEpisodes, openEpisodesInput } from './open-episodes.tsx';
import { QuarterFigures } from './quarter-figures.tsx';
import { RecordEpisodeForm } from './record-episode-form.tsx';
import './missing.css';

type MissingTab = 'missing' | 'interviews' | 'meetings' | 'figures' | 'multiple' | 'import';

/**
 * The missing children coordinator's dashboard, one tab per job with its count in the tab:
 * children still missing, interviews due, meetings needed, the quarter's committee figures, the
 * repeat list and the import. A district and a service narrow the lists; the tab and the filters
 * are kept in the address, so a link or a reload returns to the same view.
 */
export function MissingPage({ user }: PageProps) {
  const trpc = useTRPC();
  const ids = useId();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const district = params.get('district') || null;
  const service = (rhiServices as readonly string[]).includes(params.get('service') ?? '')
    ? (params.get('service') as RhiService)
    : null;
  const today = londonDate();
  const ninetyDaysAgo = addDays(today, -90);
  const districts = useQuery(trpc.districts.list.queryOptions());
  const due = useQuery(trpc.missing.interviewsDue.queryOptions({}));
  const needed = useQuery(trpc.missing.meetingsNeeded.queryOptions({}));
  const open = useQuery(trpc.missing.listEpisodes.queryOptions(openEpisodesInput));
  const multiple = useQuery(trpc.missing.multipleMissing.queryOptions({ from: ninetyDaysAgo, to: today, limit: 20 }));
  const inDistrict = (child: { homeDistrictCode: string | null }) =>
    district === null || child.homeDistrictCode === district;

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    navigate(`${location}${query ? `?${query}` : ''}`, { replace: true });
  }

  const interviewCount = due.data
    ? filterInterviews(due.data.services, district, service).reduce(
        (sum, entry) => sum + entry.overdue.length + entry.dueSoon.length,
        0,
      )
    : undefined;
  const tabs: Tab<MissingTab>[] = [
    {
      key: 'missing',
      label: 'Still missing',
      count: open.data?.episodes.filter((episode) => inDistrict(episode.child)).length,
      panel: (
        <section aria-labelledby="open-title">
          <h2 id="open-title">Children still missing</h2>
          <OpenEpisodes district={district} />
          <RecordEpisodeForm />
        </section>
      ),
    },
    {
      key: 'interviews',
      label: 'Interviews due',
      count: interviewCount,
      panel: (
        <section aria-labelledby="due-title">
          <h2 id="due-title">Return Home Interviews due and overdue</h2>
          <InterviewsDue district={district} service={service} />
        </section>
      ),
    },
    {
      key: 'meetings',
      label: 'Meetings needed',
      count: needed.data?.meetings.filter((meeting) => inDistrict(meeting.child)).length,
      panel: (
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">Children needing a multi-agency meeting</h2>
          <MeetingsNeeded district={district} />
        </section>
      ),
    },
    {
      key: 'figures',
      label: 'This quarter’s figures',
      panel: (
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">This quarter’s figures</h2>
          <QuarterFigures />
        </section>
      ),
    },
    {
      key: 'multiple',
      label: 'Multiple missing',
      count: multiple.data?.children.filter((row) => inDistrict(row.child)).length,
      panel: (
        <section aria-labelledby="multiple-title">
          <h2 id="multiple-title">Multiple missing (last 90 days)</h2>
          <MultipleMissing from={ninetyDaysAgo} to={today} district={district} />
        </section>
      ),
    },
  ];
  if (mayCall(procedurePolicies['missing.importEpisodes'], user.roles)) {
    tabs.push({
      key: 'import',
      label: 'Import episodes',
      panel: (
        <section aria-labelledby="import-title">
          <h2 id="import-title">Import episodes</h2>
          <p>The missing-episodes CSV from the case system; re-importing a file changes nothing.</p>
          <ImportEpisodesForm />
        </section>
      ),
    });
  }
  const chosen = (tabs.find((tab) => tab.key === params.get('tab'))?.key ?? 'missing') as MissingTab;
  const userDistricts = (districts.data?.districts ?? []).filter((entry) => user.districtCodes.includes(entry.code));

  return (
    <main className="page page--wide" id="main" tabIndex={-1}>
      <title>Missing children – Lantern</title>
      <h1>Missing children</h1>
      <p className="page__lead">Children still missing, interviews and meetings due, and the quarter’s figures.</p>
      <form className="filter-bar" aria-label="Narrow the lists" onSubmit={(event) => event.preventDefault()}>
        {userDistricts.length > 1 && (
          <div className="filter-bar__field">
            <label htmlFor={`${ids}-district`}>District</label>
            <select
              id={`${ids}-district`}
              value={district ?? ''}
              onChange={(event) => setParam('district', event.currentTarget.value || null)}
            >
              <option value="">All your districts</option>
              {userDistricts.map((entry) => (
                <option key={entry.code} value={entry.code}>
                  {entry.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {chosen === 'interviews' && (
          <div className="filter-bar__field">
            <label htmlFor={`${ids}-service`}>Service</label>
            <select
              id={`${ids}-service`}
              value={service ?? ''}
              onChange={(event) => setParam('service', event.currentTarget.value || null)}
            >
              <option value="">Every service</option>
              {rhiServices.map((entry) => (
                <option key={entry} value={entry}>
                  {rhiServiceLabels[entry]}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <Tabs
        label="Missing children"
        tabs={tabs}
        selected={chosen}
        onSelect={(key) => setParam('tab', key === 'missing' ? null : key)}
      />
    </main>
  );
}
