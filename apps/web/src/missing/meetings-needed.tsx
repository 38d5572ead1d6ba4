import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { RecordMeetingForm } from './record-meeting-form.tsx';

/** Children whose episode requires a multi-agency meeting that has not been held. */
export function MeetingsNeeded({ district = null }: { district?: string | null }) {
  const trpc = useTRPC();
  const needed = useQuery(trpc.missing.meetingsNeeded.queryOptions({}));
  const [recording, setRecording] = useState<string | null>(null);
  if (needed.isPending) return <Loading>Loading meetings needed…</Loading>;
  if (needed.isError) return <ErrorState message={errorMessage(needed.error)} onRetry={() => void needed.refetch()} />;
  const meetings = needed.data.meetings.filter(
    (meeting) => district === null || meeting.child.homeDistrictCode === district,
  );
  if (meetings.length === 0)
    return <Empty>No child needs a multi-agency meeting{district ? ' in this district' : ''}.</Empty>;
  return (
    <ul className="result-list" aria-label="Children needing a meeting">
      {meetings.map((meeting) => (
        <li key={meeting.episodeId}>
          <div>
            <PersonLabel person={meeting.child} />
            <span className="result-list__meta">
              {' '}
              {meeting.episodeRef} ·{' '}
              {[
                meeting.byDuration ? 'missing longer than the threshold' : null,
                meeting.byRepeat ? `${meeting.episodesInWindow} episodes in the window` : null,
              ]
                .filter(Boolean)
                .join(' and ')}{' '}
              · since {formatDateTime(meeting.triggeredAt)}
            </span>
          </div>
          {recording === meeting.episodeId ? (
            <RecordMeetingForm
              episodeId={meeting.episodeId}
              trigger={
                meeting.byDuration && meeting.byRepeat
                  ? 'duration_and_repeat'
                  : meeting.byDuration
                    ? 'duration'
                    : 'repeat'
              }
              onDone={() => setRecording(null)}
            />
          ) : (
            <button className="button" type="button" onClick={() => setRecording(meeting.episodeId)}>
              Record meeting for {meeting.episodeRef}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
