import { type IntelligenceCategory, type IntelligenceReceipt, intelligenceCategories } from '@lantern/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { categoryLabels } from './labels.ts';
import './intelligence.css';
import { placeChoiceLabel } from '../places/place-choice.ts';
import { readAsBase64 } from '../ui/read-file.ts';

type Where = 'point' | 'place' | 'none';
interface SubjectDraft {
  name: string;
  age: string;
  description: string;
  /** A Lantern person the submitter recognised, with how they were shown (a name or a reference). */
  person?: { id: string; label: string };
}
interface Draft {
  category: IntelligenceCategory;
  body: string;
  occurredAt: string;
  where: Where;
  lon: string;
  lat: string;
  placeId: string;
  subjects: SubjectDraft[];
  vehicles: string;
  submitterView: string;
}
interface AttachmentDraft {
  fileName: string;
  mediaType: string;
  base64: string;
}

const draftKey = 'lantern.intelligence-draft';
const emptyDraft: Draft = {
  category: 'cse',
  body: '',
  occurredAt: '',
  where: 'none',
  lon: '',
  lat: '',
  placeId: '',
  subjects: [],
  vehicles: '',
  submitterView: '',
};

/** The draft kept in this browser so a reload loses nothing (attachments are not kept). */
function loadDraft(): Draft {
  try {
    const stored = localStorage.getItem(draftKey);
    return stored ? { ...emptyDraft, ...(JSON.parse(stored) as Partial<Draft>) } : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

/**
 * A partner's report of what they saw (the Concerns Network): what, when, where (a point picked
 * on the map, a place of concern, or no location), who, vehicles, the category, how they know it,
 * and photos or PDFs. No grading: the police evaluate it. The submitter gets a receipt.
 */
export function SubmitIntelligencePage({ user }: PageProps) {
  const maySearchPeople = userMay(user, 'people.search');
  const trpc = useTRPC();
  const id = useId();
  const search = new URLSearchParams(useSearch());
  const [draft, setDraft] = useState<Draft>(() => {
    const loaded = loadDraft();
    const lon = search.get('lon');
    const lat = search.get('lat');
    return lon && lat ? { ...loaded, where: 'point', lon, lat } : loaded;
  });
  const [attachments, setAttachments] = useState<AttachmentDraft[]>([]);
  const [receipt, setReceipt] = useState<IntelligenceReceipt | null>(null);
  const places = useQuery(trpc.places.list.queryOptions({ limit: 200 }));
  const submit = useMutation(
    trpc.intelligence.submit.mutationOptions({
      onSuccess: (result) => {
        localStorage.removeItem(draftKey);
        setReceipt(result);
      },
    }),
  );
  useEffect(() => {
    if (!receipt) localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [draft, receipt]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setSubject = (index: number, change: Partial<SubjectDraft>) =>
    set(
      'subjects',
      draft.subjects.map((subject, i) => (i === index ? { ...subject, ...change } : subject)),
    );

  if (receipt) {
    return (
      <main className="intelligence-page" data-testid="intelligence-receipt">
        <h1>Thank you: your report is in</h1>
        <p>
          Reference <strong data-testid="receipt-reference">{receipt.reference}</strong>. The police will evaluate it;
          you can follow its status under <Link href="/intelligence/mine">My reports</Link>.
        </p>
        <button
          className="button"
          type="button"
          onClick={() => {
            setReceipt(null);
            setDraft(emptyDraft);
            setAttachments([]);
          }}
        >
          Report something else
        </button>
      </main>
    );
  }

  async function addFiles(files: FileList | null) {
    const added = await Promise.all(
      [...(files ?? [])].map(async (file) => ({
        fileName: file.name,
        mediaType: file.type,
        base64: await readAsBase64(file),
      })),
    );
    setAttachments((current) => [...current, ...added].slice(0, 3));
  }

  function send(event: FormEvent) {
    event.preventDefault();
    const where =
      draft.where === 'point'
        ? { lon: Number(draft.lon), lat: Number(draft.lat) }
        : draft.where === 'place' && draft.placeId
          ? { placeId: draft.placeId }
          : {};
    submit.mutate({
      category: draft.category,
      body: draft.body,
      ...(draft.occurredAt ? { occurredAt: new Date(draft.occurredAt).toISOString() } : {}),
      ...where,
      subjects: draft.subjects
        .filter((s) => s.name.trim() !== '' || s.person)
        .map((s) => ({
          ...(s.name.trim() ? { name: s.name } : {}),
          ...(s.person ? { personId: s.person.id } : {}),
          ...(s.age.trim() ? { approximateAge: Number(s.age) } : {}),
          ...(s.description.trim() ? { description: s.description } : {}),
        })),
      vehicles: draft.vehicles
        .split(/[,;\n]/)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
      ...(draft.submitterView.trim() ? { submitterView: draft.submitterView } : {}),
      attachments: attachments.map((a) => ({
        fileName: a.fileName,
        mediaType: a.mediaType as 'image/png',
        base64: a.base64,
      })),
    });
  }

  return (
    <main className="intelligence-page">
      <h1>Report a concern</h1>
      <p className="intelligence-page__lead">
        Tell the police what you saw. Your draft is kept in this browser until you send it.
      </p>
      <form className="intelligence-form" onSubmit={send} aria-label="Report a concern">
        <label htmlFor={`${id}-category`}>What is it about?</label>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(e) => set('category', e.currentTarget.value as IntelligenceCategory)}
        >
          {intelligenceCategories.map((category) => (
            <option key={category} value={category}>
              {categoryLabels[category]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-body`}>What did you see or hear?</label>
        <textarea
          id={`${id}-body`}
          required
          rows={5}
          value={draft.body}
          onChange={(e) => set('body', e.currentTarget.value)}
        />
        <label htmlFor={`${id}-when`}>When did it happen?</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={draft.occurredAt}
          onChange={(e) => set('occurredAt', e.currentTarget.value)}
        />
        <fieldset>
          <legend>Where?</legend>
          {(
            [
              ['point', 'A point on the map'],
              ['place', 'A place of concern'],
              ['none', 'No location'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="intelligence-form__check">
              <input type="radio" name="where" checked={draft.where === value} onChange={() => set('where', value)} />
              {label}
            </label>
          ))}
          {draft.where === 'point' && (
            <p className="intelligence-form__point" data-testid="picked-point">
              {draft.lon && draft.lat ? (
                <>
                  {Number(draft.lat).toFixed(5)}, {Number(draft.lon).toFixed(5)} ·{' '}
                </>
              ) : (
                'No point yet · '
              )}
              <Link href="/?report=1">pick on the map</Link>
            </p>
          )}
          {draft.where === 'place' && (
            <select
              aria-label="Place of concern"
              value={draft.placeId}
              onChange={(e) => set('placeId', e.currentTarget.value)}
            >
              <option value="">Choose a place…</option>
              {places.data?.places.map((place) => (
                <option key={place.id} value={place.id}>
                  {placeChoiceLabel(place)}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <fieldset>
          <legend>Who was involved?</legend>
          {draft.subjects.map((subject, index) => (
            <div key={index} className="intelligence-form__subject">
              <input
                aria-label={`Person ${index + 1}: name or what they are called`}
                placeholder="Name or what they are called"
                value={subject.name}
                onChange={(e) => setSubject(index, { name: e.currentTarget.value })}
              />
              <input
                aria-label={`Person ${index + 1}: approximate age`}
                placeholder="Age"
                inputMode="numeric"
                value={subject.age}
                onChange={(e) => setSubject(index, { age: e.currentTarget.value })}
              />
              <input
                aria-label={`Person ${index + 1}: description`}
                placeholder="Description"
                value={subject.description}
                onChange={(e) => setSubject(index, { description: e.currentTarget.value })}
              />
              {maySearchPeople && (
                <KnownPerson index={index} subject={subject} onChoose={(person) => setSubject(index, { person })} />
              )}
            </div>
          ))}
          <button
            className="button button--secondary"
            type="button"
            onClick={() => set('subjects', [...draft.subjects, { name: '', age: '', description: '' }])}
          >
            Add a person
          </button>
        </fieldset>
        <label htmlFor={`${id}-vehicles`}>Vehicle registrations (comma-separated)</label>
        <input id={`${id}-vehicles`} value={draft.vehicles} onChange={(e) => set('vehicles', e.currentTarget.value)} />
        <label htmlFor={`${id}-view`}>How do you know this?</label>
        <textarea
          id={`${id}-view`}
          rows={2}
          placeholder="Saw it myself, told by a child, heard from a colleague…"
          value={draft.submitterView}
          onChange={(e) => set('submitterView', e.currentTarget.value)}
        />
        <label htmlFor={`${id}-files`}>Photos or PDFs (up to 3, 2 MB each)</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
          onChange={(e) => void addFiles(e.currentTarget.files)}
        />
        {attachments.length > 0 && (
          <ul className="intelligence-form__files">
            {attachments.map((a) => (
              <li key={a.fileName}>{a.fileName}</li>
            ))}
          </ul>
        )}
        {submit.isError && (
          <p className="form-error" role="alert">
            {errorMessage(submit.error)}
          </p>
        )}
        <button className="button" type="submit" disabled={submit.isPending}>
          {submit.isPending ? 'Sending…' : 'Send to the police'}
        </button>
      </form>
    </main>
  );
}

/**
 * Offers the Lantern people (that this role may see) whose names match what the submitter typed,
 * so a child they recognise is named by record rather than retyped; shown as the role sees them.
 */
function KnownPerson({
  index,
  subject,
  onChoose,
}: {
  index: number;
  subject: SubjectDraft;
  onChoose: (person: SubjectDraft['person']) => void;
}) {
  const trpc = useTRPC();
  const name = subject.name.trim();
  const matches = useQuery({
    ...trpc.people.search.queryOptions({ name, limit: 5 }),
    enabled: name.length >= 2 && subject.person === undefined,
  });
  if (subject.person) {
    return (
      <p className="intelligence-form__known">
        Lantern record: {subject.person.label}{' '}
        <button className="button button--quiet" type="button" onClick={() => onChoose(undefined)}>
          Not them
        </button>
      </p>
    );
  }
  const people = matches.data?.people ?? [];
  if (people.length === 0) return null;
  return (
    <ul className="result-list intelligence-form__known" aria-label={`Lantern records like person ${index + 1}`}>
      {people.map(({ person }) => {
        const label =
          person.view === 'full'
            ? `${person.givenName} ${person.familyName} (${person.pseudonymRef})`
            : `${person.initials} (${person.pseudonymRef}), age ${person.ageBand}`;
        return (
          <li key={person.id}>
            <PersonLabel person={person} />
            <button className="button button--quiet" type="button" onClick={() => onChoose({ id: person.id, label })}>
              This is them
            </button>
          </li>
        );
      })}
    </ul>
  );
}
