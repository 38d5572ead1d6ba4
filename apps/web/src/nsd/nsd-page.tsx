import './nsd.css';
import type { Role } from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

export const mayRunMeetings = (roles: readonly Role[]) => userMay({ roles }, 'nsd.createMeeting');

/** NSD meetings of the user's districts, newest first, and arranging the next one. */
export function NsdPage({ user }: PageProps) {
  const trpc = useTRPC();
  const meetings = useQuery(trpc.nsd.listMeetings.queryOptions({}));
  return (
    <main className="page nsd-page" id="main" tabIndex={-1}>
      <h1>NSD meetings</h1>
      <p className="page__lead">Neighbourhood Safeguarding and Disruption meetings: one a month in each district.</p>
      {mayRunMeetings(user.roles) && <ArrangeMeeting districtCodes={user.districtCodes} />}
      {meetings.isPending && <Loading>Loading meetings…</Loading>}
      {meetings.isError && (
        <ErrorState message={errorMessage(meetings.error)} onRetry={() => void meetings.refetch()} />
      )}
      {meetings.data &&
        (meetings.data.meetings.length === 0 ? (
          <Empty>No NSD meetings in your districts yet.</Empty>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">District</th>
                <th scope="col">Chair</th>
                <th scope="col">Open actions</th>
                <th scope="col">Minuted items</th>
              </tr>
            </thead>
            <tbody>
              {meetings.data.meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <Link href={`/nsd/${meeting.id}`}>{formatDate(meeting.heldOn)}</Link>
                  </td>
                  <td>{meeting.district.name}</td>
                  <td>{meeting.chair ?? '—'}</td>
                  <td>{meeting.openActions}</td>
                  <td>{meeting.minutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </main>
  );
}

function ArrangeMeeting({ districtCodes }: { districtCodes: readonly string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const districts = useQuery(trpc.districts.list.queryOptions());
  const choices = (districts.data?.districts ?? []).filter((district) => districtCodes.includes(district.code));
  const [districtCode, setDistrictCode] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [chair, setChair] = useState('');
  const [attendees, setAttendees] = useState('');
  const create = useMutation(
    trpc.nsd.createMeeting.mutationOptions({
      onSuccess: async (meeting) => {
        await queryClient.invalidateQueries({ queryKey: trpc.nsd.pathKey() });
        navigate(`/nsd/${meeting.id}`);
      },
    }),
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    const names = attendees
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    create.mutate({
      districtCode: districtCode || choices[0]?.code || districtCodes[0] || '',
      heldOn,
      ...(chair.trim() ? { chair } : {}),
      attendees: names,
    });
  }
  return (
    <form className="record-form" onSubmit={submit} aria-label="Arrange a meeting">
      <h2>Arrange a meeting</h2>
      <label>
        District
        <select value={districtCode} onChange={(event) => setDistrictCode(event.target.value)}>
          {choices.map((district) => (
            <option key={district.code} value={district.code}>
              {district.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date
        <input type="date" required value={heldOn} onChange={(event) => setHeldOn(event.target.value)} />
      </label>
      <label>
        Chair
        <input value={chair} onChange={(event) => setChair(event.target.value)} />
      </label>
      <label>
        Attendees (comma-separated)
        <input value={attendees} onChange={(event) => setAttendees(event.target.value)} />
      </label>
      <button className="button" type="submit" disabled={create.isPending || districts.isPending}>
        Arrange the meeting
      </button>
      {create.isError && <ErrorState message={errorMessage(create.error)} />}
    </form>
  );
}
