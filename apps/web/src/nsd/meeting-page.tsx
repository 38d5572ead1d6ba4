import './nsd.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { ActionLog } from './action-log.tsx';
import { AgendaList } from './agenda-list.tsx';
import { MinuteForm } from './minute-form.tsx';
import { mayRunMeetings } from './nsd-page.tsx';

/** One NSD meeting: the agenda built for it with minutes per item, and the action log. */
export function MeetingPage({ user, params }: PageProps) {
  const trpc = useTRPC();
  const meetingId = params.id ?? '';
  const agenda = useQuery(trpc.nsd.agenda.queryOptions({ meetingId }));
  const editable = mayRunMeetings(user.roles);
  if (agenda.isPending)
    return (
      <main className="page">
        <Loading>Building the agenda…</Loading>
      </main>
    );
  if (agenda.isError) {
    return (
      <main className="page">
        <ErrorState message={errorMessage(agenda.error)} onRetry={() => void agenda.refetch()} />
      </main>
    );
  }
  const { meeting, notes, since, previousMeeting } = agenda.data;
  return (
    <main className="page nsd-meeting" id="main" tabIndex={-1}>
      <h1>
        {meeting.district.name} NSD meeting, {formatDate(meeting.heldOn)}
      </h1>
      <p className="page__lead">
        Chair: {meeting.chair ?? 'not recorded'} · Attendees: {meeting.attendees.join(', ') || 'not recorded'} · New
        intelligence since {formatDate(since)}
        {previousMeeting ? ` (the meeting of ${formatDate(previousMeeting.heldOn)})` : ''}
      </p>
      <p>
        <Link href={`/nsd/${meeting.id}/pack`}>Open the meeting pack</Link>
      </p>
      <h2>Agenda</h2>
      {notes.map((note) => (
        <p key={note} className="notice">
          {note}
        </p>
      ))}
      <AgendaList
        items={agenda.data.items}
        extra={(item) =>
          editable ? (
            <MinuteForm key={`${item.key}-${item.minute?.version ?? 0}`} meetingId={meeting.id} item={item} />
          ) : null
        }
      />
      <h2>Action log</h2>
      <ActionLog meetingId={meeting.id} editable={editable} />
    </main>
  );
}
