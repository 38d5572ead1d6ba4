import { addDays, londonDate, mayCall, procedurePolicies } from '@lantern/domain';
import type { PageProps } from '../routing/page-props.ts';
import { ImportEpisodesForm } from './import-episodes-form.tsx';
import { InterviewsDue } from './interviews-due.tsx';
import { MeetingsNeeded } from './meetings-needed.tsx';
import { MultipleMissing } from './multiple-missing.tsx';
import { OpenEpisodes } from './open-episodes.tsx';
import { QuarterFigures } from './quarter-figures.tsx';
import { RecordEpisodeForm } from './record-episode-form.tsx';
import './missing.css';

/**
 * The missing children coordinator's dashboard: what is due now (interviews, meetings), children
 * still missing, recording a new episode, the quarter's committee figures and the repeat list.
 */
export function MissingPage({ user }: PageProps) {
  const today = londonDate();
  const ninetyDaysAgo = addDays(today, -90);
  return (
    <main className="page page--wide" id="main" tabIndex={-1}>
      <title>Missing children – Lantern</title>
      <h1>Missing children</h1>
      <p className="page__lead">Interviews and meetings due, children still missing, and the quarter’s figures.</p>
      <div className="missing-grid">
        <section aria-labelledby="due-title">
          <h2 id="due-title">Return Home Interviews due</h2>
          <InterviewsDue />
        </section>
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">Children needing a multi-agency meeting</h2>
          <MeetingsNeeded />
        </section>
        <section aria-labelledby="open-title">
          <h2 id="open-title">Still missing</h2>
          <OpenEpisodes />
          <RecordEpisodeForm />
        </section>
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">This quarter’s figures</h2>
          <QuarterFigures />
        </section>
        <section aria-labelledby="multiple-title">
          <h2 id="multiple-title">Multiple missing (last 90 days)</h2>
          <MultipleMissing from={ninetyDaysAgo} to={today} />
        </section>
        {mayCall(procedurePolicies['missing.importEpisodes'], user.roles) && (
          <section aria-labelledby="import-title">
            <h2 id="import-title">Import episodes</h2>
            <p>The missing-episodes CSV from the case system; re-importing a file changes nothing.</p>
            <ImportEpisodesForm />
          </section>
        )}
      </div>
    </main>
  );
}
