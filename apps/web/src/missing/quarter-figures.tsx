import { type QuarterFigures as Quarter, rhiServices } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { LongWorkStatus, useLongWork } from '../ui/long-work.tsx';
import { ErrorState } from '../ui/status.tsx';
import { CommitteeReport } from './committee-report.tsx';
import { rhiServiceLabels } from './labels.ts';
import { TrendChart } from './trend-chart.tsx';

/** The committee figures for the current quarter, and the trend over the last eight. */
export function QuarterFigures() {
  const trpc = useTRPC();
  // Long work on a county (eight quarters worked out): it can be cancelled, and run again.
  const figures = useQuery(trpc.missing.quarterlyFigures.queryOptions({}, { trpc: { abortOnUnmount: true } }));
  const work = useLongWork(trpc.missing.quarterlyFigures.queryKey({}), figures.isFetching);
  const status = <LongWorkStatus work={work}>Working out the figures…</LongWorkStatus>;
  if (figures.isPending) return status;
  if (figures.isError)
    return <ErrorState message={errorMessage(figures.error)} onRetry={() => void figures.refetch()} />;
  const quarters = figures.data.quarters;
  const current = quarters.at(-1);
  if (!current) return null;
  const completed = (quarter: Quarter) =>
    rhiServices.reduce((sum, service) => sum + quarter.report.returnInterviews.byService[service].completed, 0);
  return (
    <>
      {status}
      <CurrentQuarter quarter={current} completed={completed(current)} />
      <CommitteeReport quarters={quarters} />
      <div className="trend-charts">
        <TrendChart
          title="Missing notifications"
          points={quarters.map((quarter) => ({
            label: quarter.label,
            partial: quarter.partial,
            value: quarter.report.notifications,
          }))}
        />
        <TrendChart
          title="Return Home Interviews completed"
          unit="%"
          points={quarters.map((quarter) => ({
            label: quarter.label,
            partial: quarter.partial,
            value:
              quarter.report.returnInterviews.required === 0
                ? null
                : Math.round((100 * completed(quarter)) / quarter.report.returnInterviews.required),
          }))}
        />
        <TrendChart
          title="Multi-agency meetings held, of those required"
          unit="%"
          points={quarters.map((quarter) => ({
            label: quarter.label,
            partial: quarter.partial,
            value:
              quarter.report.multiAgencyMeetings.required === 0 ? null : quarter.report.multiAgencyMeetings.heldPct,
          }))}
        />
      </div>
    </>
  );
}

function CurrentQuarter({ quarter, completed }: { quarter: Quarter; completed: number }) {
  const { report } = quarter;
  return (
    <section aria-label={`Figures for ${quarter.label}`}>
      <h3>
        {quarter.label} {quarter.partial ? '(so far)' : ''}
      </h3>
      <dl className="figures" data-testid="quarter-figures">
        <div>
          <dt>Notifications</dt>
          <dd data-testid="figure-notifications">{report.notifications}</dd>
        </div>
        <div>
          <dt>Children</dt>
          <dd>{report.individuals}</dd>
        </div>
        <div>
          <dt>Interviews required</dt>
          <dd data-testid="figure-rhi-required">{report.returnInterviews.required}</dd>
        </div>
        <div>
          <dt>Interviews completed</dt>
          <dd data-testid="figure-rhi-completed">{completed}</dd>
        </div>
        <div>
          <dt>Meetings required / held</dt>
          <dd>
            {report.multiAgencyMeetings.required} / {report.multiAgencyMeetings.held}
          </dd>
        </div>
      </dl>
      <table className="figures-table">
        <caption>Return Home Interviews by service</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Required</th>
            <th scope="col">Completed</th>
            <th scope="col">Within 72&nbsp;h</th>
          </tr>
        </thead>
        <tbody>
          {rhiServices.map((service) => {
            const figures = report.returnInterviews.byService[service];
            return (
              <tr key={service}>
                <th scope="row">{rhiServiceLabels[service]}</th>
                <td>{figures.required}</td>
                <td>{figures.required === 0 ? '—' : `${figures.completed} (${figures.completedPct}%)`}</td>
                <td>{figures.completedWithin72h}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
