import type { DisruptionAction } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { statusLabel } from '../disruption/labels.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

/** The disruption actions aimed at one place (disruption.list by place), for its panel and its history. */
export function usePlaceActions(placeId: string, enabled: boolean) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.disruption.list.queryOptions({ placeId, limit: 200 }), enabled });
}

export function PlaceActions({ actions }: { actions: ReturnType<typeof usePlaceActions> }) {
  return (
    <>
      <h3>Disruption actions</h3>
      {actions.isPending && <Loading>Loading the actions…</Loading>}
      {actions.isError && <ErrorState message={errorMessage(actions.error)} onRetry={() => void actions.refetch()} />}
      {actions.data && actions.data.actions.length === 0 && <Empty>No disruption action on this place.</Empty>}
      {actions.data && actions.data.actions.length > 0 && (
        <ul className="linked-records" aria-label="Disruption actions on this place">
          {actions.data.actions.map((action) => (
            <li key={action.id}>
              <Link href={`/disruption?action=${action.id}`}>{action.tactic.name}</Link>
              <span className="linked-records__meta">
                {statusLabel(action.status)} · {actionPeriod(action)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function actionPeriod(action: DisruptionAction): string {
  if (action.endedOn) return `ended ${formatDate(action.endedOn)}`;
  if (action.inForceFrom) {
    return `in force from ${formatDate(action.inForceFrom)}${action.expiresOn ? ` to ${formatDate(action.expiresOn)}` : ''}`;
  }
  if (action.agreedOn) return `agreed ${formatDate(action.agreedOn)}`;
  return `proposed ${formatDate(action.proposedOn)}`;
}

export interface PlaceHistoryEntry {
  /** ISO date or instant: entries sort by it. */
  at: string;
  text: string;
}

/** The steps of each action on a place, as entries of the place's history (newest first). */
export function actionHistoryEntries(actions: readonly DisruptionAction[]): PlaceHistoryEntry[] {
  return actions.flatMap((action) => {
    const name = action.tactic.name;
    // Latest step first, as the place's history reads (newest first; steps of one day keep this order).
    const steps: [string | null, string][] = [
      [action.endedOn, `${name} ${statusLabel(action.status).toLowerCase()}`],
      [action.inForceFrom, `${name} in force`],
      [action.agreedOn, `${name} agreed`],
      [action.proposedOn, `${name} proposed`],
    ];
    return steps.flatMap(([at, text]) => (at ? [{ at, text: `${text} ${formatDate(at)}` }] : []));
  });
}
