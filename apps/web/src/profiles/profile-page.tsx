import './profiles.css';
import {
  type GetProfileOutput,
  londonDate,
  type ProfileFigure,
  type ProfileSectionKey,
  type ProfileWriting,
  profileSectionKeys,
} from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { conflictOf } from '../editing/form-errors.ts';
import { useBoundaries } from '../map/boundaries.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { download } from '../ui/download.ts';
import { formatDate, formatDateTime } from '../ui/format.ts';
import { LongWorkStatus, useLongAction } from '../ui/long-work.tsx';
import { ErrorState, Loading } from '../ui/status.tsx';
import { FigureRecordsPanel } from './figure-records-panel.tsx';
import { figuresByKey, scopeNames, statusNames } from './profile-format.ts';
import { ProfileSection } from './profile-section.tsx';
import { districtNames } from './profiles-page.tsx';
import { RecommendationsEditor, RecommendationsList } from './recommendations-editor.tsx';

/**
 * One problem profile: `/profiles/:id` shows its latest version, `?version=n` an earlier one.
 * The analyst writes the assessments and recommendations of a draft, refreshes its figures from
 * the records, and sends it for review; a second analyst approves it or returns it to draft. An
 * approved version is fixed: a new version starts a new draft. "Partner version" shows what
 * partners read (no child named, small counts as "<5").
 */
export function ProfilePage({ user, params }: PageProps) {
  const id = params.id ?? '';
  const trpc = useTRPC();
  const search = new URLSearchParams(useSearch());
  const requestedVersion = Number(search.get('version')) || undefined;
  const mayWrite = userMay(user, 'profiles.saveWriting');
  const [partner, setPartner] = useState(false);
  // Kept here: a saved change refetches the profile at its new revision, which starts the view afresh.
  const [done, setDone] = useState<string | null>(null);
  const edition = mayWrite && !partner ? 'full' : 'partner';
  const profile = useQuery(
    trpc.profiles.get.queryOptions({ id, ...(requestedVersion ? { version: requestedVersion } : {}), edition }),
  );
  if (profile.isPending)
    return (
      <main className="page">
        <Loading>Loading the profile…</Loading>
      </main>
    );
  if (profile.isError)
    return (
      <main className="page">
        <ErrorState message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />
      </main>
    );
  return (
    <ProfileView
      key={`${profile.data.version}-${profile.data.revision}-${profile.data.document.edition}`}
      data={profile.data}
      user={user}
      partner={partner}
      onPartnerChange={mayWrite ? setPartner : undefined}
      done={done}
      onDone={setDone}
    />
  );
}

type ProfileData = GetProfileOutput;

function ProfileView({
  data,
  user,
  partner,
  onPartnerChange,
  done,
  onDone: setDone,
}: {
  data: ProfileData;
  user: PageProps['user'];
  partner: boolean;
  onPartnerChange: ((partner: boolean) => void) | undefined;
  /** What the last action did, in words ("Saved."). */
  done: string | null;
  onDone(done: string | null): void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const { document } = data;
  const { terms, figures, status, edition } = document;
  const districts = useBoundaries('districts');
  const [writing, setWriting] = useState<ProfileWriting>(document.writing);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [openFigure, setOpenFigure] = useState<ProfileFigure | null>(null);
  const longWork = useLongAction();
  const allFigures = useMemo(() => figuresByKey(figures), [figures]);
  const previous = useMemo(
    () => (data.previousFigures ? figuresByKey(data.previousFigures) : null),
    [data.previousFigures],
  );
  const editable =
    status === 'draft' &&
    edition === 'full' &&
    data.version === data.latestVersion &&
    userMay(user, 'profiles.saveWriting');
  const isAuthor = data.authorId === user.id;

  const versionInput = { id: data.id, version: data.version, revision: data.revision };

  async function act(label: string, run: () => Promise<unknown>, after?: string, signal?: AbortSignal) {
    setBusy(label);
    setProblem(null);
    setDone(null);
    try {
      await run();
      await queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() });
      if (after) setDone(after);
    } catch (error) {
      // Cancelled: the status says so, and nothing changed.
      if (signal?.aborted) return;
      if (conflictOf(error)) {
        setStale(true);
        setProblem(
          'Someone else changed this profile after you opened it. Your changes are not saved: copy what you wrote, reload the profile, and make them again.',
        );
      } else {
        setProblem(errorMessage(error));
      }
    } finally {
      setBusy(null);
    }
  }

  /** Long work (figures worked out from the records, a document built): it shows it is working and can be cancelled. */
  const actLong = (label: string, run: (signal: AbortSignal) => Promise<unknown>, after?: string) =>
    longWork.run((signal) => act(label, () => run(signal), after, signal));

  const save = () =>
    act(
      'save',
      async () => {
        await client.profiles.saveWriting.mutate({ ...versionInput, writing });
        setDirty(false);
      },
      'Saved.',
    );

  function setAssessment(key: ProfileSectionKey, text: string) {
    setWriting((current) => ({ ...current, assessments: { ...current.assessments, [key]: text } }));
    setDirty(true);
  }

  async function downloadDocx() {
    await actLong('export', async (signal) => {
      const exported = await client.profiles.export.mutate(
        { id: data.id, version: data.version, edition, format: 'docx' },
        { signal },
      );
      const bytes = Uint8Array.from(atob(exported.contentBase64), (character) => character.charCodeAt(0));
      download(new Blob([bytes], { type: exported.mimeType }), exported.filename);
    });
  }

  async function print() {
    await act('print', () => client.profiles.recordPrint.mutate({ id: data.id, version: data.version, edition }));
    window.print();
  }

  const markingClass = terms.marking === 'OFFICIAL' ? 'profile--official' : 'profile--official-sensitive';
  return (
    <main className={`page profile ${markingClass}`} id="main" tabIndex={-1}>
      <div className="profile__tools" role="toolbar" aria-label="Profile actions">
        <Link href="/profiles">All profiles</Link>
        {editable && (
          <>
            <button
              className="button button--primary"
              type="button"
              disabled={busy !== null}
              onClick={() => void save()}
            >
              Save
            </button>
            <button
              className="button"
              type="button"
              disabled={busy !== null}
              onClick={() =>
                void actLong(
                  'refresh',
                  (signal) => client.profiles.refresh.mutate(versionInput, { signal }),
                  'The figures were worked out again from the records.',
                )
              }
            >
              Refresh figures
            </button>
            {userMay(user, 'profiles.submit') && (
              <button
                className="button"
                type="button"
                disabled={busy !== null || dirty}
                title={dirty ? 'Save your changes first' : undefined}
                onClick={() =>
                  void act('submit', () => client.profiles.submit.mutate(versionInput), 'Sent for review.')
                }
              >
                Send for review
              </button>
            )}
          </>
        )}
        {status === 'for_review' && edition === 'full' && (
          <>
            {userMay(user, 'profiles.approve') && !isAuthor && (
              <button
                className="button button--primary"
                type="button"
                disabled={busy !== null}
                onClick={() => void act('approve', () => client.profiles.approve.mutate(versionInput), 'Approved.')}
              >
                Approve
              </button>
            )}
            {userMay(user, 'profiles.returnToDraft') && (
              <button
                className="button"
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  void act('return', () => client.profiles.returnToDraft.mutate(versionInput), 'Returned to draft.')
                }
              >
                Return to draft
              </button>
            )}
          </>
        )}
        {status === 'approved' &&
          data.version === data.latestVersion &&
          userMay(user, 'profiles.newVersion') &&
          edition === 'full' && (
            <button
              className="button"
              type="button"
              disabled={busy !== null}
              onClick={() =>
                void act('newVersion', async () => {
                  const created = await client.profiles.newVersion.mutate(versionInput);
                  navigate(`/profiles/${data.id}?version=${created.version}`);
                })
              }
            >
              New version
            </button>
          )}
        {userMay(user, 'profiles.export') && (
          <button className="button" type="button" disabled={busy !== null} onClick={() => void downloadDocx()}>
            Download DOCX
          </button>
        )}
        <button className="button" type="button" disabled={busy !== null} onClick={() => void print()}>
          Print
        </button>
        {onPartnerChange && (
          <label className="profile__toggle">
            <input type="checkbox" checked={partner} onChange={(event) => onPartnerChange(event.target.checked)} />{' '}
            Partner version
          </label>
        )}
      </div>
      <LongWorkStatus work={longWork}>
        {busy === 'export' ? 'Preparing the DOCX…' : 'Working out the figures from the records…'}
      </LongWorkStatus>
      {problem && (
        <div className="form__error" role="alert" data-testid={stale ? 'profile-conflict' : undefined}>
          <p>{problem}</p>
          {stale && (
            <button
              className="button"
              type="button"
              onClick={() => void queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() })}
            >
              Reload the profile
            </button>
          )}
        </div>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <header className="profile__header">
        <p className="profile__marking">{terms.marking} · Problem profile</p>
        <h1>{terms.title}</h1>
        <p className="profile__state">
          <span className={`profile-status profile-status--${status}`}>{statusNames[status]}</span> · Version{' '}
          {data.version}
          {data.latestVersion > data.version && (
            <>
              {' '}
              (a later version exists: <Link href={`/profiles/${data.id}`}>version {data.latestVersion}</Link>)
            </>
          )}{' '}
          ·{' '}
          {edition === 'partner'
            ? 'Partner edition: no child is named; counts of 1 to 4 people show as “<5”.'
            : 'Full edition'}
        </p>
        {data.versions.length > 1 && (
          <nav aria-label="Versions" className="profile__versions">
            Versions:{' '}
            {data.versions.map((entry) => (
              <Link
                key={entry.version}
                href={`/profiles/${data.id}?version=${entry.version}`}
                aria-current={entry.version === data.version ? 'page' : undefined}
              >
                {entry.version} ({statusNames[entry.status].toLowerCase()})
              </Link>
            ))}
          </nav>
        )}
        {status === 'draft' && data.returnedReason && (
          <p className="notice">Returned to draft: {data.returnedReason}</p>
        )}
      </header>
      <section className="profile__terms" aria-label="Terms of reference">
        <h2>Terms of reference</h2>
        <dl className="facts facts--wide">
          <div>
            <dt>Problem</dt>
            <dd>{scopeNames[terms.scope]}</dd>
          </div>
          <div>
            <dt>Area</dt>
            <dd>{districtNames(terms.districtCodes)}</dd>
          </div>
          <div>
            <dt>Period</dt>
            <dd>
              {formatDate(terms.from)} to {formatDate(terms.to)}
            </dd>
          </div>
          <div>
            <dt>Compared with</dt>
            <dd>
              {formatDate(terms.comparisonFrom)} to {formatDate(terms.comparisonTo)}
            </dd>
          </div>
          <div>
            <dt>Requested by</dt>
            <dd>{terms.requester}</dd>
          </div>
          <div>
            <dt>Purpose</dt>
            <dd>{terms.purpose}</dd>
          </div>
          <div>
            <dt>Handling marking</dt>
            <dd>{terms.marking}</dd>
          </div>
          <div>
            <dt>Review date</dt>
            <dd>{formatDate(terms.reviewDate)}</dd>
          </div>
          <div>
            <dt>Author</dt>
            <dd>{data.authorName}</dd>
          </div>
          {data.reviewerName && (
            <div>
              <dt>Approved by</dt>
              <dd>
                {data.reviewerName}
                {data.approvedAt ? ` on ${formatDate(londonDate(data.approvedAt))}` : ''}
              </dd>
            </div>
          )}
          <div>
            <dt>Figures as at</dt>
            <dd>{formatDateTime(figures.asAt)}</dd>
          </div>
        </dl>
      </section>
      <div className="profile__body">
        <div className="profile__sections">
          {profileSectionKeys.map((key, index) => {
            const section = figures.sections.find((candidate) => candidate.key === key) ?? {
              key,
              title: defaultTitles[key],
              figures: [],
              tables: [],
              charts: [],
              maps: [],
              notes: [],
            };
            if (key === 'recommendations') {
              return (
                <section
                  key={key}
                  className="profile-section"
                  aria-label={`${index + 1}. ${section.title}`}
                  data-section={key}
                >
                  <h2>
                    {index + 1}. {section.title}
                  </h2>
                  {editable ? (
                    <RecommendationsEditor
                      recommendations={writing.recommendations}
                      errors={{}}
                      mayListActions={userMay(user, 'disruption.list')}
                      onChange={(next) => {
                        setWriting((current) => ({ ...current, recommendations: next }));
                        setDirty(true);
                      }}
                    />
                  ) : (
                    <RecommendationsList recommendations={writing.recommendations} />
                  )}
                </section>
              );
            }
            return (
              <ProfileSection
                key={key}
                number={index + 1}
                section={section}
                edition={edition}
                previous={previous}
                allFigures={allFigures}
                districts={districts.data?.features ?? []}
                assessment={writing.assessments[key] ?? ''}
                onAssessmentChange={editable ? (text) => setAssessment(key, text) : undefined}
                onOpenFigure={userMay(user, 'profiles.figureRecords') ? setOpenFigure : undefined}
              />
            );
          })}
        </div>
        {openFigure && (
          <FigureRecordsPanel
            profileId={data.id}
            version={data.version}
            edition={edition}
            figure={openFigure}
            onClose={() => setOpenFigure(null)}
          />
        )}
      </div>
      <p className="profile__end">
        End of the profile · {terms.marking} · {partner || edition === 'partner' ? 'Partner edition' : 'Full edition'}
      </p>
    </main>
  );
}

const defaultTitles: Record<ProfileSectionKey, string> = {
  summary: 'Summary of key findings',
  scale: 'Scale and trend',
  victims: 'Victims',
  offenders: 'Offenders and networks',
  locations: 'Locations',
  time: 'Time',
  methods: 'Methods and disruption',
  intelligence: 'Intelligence picture and gaps',
  recommendations: 'Recommendations',
};
