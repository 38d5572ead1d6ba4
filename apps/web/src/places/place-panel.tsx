import type { CurrentUser, DisruptionAction, EntityLinks } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { formatCount } from '../map/district-panel.tsx';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { userMay } from '../routing/page-props.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { actionHistoryEntries, PlaceActions, usePlaceActions } from './place-actions.tsx';

/** Roles that may list what a place is linked to (the API says the same: links.listForEntity). */

export interface PlacePanelProps {
  placeId: string;
  user: CurrentUser;
  onClose(): void;
}

/** One place of concern: what it is, why it is of concern, what it is linked to, and its history. */
export function PlacePanel({ placeId, user, onClose }: PlacePanelProps) {
  const trpc = useTRPC();
  const place = useQuery(trpc.places.get.queryOptions({ id: placeId }));
  const headingId = useId();
  const mayReadLinks = userMay(user, 'links.listForEntity');
  // The actions on this place are listed in the panel and are part of its history (issue 18).
  const actions = usePlaceActions(placeId, userMay(user, 'disruption.list'));

  return (
    <section className="side-panel" aria-labelledby={headingId} data-testid="place-panel">
      <div className="side-panel__header">
        <h2 id={headingId}>{place.data?.name ?? 'Place of concern'}</h2>
        <button className="button button--quiet" type="button" onClick={onClose} aria-label="Close the place">
          Close
        </button>
      </div>
      {place.isPending && <Loading>Loading the place…</Loading>}
      {place.isError && <ErrorState message={errorMessage(place.error)} onRetry={() => void place.refetch()} />}
      {place.data && (
        <>
          <p className="side-panel__kind">
            {placeCategoryLabels[place.data.category]} · {place.data.district?.name ?? 'outside the districts'}
          </p>
          <dl className="facts">
            {place.data.address && (
              <div>
                <dt>Address</dt>
                <dd>{place.data.address}</dd>
              </div>
            )}
            <div>
              <dt>Of concern</dt>
              <dd>
                {place.data.concernUntil
                  ? `${formatDate(place.data.concernSince)} to ${formatDate(place.data.concernUntil)}`
                  : `since ${formatDate(place.data.concernSince)}`}
              </dd>
            </div>
            <div>
              <dt>People linked</dt>
              <dd data-count="linkedPeople">{formatCount(place.data.linkedPeople)}</dd>
            </div>
          </dl>
          <h3>Reasons</h3>
          {place.data.reasons.length === 0 ? (
            <p>No reasons recorded.</p>
          ) : (
            <ul className="reasons">
              {place.data.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {userMay(user, 'places.update') && (
            <p className="edit-links">
              <Link className="button button--quiet" href={`/places/${placeId}/edit`}>
                Edit
              </Link>
            </p>
          )}
          {userMay(user, 'contextual.createLocationAssessment') && (
            <p>
              <Link href={`/contextual/location/new?placeId=${placeId}`}>Assess this location</Link>
            </p>
          )}
          {userMay(user, 'network.ego') && (
            <p>
              <Link href={`/network?ego=${placeId}`}>Network around this place</Link>
            </p>
          )}
          {mayReadLinks && <PlaceLinks placeId={placeId} />}
          {userMay(user, 'disruption.list') && <PlaceActions actions={actions} />}
          <PlaceHistory placeId={placeId} actions={actions.data?.actions ?? []} />
        </>
      )}
    </section>
  );
}

function PlaceLinks({ placeId }: { placeId: string }) {
  const trpc = useTRPC();
  const links = useQuery(trpc.links.listForEntity.queryOptions({ type: 'place', id: placeId }));
  return (
    <>
      <h3>Linked records</h3>
      {links.isPending && <Loading>Loading the links…</Loading>}
      {links.isError && <ErrorState message={errorMessage(links.error)} onRetry={() => void links.refetch()} />}
      {links.data && links.data.links.length === 0 && <Empty>Nothing is linked to this place.</Empty>}
      {links.data && links.data.links.length > 0 && (
        <ul className="linked-records">
          {links.data.links.map((link) => (
            <li key={link.id}>
              <LinkedRecordLabel record={link.other} />
              <span className="linked-records__meta">
                {link.linkType.replace(/_/g, ' ')} · {link.reliability} · last seen {formatDate(link.lastSeen)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function LinkedRecordLabel({ record }: { record: EntityLinks['links'][number]['other'] }) {
  switch (record.type) {
    case 'person':
      return <PersonLabel person={record.person} />;
    case 'place':
      return <Link href={`/?place=${record.id}`}>{record.name}</Link>;
    case 'vehicle':
      return <span>Vehicle {record.registration}</span>;
    case 'intelligence_report':
      return (
        <span>
          Intelligence {record.reference} ({record.category.replace(/_/g, ' ')})
        </span>
      );
    case 'missing_episode':
      return <span>Missing episode reported {formatDate(record.reportedOn)}</span>;
  }
}

function PlaceHistory({ placeId, actions }: { placeId: string; actions: readonly DisruptionAction[] }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.places.history.queryOptions({ id: placeId }));
  const entries = [
    ...(history.data?.events ?? []).map((event) => ({
      at: event.at,
      text: `${event.change === 'created' ? 'Recorded' : 'Changed'} ${formatDateTime(event.at)}${event.by ? ` by ${event.by}` : ''}${event.reason ? `: ${event.reason}` : ''}`,
    })),
    ...actionHistoryEntries(actions),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      <h3>History</h3>
      {history.isPending && <Loading>Loading the history…</Loading>}
      {history.isError && <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refetch()} />}
      {history.data && history.data.events.length === 0 && <p>Recorded before Lantern kept a history.</p>}
      {history.data && entries.length > 0 && (
        <ol className="history" aria-label="History of the place">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>{entry.text}</li>
          ))}
        </ol>
      )}
    </>
  );
}
