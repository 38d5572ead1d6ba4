import type { ProfileFigure } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { figureSideText } from './profile-format.ts';

/**
 * The records behind one figure, as the reader's role may see them (the API pseudonymises and
 * audits): opened by clicking the figure, closed with its button or Escape.
 */
export function FigureRecordsPanel({
  profileId,
  version,
  edition,
  figure,
  onClose,
}: {
  profileId: string;
  version: number;
  edition: 'full' | 'partner';
  figure: ProfileFigure;
  onClose(): void;
}) {
  const trpc = useTRPC();
  const records = useQuery(trpc.profiles.figureRecords.queryOptions({ id: profileId, version, key: figure.key }));
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <aside
      className="profile-records"
      role="dialog"
      aria-modal="false"
      aria-label={`Records behind: ${figure.label}`}
      ref={panel}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="side-panel__header">
        <h2>{figure.label}</h2>
        <button className="button button--quiet" type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="side-panel__kind">
        {figureSideText(figure, 'value', edition)} in the period · query {figure.query.name}
      </p>
      {records.isPending ? (
        <Loading>Finding the records…</Loading>
      ) : records.isError ? (
        <ErrorState message={errorMessage(records.error)} onRetry={() => void records.refetch()} />
      ) : records.data.records.length === 0 ? (
        <Empty>No records behind this figure.</Empty>
      ) : (
        <>
          <ol className="profile-records__list">
            {records.data.records.map((record) => (
              <li key={`${record.kind}-${record.id}`}>
                {record.href ? <Link href={record.href}>{record.label}</Link> : record.label}
                <span className="profile-records__meta">
                  {' '}
                  · {record.kind}
                  {record.on ? ` · ${formatDate(record.on)}` : ''}
                </span>
              </li>
            ))}
          </ol>
          {records.data.total > records.data.records.length && (
            <p className="side-panel__note">
              The first {records.data.records.length} of {records.data.total} records.
            </p>
          )}
        </>
      )}
    </aside>
  );
}
