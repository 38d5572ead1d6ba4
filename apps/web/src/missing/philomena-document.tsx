import type { Person, PhilomenaProfile } from '@lantern/domain';
import { formatDateTime } from '../ui/format.ts';

interface PrintedDocument {
  child: Person;
  profile: PhilomenaProfile;
  episode: {
    episodeRef: string;
    reportedAt: string;
    clothing: string | null;
    lastSeenDescription: string | null;
  } | null;
  printedAt: string;
  printedBy: string;
}

/** The one-page Philomena document for the police, laid out for the printer. */
export function PhilomenaDocument({ document, onClose }: { document: PrintedDocument; onClose: () => void }) {
  const { child, profile, episode } = document;
  const name = child.view === 'full' ? `${child.givenName} ${child.familyName}` : child.pseudonymRef;
  return (
    <main className="page philomena-document" id="main" tabIndex={-1}>
      <title>{`Philomena – ${child.pseudonymRef}`}</title>
      <div className="philomena-document__actions">
        <button className="button button--primary" type="button" onClick={() => window.print()}>
          Print
        </button>
        <button className="button" type="button" onClick={onClose}>
          Back to the profile
        </button>
      </div>
      <h1>Philomena Protocol: {name}</h1>
      <p>
        {child.pseudonymRef}
        {child.view === 'full' && child.dateOfBirth ? ` · born ${child.dateOfBirth}` : ''} · profile version{' '}
        {profile.version}
      </p>
      {profile.photo && <img className="philomena-photo" src={profile.photo} alt={name} />}
      <dl className="philomena-document__facts">
        <dt>Description</dt>
        <dd>{profile.description}</dd>
        <dt>Vulnerabilities</dt>
        <dd>{profile.vulnerabilities.join('; ') || 'none recorded'}</dd>
        <dt>Places the child may go</dt>
        <dd>{profile.importantPlaces.map((place) => `${place.name} (${place.note})`).join('; ') || 'none recorded'}</dd>
        <dt>Phones</dt>
        <dd>{profile.phones.join(', ') || 'none recorded'}</dd>
        <dt>Social media</dt>
        <dd>{profile.socialMedia.join(', ') || 'none recorded'}</dd>
        <dt>Transport</dt>
        <dd>{profile.transport ?? 'none recorded'}</dd>
        {episode && (
          <>
            <dt>Missing since</dt>
            <dd>
              {formatDateTime(episode.reportedAt)} ({episode.episodeRef})
            </dd>
            <dt>Clothing</dt>
            <dd>{episode.clothing ?? 'not recorded'}</dd>
            <dt>Last seen</dt>
            <dd>{episode.lastSeenDescription ?? 'not recorded'}</dd>
          </>
        )}
      </dl>
      <p className="philomena-document__footer">
        Printed {formatDateTime(document.printedAt)} by {document.printedBy}. Official – sensitive.
      </p>
    </main>
  );
}
