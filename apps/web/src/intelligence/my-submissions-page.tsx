import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { categoryLabels, formatInstant, statusLabels } from './labels.ts';
import './intelligence.css';

/** The submitter's own reports and where each stands; never the grading or what it was linked to. */
export function MySubmissionsPage(_props: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.intelligence.mine.queryOptions({}));
  const withdraw = useMutation(
    trpc.intelligence.withdraw.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.intelligence.mine.queryKey() }),
    }),
  );
  return (
    <main className="intelligence-page">
      <h1>My reports</h1>
      <p>
        <Link href="/intelligence/new">Report a concern</Link>
      </p>
      {mine.isPending && <Loading>Loading your reports…</Loading>}
      {mine.isError && <ErrorState message={errorMessage(mine.error)} onRetry={() => void mine.refetch()} />}
      {withdraw.isError && (
        <p className="form-error" role="alert">
          {errorMessage(withdraw.error)}
        </p>
      )}
      {mine.data && mine.data.submissions.length === 0 && <Empty>You have not sent any reports yet.</Empty>}
      {mine.data && mine.data.submissions.length > 0 && (
        <table className="intelligence-table" data-testid="my-submissions">
          <thead>
            <tr>
              <th>Reference</th>
              <th>About</th>
              <th>Sent</th>
              <th>Where</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mine.data.submissions.map((submission) => (
              <tr key={submission.id} data-reference={submission.reference}>
                <td>{submission.reference}</td>
                <td>{categoryLabels[submission.category]}</td>
                <td>{formatInstant(submission.submittedAt)}</td>
                <td>{submission.district ?? 'No location'}</td>
                <td data-testid="submission-status">{statusLabels[submission.status]}</td>
                <td>
                  {(submission.status === 'received' || submission.status === 'being_evaluated') && (
                    <button
                      className="button button--secondary"
                      type="button"
                      disabled={withdraw.isPending}
                      onClick={() => {
                        const reason = window.prompt('Why are you withdrawing this report?');
                        if (reason?.trim()) {
                          withdraw.mutate({ id: submission.id, version: submission.version, reason: reason.trim() });
                        }
                      }}
                    >
                      Withdraw
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
