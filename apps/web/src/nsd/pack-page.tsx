import './nsd.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { useBoundaries } from '../map/boundaries.ts';
import type { PageProps } from '../routing/page-props.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { ActionTable } from './action-log.tsx';
import { AgendaList } from './agenda-list.tsx';
import { DistrictSketch, type SketchPoint } from './district-sketch.tsx';

/**
 * The printable meeting pack: the district map, the agenda with minutes, the action log and the
 * tactics in force, redacted for the reader by the API. "Print or save as PDF" opens the browser's
 * print dialogue; its "Save as PDF" destination makes the PDF.
 */
export function PackPage({ params }: PageProps) {
  const trpc = useTRPC();
  const meetingId = params.id ?? '';
  const pack = useQuery(trpc.nsd.pack.queryOptions({ meetingId }));
  const districts = useBoundaries('districts');
  if (pack.isPending)
    return (
      <main className="page">
        <Loading>Preparing the meeting pack…</Loading>
      </main>
    );
  if (pack.isError) {
    return (
      <main className="page">
        <ErrorState message={errorMessage(pack.error)} onRetry={() => void pack.refetch()} />
      </main>
    );
  }
  const { meeting, agenda, actionLog, tacticsInForce, childrenShownAs, generatedAt } = pack.data;
  const district = districts.data?.features.find((feature) => feature.properties.code === meeting.district.code);
  const points: SketchPoint[] = [
    ...tacticsInForce.map((action) => ({
      key: action.actionId,
      lon: action.lon,
      lat: action.lat,
      kind: action.tacticCode.startsWith('closure') ? ('closure' as const) : ('action' as const),
      label: `${action.tacticName}: ${action.placeName}`,
    })),
    ...agenda.items.flatMap((item) =>
      item.kind === 'hotspot' && item.point
        ? [{ key: item.key, lon: item.point.lon, lat: item.point.lat, kind: 'hotspot' as const, label: item.title }]
        : [],
    ),
  ];
  return (
    <main className="page nsd-pack" id="main" tabIndex={-1}>
      <div className="nsd-pack__tools">
        <Link href={`/nsd/${meeting.id}`}>Back to the meeting</Link>
        <button className="button" type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <header className="nsd-pack__header">
        <p className="nsd-pack__marking">OFFICIAL-SENSITIVE · NSD meeting pack</p>
        <h1>
          {meeting.district.name} Neighbourhood Safeguarding and Disruption meeting, {formatDate(meeting.heldOn)}
        </h1>
        <p>
          Chair: {meeting.chair ?? 'not recorded'} · Agencies: {meeting.agencies.join(', ') || 'not recorded'}
        </p>
        <p className="nsd-pack__redaction">
          {childrenShownAs === 'pseudonymised'
            ? 'Children are shown by initials and reference only, as this reader’s role allows.'
            : 'Children are named: this pack is for readers with person-level access only.'}{' '}
          Prepared {formatDateTime(generatedAt)}.
        </p>
      </header>
      <section>
        <h2>District map</h2>
        {district ? (
          <DistrictSketch district={district} points={points} />
        ) : (
          <Loading>Loading the district boundary…</Loading>
        )}
      </section>
      <section>
        <h2>Agenda</h2>
        {agenda.notes.map((note) => (
          <p key={note} className="notice">
            {note}
          </p>
        ))}
        <AgendaList items={agenda.items} />
      </section>
      <section>
        <h2>Action log</h2>
        <ActionTable items={actionLog} editable={false} />
      </section>
      <section>
        <h2>Tactics in force</h2>
        {tacticsInForce.length === 0 ? (
          <p>No disruption tactics in force on places in {meeting.district.name}.</p>
        ) : (
          <table className="data-table" aria-label="Tactics in force">
            <thead>
              <tr>
                <th scope="col">Tactic</th>
                <th scope="col">Place</th>
                <th scope="col">In force from</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {tacticsInForce.map((action) => (
                <tr key={action.actionId}>
                  <td>{action.tacticName}</td>
                  <td>{action.placeName}</td>
                  <td className="nowrap">{action.inForceFrom ? formatDate(action.inForceFrom) : '—'}</td>
                  <td className="nowrap">{action.expiresOn ? formatDate(action.expiresOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
