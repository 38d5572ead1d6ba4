import type { PhilomenaProfile } from '@lantern/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { type ApiClient, useTRPC, useTRPCClient } from '../api/trpc.ts';
import { changedWhen } from '../editing/conflict-banner.tsx';
import { conflictOf, fieldErrorsOf, inPlainWords } from '../editing/form-errors.ts';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';
import { personChoiceLabel } from '../people/person-choice.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { PlaceSearch } from '../places/place-search.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { formatDateTime } from '../ui/format.ts';
import { LongWorkStatus, useLongAction } from '../ui/long-work.tsx';
import { ErrorState, Loading } from '../ui/status.tsx';
import { useDebounced } from '../ui/use-debounced.ts';
import { PhilomenaDocument } from './philomena-document.tsx';
import { useMissingRefresh } from './use-missing-refresh.ts';
import './missing.css';
import { readAsBase64 } from '../ui/read-file.ts';

type PhilomenaPrintInput = Parameters<ApiClient['missing']['philomena']['print']['mutate']>[0];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** A child in care's Philomena profile: the latest version, a new version, and the police print. */
export function PhilomenaPage({ params }: PageProps) {
  const trpc = useTRPC();
  const personId = params.personId ?? '';
  const profile = useQuery(trpc.missing.philomena.get.queryOptions({ personId }));
  const client = useTRPCClient();
  // Building the police print can take a while: it shows it is working and can be cancelled.
  const print = useMutation({
    mutationKey: trpc.missing.philomena.print.mutationKey(),
    mutationFn: ({ signal, ...input }: PhilomenaPrintInput & { signal: AbortSignal }) =>
      client.missing.philomena.print.mutate(input, { signal }),
  });
  const printWork = useLongAction();
  const episodes = useQuery(trpc.missing.listEpisodes.queryOptions({ personId, limit: 20 }));
  const [episodeId, setEpisodeId] = useState('');
  const [reason, setReason] = useState('');
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const reasonId = useId();
  if (print.data) return <PhilomenaDocument document={print.data} onClose={() => print.reset()} />;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <title>Philomena profile – Lantern</title>
      <h1>Philomena profile</h1>
      {profile.isPending && <Loading>Loading the profile…</Loading>}
      {profile.isError && <ErrorState message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <>
          <p className="page__lead">
            <PersonLabel person={profile.data.child} />{' '}
            {profile.data.profile
              ? `· version ${profile.data.profile.version}, saved ${formatDateTime(profile.data.profile.savedAt)}`
              : '· no profile yet'}
          </p>
          {profile.data.profile && (
            <form
              className="missing-form"
              aria-label="Print for the police"
              onSubmit={(event) => {
                event.preventDefault();
                const input = { personId, reason, ...(episodeId ? { episodeId } : {}) };
                // A refusal shows below (the mutation's error).
                void printWork.run((signal) => print.mutateAsync({ ...input, signal })).catch(() => undefined);
              }}
            >
              <label htmlFor={reasonId}>Why it is printed (recorded in the audit trail)</label>
              <input id={reasonId} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <label htmlFor={`${reasonId}-episode`}>With part 2 of the episode</label>
              <select
                id={`${reasonId}-episode`}
                value={episodeId}
                onChange={(e) => setEpisodeId(e.currentTarget.value)}
              >
                <option value="">No episode (the profile alone)</option>
                {(episodes.data?.episodes ?? []).map((episode) => (
                  <option key={episode.id} value={episode.id}>
                    {episode.episodeRef} · reported {formatDateTime(episode.reportedAt)}
                  </option>
                ))}
              </select>
              {print.isError && !printWork.cancelled && <ErrorState message={errorMessage(print.error)} />}
              <button className="button" type="submit" disabled={printWork.working}>
                Print for the police
              </button>
              <LongWorkStatus work={printWork}>Preparing the print…</LongWorkStatus>
            </form>
          )}
          <ProfileForm
            key={profile.data.profile?.version ?? 0}
            personId={personId}
            current={profile.data.profile}
            savedVersion={savedVersion}
            onSaved={setSavedVersion}
            onReload={() => void profile.refetch()}
          />
          <Part2Section personId={personId} />
        </>
      )}
    </main>
  );
}

/** The form's fields, as the API names them in a refusal. */
const profileFields = [
  'description',
  'photo',
  'vulnerabilities',
  'importantPeople',
  'importantPlaces',
  'phones',
  'socialMedia',
  'transport',
];
const fieldLabels: Record<string, string> = {
  description: 'Description',
  photo: 'Photo',
  vulnerabilities: 'Vulnerabilities',
  importantPeople: 'Important people',
  importantPlaces: 'Important places',
  phones: 'Phones',
  socialMedia: 'Social media',
  transport: 'Transport',
};
const rowPath = /^(importantPeople|importantPlaces)\.(\d+)\.\w+: (.*)$/s;

/** The API's refusal split into one message per field and one per row of people or places. */
function refusalOf(message: string) {
  const rows: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = rowPath.exec(part);
    if (match) rows[`${match[1]}.${match[2]}`] = match[3] ?? '';
    else rest.push(part);
  }
  const { byField, general } = fieldErrorsOf(rest.join('; '), profileFields);
  return { rows, byField, general };
}

interface PersonRow {
  personId: string;
  /** What the remove button names: "Dana Holt (A-4HT2ZK)". */
  name: string;
  label: string;
  relationship: string;
}
interface PlaceRow {
  placeId: string;
  name: string;
  label: string;
  note: string;
}

function FieldError({ id, children }: { id: string; children: string | undefined }) {
  if (!children) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {children}
    </p>
  );
}

function ProfileForm({
  personId,
  current,
  savedVersion,
  onSaved,
  onReload,
}: {
  personId: string;
  current: PhilomenaProfile | null;
  savedVersion: number | null;
  onSaved(version: number): void;
  onReload(): void;
}) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [description, setDescription] = useState(current?.description ?? '');
  const [vulnerabilities, setVulnerabilities] = useState(current?.vulnerabilities.join('\n') ?? '');
  const [phones, setPhones] = useState(current?.phones.join('\n') ?? '');
  const [socialMedia, setSocialMedia] = useState(current?.socialMedia.join('\n') ?? '');
  const [transport, setTransport] = useState(current?.transport ?? '');
  const [photo, setPhoto] = useState<File | null>(null);
  const [people, setPeople] = useState<PersonRow[]>(
    (current?.importantPeople ?? []).map(({ person, relationship }) => ({
      personId: person.id,
      name: personChoiceLabel(person).split(' — ')[0] ?? person.pseudonymRef,
      label: personChoiceLabel(person),
      relationship,
    })),
  );
  const [places, setPlaces] = useState<PlaceRow[]>(
    (current?.importantPlaces ?? []).map(({ placeId, name, category, note }) => ({
      placeId,
      name,
      label: `${name} · ${placeCategoryLabels[category as keyof typeof placeCategoryLabels] ?? category}`,
      note,
    })),
  );
  const save = useMutation(
    trpc.missing.philomena.save.mutationOptions({
      onSuccess: (data) => {
        onSaved(data.profile?.version ?? 0);
        void refresh();
      },
    }),
  );
  const conflict = save.isError ? conflictOf(save.error) : null;
  const refusal = save.isError && !conflict ? refusalOf(errorMessage(save.error)) : null;
  const fieldError = (field: string) => {
    const message = refusal?.byField[field];
    return message ? inPlainWords(fieldLabels[field] ?? field, message) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      personId,
      version: current?.version ?? 0,
      description,
      ...(photo
        ? {
            photo: {
              contentType: photo.type as 'image/jpeg' | 'image/png' | 'image/webp',
              base64: await readAsBase64(photo),
            },
          }
        : {}),
      vulnerabilities: lines(vulnerabilities),
      importantPeople: people.map(({ personId: linked, relationship }) => ({ personId: linked, relationship })),
      importantPlaces: places.map(({ placeId, note }) => ({ placeId, note })),
      phones: lines(phones),
      socialMedia: lines(socialMedia),
      transport: transport.trim() === '' ? null : transport.trim(),
    });
  }

  return (
    <form className="missing-form" aria-label="Save a new version" onSubmit={(event) => void submit(event)} noValidate>
      <h2>Save a new version</h2>
      {savedVersion !== null && <p role="status">Saved version {savedVersion}.</p>}
      {current?.photo && (
        <img className="philomena-photo" src={current.photo} alt="The child, as in the current profile" />
      )}
      <label htmlFor={`${id}-photo`}>New photo (JPEG, PNG or WebP, at most 1 MB)</label>
      <input
        id={`${id}-photo`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={fieldError('photo') ? `${id}-photo-error` : undefined}
        onChange={(e) => setPhoto(e.currentTarget.files?.[0] ?? null)}
      />
      <FieldError id={`${id}-photo-error`}>{fieldError('photo')}</FieldError>
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        required
        value={description}
        aria-invalid={fieldError('description') ? true : undefined}
        aria-describedby={fieldError('description') ? `${id}-description-error` : undefined}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <FieldError id={`${id}-description-error`}>{fieldError('description')}</FieldError>
      <label htmlFor={`${id}-vulnerabilities`}>Vulnerabilities (one a line)</label>
      <textarea
        id={`${id}-vulnerabilities`}
        value={vulnerabilities}
        onChange={(e) => setVulnerabilities(e.currentTarget.value)}
      />
      <FieldError id={`${id}-vulnerabilities-error`}>{fieldError('vulnerabilities')}</FieldError>
      <ImportantPeople
        rows={people}
        onChange={setPeople}
        childId={personId}
        rowErrors={refusal?.rows ?? {}}
        error={fieldError('importantPeople')}
      />
      <ImportantPlaces
        rows={places}
        onChange={setPlaces}
        rowErrors={refusal?.rows ?? {}}
        error={fieldError('importantPlaces')}
      />
      <label htmlFor={`${id}-phones`}>Phones (one a line)</label>
      <textarea id={`${id}-phones`} value={phones} onChange={(e) => setPhones(e.currentTarget.value)} />
      <FieldError id={`${id}-phones-error`}>{fieldError('phones')}</FieldError>
      <label htmlFor={`${id}-social`}>Social media (one a line)</label>
      <textarea id={`${id}-social`} value={socialMedia} onChange={(e) => setSocialMedia(e.currentTarget.value)} />
      <FieldError id={`${id}-social-error`}>{fieldError('socialMedia')}</FieldError>
      <label htmlFor={`${id}-transport`}>Transport</label>
      <input id={`${id}-transport`} value={transport} onChange={(e) => setTransport(e.currentTarget.value)} />
      <FieldError id={`${id}-transport-error`}>{fieldError('transport')}</FieldError>
      {conflict && (
        <div className="conflict-banner" role="alert">
          <p>
            <strong>
              Someone else{conflict.changedBy ? ` (${conflict.changedBy})` : ''} saved this profile
              {changedWhen(conflict.changedAt)} while you were editing it
              {conflict.currentVersion ? `: it is now version ${conflict.currentVersion}` : ''}.
            </strong>{' '}
            Your changes are not saved. Reload to see their version, then make your changes again.
          </p>
          <button className="button" type="button" onClick={onReload}>
            Reload the profile
          </button>
        </div>
      )}
      {refusal?.general && <ErrorState message={refusal.general} />}
      <button className="button button--primary" type="submit" disabled={save.isPending}>
        Save profile
      </button>
    </form>
  );
}

/** People who matter to the child (family, friends, those who may harbour them), each with the relationship. */
/** A recorded list (important people or places): each row with a Remove button and its error, then the controls to add one. */
function RecordedRows<Row extends { name: string }>(props: {
  id: string;
  legend: string;
  error: string | undefined;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  describe: (row: Row) => string;
  rowError: (index: number) => string | undefined;
  onChange: (rows: Row[]) => void;
  children: ReactNode;
}) {
  const { id } = props;
  return (
    <fieldset className="philomena-rows" aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <FieldError id={`${id}-error`}>{props.error}</FieldError>
      {props.rows.length === 0 ? (
        <p className="philomena-rows__empty">None recorded.</p>
      ) : (
        <ul aria-label={props.legend}>
          {props.rows.map((row, index) => (
            <li key={props.rowKey(row)}>
              <span>{props.describe(row)}</span>
              <button
                className="button button--quiet"
                type="button"
                onClick={() => props.onChange(props.rows.filter((other) => other !== row))}
              >
                Remove {row.name}
              </button>
              <FieldError id={`${id}-row-${index}`}>{props.rowError(index)}</FieldError>
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </fieldset>
  );
}

function ImportantPeople(props: {
  rows: PersonRow[];
  onChange(rows: PersonRow[]): void;
  childId: string;
  rowErrors: Record<string, string>;
  error: string | undefined;
}) {
  const trpc = useTRPC();
  const id = useId();
  const [typed, setTyped] = useState('');
  const name = useDebounced(typed.trim());
  const [chosen, setChosen] = useState('');
  const [relationship, setRelationship] = useState('');
  const [problem, setProblem] = useState<{ field: 'person' | 'relationship'; message: string } | null>(null);
  const searchable = name.length >= 2;
  const search = useQuery({ ...trpc.people.search.queryOptions({ name, limit: 25 }), enabled: searchable });
  const found = (search.data?.people ?? []).filter(
    ({ person }) => person.id !== props.childId && !props.rows.some((row) => row.personId === person.id),
  );

  function add() {
    const person = found.find((candidate) => candidate.person.id === chosen)?.person;
    if (!person) return setProblem({ field: 'person', message: 'Choose a person to add' });
    if (relationship.trim() === '') {
      return setProblem({ field: 'relationship', message: 'Relationship must not be empty' });
    }
    props.onChange([
      ...props.rows,
      {
        personId: person.id,
        name: personChoiceLabel(person).split(' — ')[0] ?? person.pseudonymRef,
        label: personChoiceLabel(person),
        relationship: relationship.trim(),
      },
    ]);
    setChosen('');
    setRelationship('');
    setTyped('');
    setProblem(null);
  }

  return (
    <RecordedRows
      id={id}
      legend="Important people"
      error={props.error}
      rows={props.rows}
      rowKey={(row) => row.personId}
      describe={(row) => `${row.label} — ${row.relationship}`}
      rowError={(index) => props.rowErrors[`importantPeople.${index}`]}
      onChange={props.onChange}
    >
      <label htmlFor={`${id}-find`}>Find a person by name</label>
      <input id={`${id}-find`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
      <label htmlFor={`${id}-person`}>Person to add</label>
      <select
        id={`${id}-person`}
        value={chosen}
        aria-invalid={problem?.field === 'person' ? true : undefined}
        aria-describedby={problem?.field === 'person' ? `${id}-problem` : undefined}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">
          {!searchable
            ? 'Type two or more letters of a name…'
            : search.isPending
              ? 'Searching…'
              : search.isError
                ? errorMessage(search.error)
                : found.length === 0
                  ? `No one else matches “${name}” in your districts`
                  : `Choose one of ${found.length}${(search.data?.people.length ?? 0) >= 25 ? ' (the first 25: type more of the name)' : ''}…`}
        </option>
        {found.map(({ person }) => (
          <option key={person.id} value={person.id}>
            {personChoiceLabel(person)}
          </option>
        ))}
      </select>
      {problem?.field === 'person' && <FieldError id={`${id}-problem`}>{problem.message}</FieldError>}
      <label htmlFor={`${id}-relationship`}>Relationship to the child</label>
      <input
        id={`${id}-relationship`}
        value={relationship}
        maxLength={200}
        aria-invalid={problem?.field === 'relationship' ? true : undefined}
        aria-describedby={problem?.field === 'relationship' ? `${id}-problem` : undefined}
        onChange={(e) => setRelationship(e.target.value)}
      />
      {problem?.field === 'relationship' && <FieldError id={`${id}-problem`}>{problem.message}</FieldError>}
      <button className="button" type="button" onClick={add}>
        Add person
      </button>
    </RecordedRows>
  );
}

/** Places the child may go when missing, each with a note of why. */
function ImportantPlaces(props: {
  rows: PlaceRow[];
  onChange(rows: PlaceRow[]): void;
  rowErrors: Record<string, string>;
  error: string | undefined;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<{ id: string; name: string; label: string }>({ id: '', name: '', label: '' });
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ field: 'place' | 'note'; message: string } | null>(null);

  function add() {
    if (!chosen.id) return setProblem({ field: 'place', message: 'Choose a place to add' });
    if (props.rows.some((row) => row.placeId === chosen.id)) {
      return setProblem({ field: 'place', message: 'That place is already listed' });
    }
    if (note.trim() === '') return setProblem({ field: 'note', message: 'Why it matters must not be empty' });
    props.onChange([...props.rows, { placeId: chosen.id, name: chosen.name, label: chosen.label, note: note.trim() }]);
    setChosen({ id: '', name: '', label: '' });
    setNote('');
    setProblem(null);
  }

  return (
    <RecordedRows
      id={id}
      legend="Important places"
      error={props.error}
      rows={props.rows}
      rowKey={(row) => row.placeId}
      describe={(row) => `${row.label} — ${row.note}`}
      rowError={(index) => props.rowErrors[`importantPlaces.${index}`]}
      onChange={props.onChange}
    >
      <PlaceSearch
        label="Place to add"
        optional
        value={chosen.id}
        describedBy={problem?.field === 'place' ? `${id}-problem` : undefined}
        onChange={(placeId, label, name) => setChosen({ id: placeId, name, label })}
      />
      {problem?.field === 'place' && <FieldError id={`${id}-problem`}>{problem.message}</FieldError>}
      <label htmlFor={`${id}-note`}>Why it matters (e.g. "goes there with older friends")</label>
      <input
        id={`${id}-note`}
        value={note}
        maxLength={500}
        aria-invalid={problem?.field === 'note' ? true : undefined}
        aria-describedby={problem?.field === 'note' ? `${id}-problem` : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {problem?.field === 'note' && <FieldError id={`${id}-problem`}>{problem.message}</FieldError>}
      <button className="button" type="button" onClick={add}>
        Add place
      </button>
    </RecordedRows>
  );
}

/** Part 2 on each of the child's episodes: clothing and where last seen, completed when they go missing. */
function Part2Section({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const episodes = useQuery(trpc.missing.listEpisodes.queryOptions({ personId, limit: 20 }));
  return (
    <section className="missing-form" aria-label="Part 2 for each episode">
      <h2>Part 2 for each episode</h2>
      {episodes.isPending && <Loading>Loading the child’s episodes…</Loading>}
      {episodes.isError && <ErrorState message={errorMessage(episodes.error)} />}
      {episodes.data?.episodes.length === 0 && <p>No missing episode recorded for this child.</p>}
      {episodes.data?.episodes.map((episode) => (
        <Part2Form
          key={episode.id}
          episodeId={episode.id}
          episodeRef={episode.episodeRef}
          reportedAt={episode.reportedAt}
        />
      ))}
    </section>
  );
}

function Part2Form({
  episodeId,
  episodeRef,
  reportedAt,
}: {
  episodeId: string;
  episodeRef: string;
  reportedAt: string;
}) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const detail = useQuery(trpc.missing.getEpisode.queryOptions({ id: episodeId }));
  // What this form last saved, until the episode is read again: the fields keep showing it meanwhile.
  const [saved, setSaved] = useState<{ clothing: string; lastSeenDescription: string; version: number } | null>(null);
  const read = detail.data?.philomenaPart2 ?? null;
  const current = saved && (!read || saved.version > read.version) ? saved : read;
  const [edits, setEdits] = useState<{ clothing: string; lastSeenDescription: string } | null>(null);
  const clothing = edits?.clothing ?? current?.clothing ?? '';
  const lastSeen = edits?.lastSeenDescription ?? current?.lastSeenDescription ?? '';
  const save = useMutation(
    trpc.missing.philomena.savePart2.mutationOptions({
      onSuccess: (result) => {
        setSaved(result);
        setEdits(null);
        void refresh();
      },
    }),
  );
  const conflict = save.isError ? conflictOf(save.error) : null;
  const refusal =
    save.isError && !conflict ? fieldErrorsOf(errorMessage(save.error), ['clothing', 'lastSeenDescription']) : null;
  const edit = (change: Partial<{ clothing: string; lastSeenDescription: string }>) =>
    setEdits({ clothing, lastSeenDescription: lastSeen, ...change });

  return (
    <form
      className="philomena-part2"
      aria-label={`Part 2 of ${episodeRef}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({
          episodeId,
          ...(current ? { version: current.version } : {}),
          clothing,
          lastSeenDescription: lastSeen,
        });
      }}
    >
      <h3>
        {episodeRef} · reported {formatDateTime(reportedAt)}
      </h3>
      {detail.isPending && <Loading>Loading part 2…</Loading>}
      {detail.isError && <ErrorState message={errorMessage(detail.error)} />}
      <label htmlFor={`${id}-clothing`}>Clothing when last seen</label>
      <textarea
        id={`${id}-clothing`}
        value={clothing}
        aria-invalid={refusal?.byField.clothing ? true : undefined}
        aria-describedby={refusal?.byField.clothing ? `${id}-clothing-error` : undefined}
        onChange={(e) => edit({ clothing: e.currentTarget.value })}
      />
      <FieldError id={`${id}-clothing-error`}>
        {refusal?.byField.clothing ? inPlainWords('Clothing', refusal.byField.clothing) : undefined}
      </FieldError>
      <label htmlFor={`${id}-last-seen`}>Where and with whom last seen</label>
      <textarea
        id={`${id}-last-seen`}
        value={lastSeen}
        aria-invalid={refusal?.byField.lastSeenDescription ? true : undefined}
        aria-describedby={refusal?.byField.lastSeenDescription ? `${id}-last-seen-error` : undefined}
        onChange={(e) => edit({ lastSeenDescription: e.currentTarget.value })}
      />
      <FieldError id={`${id}-last-seen-error`}>
        {refusal?.byField.lastSeenDescription
          ? inPlainWords('Where last seen', refusal.byField.lastSeenDescription)
          : undefined}
      </FieldError>
      {conflict && (
        <div className="conflict-banner" role="alert">
          <p>
            <strong>Someone else saved part 2 of {episodeRef} while you were editing it.</strong> Your changes are not
            saved. Reload to see theirs, then make your changes again.
          </p>
          <button
            className="button"
            type="button"
            onClick={() => {
              setEdits(null);
              setSaved(null);
              save.reset();
              void detail.refetch();
            }}
          >
            Reload part 2
          </button>
        </div>
      )}
      {refusal?.general && <ErrorState message={refusal.general} />}
      {save.isSuccess && <p role="status">Saved part 2 of {episodeRef}.</p>}
      <button className="button" type="submit" disabled={save.isPending || detail.isPending}>
        Save part 2
      </button>
    </form>
  );
}
