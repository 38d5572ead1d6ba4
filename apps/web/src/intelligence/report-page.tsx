import {
  type DevelopIntelligenceRequest,
  type HandlingCode,
  handlingCodes,
  type IntelligenceDetail,
  type IntelligenceEvaluation,
  intelligenceEvaluations,
  type PlaceCategory,
  placeCategories,
  type SourceEvaluation,
  sourceEvaluations,
} from '@lantern/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { categoryLabels, formatInstant, statusLabels } from './labels.ts';
import './intelligence.css';

/** One report as the analyst evaluates it: grade, sanitise, develop or close. Every step audited by the API. */
export function IntelligenceReportPage({ params }: PageProps) {
  const trpc = useTRPC();
  const id = params.id ?? '';
  const report = useQuery(trpc.intelligence.get.queryOptions({ id }));
  if (report.isPending) return <Loading>Loading the report…</Loading>;
  if (report.isError) return <ErrorState message={errorMessage(report.error)} onRetry={() => void report.refetch()} />;
  const detail = report.data;
  const open = detail.status === 'received' || detail.status === 'being_evaluated';
  return (
    <main className="intelligence-page" data-testid="intelligence-report">
      <p>
        <Link href="/intelligence/queue">← Queue</Link>
      </p>
      <h1>
        {detail.reference} · {categoryLabels[detail.category]}
      </h1>
      <p data-testid="report-status">
        {statusLabels[detail.status]} · from {detail.agency} · sent {formatInstant(detail.submittedAt)}
        {detail.occurredAt ? ` · happened ${formatInstant(detail.occurredAt)}` : ''} ·{' '}
        {detail.district?.name ?? 'no location'}
        {detail.place ? ` · at ${detail.place.name}` : ''}
      </p>
      <div className="intelligence-detail">
        <section aria-label="What was reported">
          <h2>What was reported (original, analysts only)</h2>
          <p className="intelligence-detail__text">{detail.body}</p>
          {detail.submitterView && <p>How they know: {detail.submitterView}</p>}
          {detail.vehicles.length > 0 && <p>Vehicles: {detail.vehicles.map((v) => v.registration).join(', ')}</p>}
          {detail.attachments.length > 0 && (
            <ul>
              {detail.attachments.map((a) => (
                <li key={a.id}>
                  <AttachmentLink id={a.id} fileName={a.fileName} /> ({a.mediaType}, {a.sizeBytes} bytes)
                </li>
              ))}
            </ul>
          )}
          <h3>People named</h3>
          <ul>
            {detail.subjects.map((subject) => (
              <li key={subject.id}>
                {subject.name ?? 'A Lantern person'}
                {subject.approximateAge !== null ? `, about ${subject.approximateAge}` : ''}
                {subject.description ? ` (${subject.description})` : ''}
                {subject.person &&
                  ` → ${subject.person.view === 'full' ? `${subject.person.givenName} ${subject.person.familyName}` : subject.person.pseudonymRef} (${subject.resolution})`}
              </li>
            ))}
          </ul>
          {detail.links.length > 0 && (
            <>
              <h3>Links citing this report</h3>
              <ul data-testid="report-links">
                {detail.links.map((link) => (
                  <li key={link.id}>
                    {link.from.label} — {link.linkType.replace(/_/g, ' ')} — {link.to.label}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-label="Evaluation">
          <GradeForm detail={detail} />
          <h3>Grading history</h3>
          <ol data-testid="grading-history">
            {detail.gradings.map((g) => (
              <li key={g.gradedAt}>
                {g.sourceEvaluation}
                {g.intelligenceEvaluation}
                {g.handlingCode} · {g.gradedBy ?? 'import'} · {formatInstant(g.gradedAt)}
                {g.reason ? ` · ${g.reason}` : ''}
              </li>
            ))}
          </ol>
          {detail.status !== 'withdrawn' && <SanitiseForm detail={detail} />}
        </section>
      </div>
      {open && <DevelopForm detail={detail} />}
      {open && <CloseForm detail={detail} />}
    </main>
  );
}

function AttachmentLink({ id, fileName }: { id: string; fileName: string }) {
  const trpc = useTRPC();
  const [wanted, setWanted] = useState(false);
  const file = useQuery({ ...trpc.intelligence.attachment.queryOptions({ id }), enabled: wanted });
  if (file.data) {
    return (
      <a href={`data:${file.data.mediaType};base64,${file.data.base64}`} download={file.data.fileName}>
        {fileName}
      </a>
    );
  }
  return (
    <button className="link-button" type="button" onClick={() => setWanted(true)}>
      {fileName}
    </button>
  );
}

function useRefreshReport(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (detail: IntelligenceDetail) => {
    queryClient.setQueryData(trpc.intelligence.get.queryKey({ id }), detail);
    void queryClient.invalidateQueries({ queryKey: trpc.intelligence.queueCount.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.intelligence.queue.queryKey() });
  };
}

function GradeForm({ detail }: { detail: IntelligenceDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshReport(detail.id);
  const [source, setSource] = useState<SourceEvaluation>(detail.sourceEvaluation ?? '2');
  const [intelligence, setIntelligence] = useState<IntelligenceEvaluation>(detail.intelligenceEvaluation ?? 'C');
  const [handling, setHandling] = useState<HandlingCode>(detail.handlingCode ?? 'P');
  const [conditions, setConditions] = useState(detail.handlingConditions ?? '');
  const [reason, setReason] = useState('');
  const grade = useMutation(trpc.intelligence.grade.mutationOptions({ onSuccess: refresh }));
  if (detail.status === 'withdrawn') return <p>Withdrawn by the submitter: {detail.statusReason}</p>;
  function submit(event: FormEvent) {
    event.preventDefault();
    grade.mutate({
      id: detail.id,
      version: detail.version,
      sourceEvaluation: source,
      intelligenceEvaluation: intelligence,
      handlingCode: handling,
      ...(handling === 'C' ? { handlingConditions: conditions } : {}),
      ...(reason.trim() ? { reason } : {}),
    });
  }
  return (
    <form className="intelligence-form" onSubmit={submit} aria-label="Grade 3x5x2">
      <h2>
        Grading{' '}
        {detail.handlingCode
          ? `(now ${detail.sourceEvaluation}${detail.intelligenceEvaluation}${detail.handlingCode})`
          : '(not graded)'}
      </h2>
      <label>
        Source evaluation
        <select value={source} onChange={(e) => setSource(e.currentTarget.value as SourceEvaluation)}>
          {sourceEvaluations.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        Intelligence assessment
        <select value={intelligence} onChange={(e) => setIntelligence(e.currentTarget.value as IntelligenceEvaluation)}>
          {intelligenceEvaluations.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        Handling code
        <select value={handling} onChange={(e) => setHandling(e.currentTarget.value as HandlingCode)}>
          {handlingCodes.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      {handling === 'C' && (
        <label>
          Conditions (who may receive it, on what terms)
          <textarea required value={conditions} onChange={(e) => setConditions(e.currentTarget.value)} />
        </label>
      )}
      <label>
        Reason (for a re-grading)
        <input value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </label>
      {grade.isError && (
        <p className="form-error" role="alert">
          {errorMessage(grade.error)}
        </p>
      )}
      <button className="button" type="submit" disabled={grade.isPending}>
        {detail.handlingCode ? 'Re-grade' : 'Grade'}
      </button>
    </form>
  );
}

function SanitiseForm({ detail }: { detail: IntelligenceDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshReport(detail.id);
  const [text, setText] = useState(detail.sanitisedBody ?? detail.body);
  const sanitise = useMutation(trpc.intelligence.sanitise.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      className="intelligence-form"
      aria-label="Sanitised text"
      onSubmit={(event) => {
        event.preventDefault();
        sanitise.mutate({ id: detail.id, version: detail.version, sanitisedBody: text });
      }}
    >
      <h2>Sanitised text for wider sharing</h2>
      <textarea rows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      {sanitise.isError && (
        <p className="form-error" role="alert">
          {errorMessage(sanitise.error)}
        </p>
      )}
      <button className="button button--secondary" type="submit" disabled={sanitise.isPending}>
        Save sanitised text
      </button>
    </form>
  );
}

type SubjectChoice =
  | { kind: 'leave' }
  | { kind: 'match'; query: string; personId: string }
  | { kind: 'create'; personKind: 'child' | 'associate'; givenName: string; familyName: string };

function SubjectMatcher({
  label,
  choice,
  onChange,
  index,
}: {
  label: string;
  choice: SubjectChoice;
  onChange: (choice: SubjectChoice) => void;
  index: number;
}) {
  const trpc = useTRPC();
  const query = choice.kind === 'match' ? choice.query : '';
  const people = useQuery({
    ...trpc.people.search.queryOptions({ name: query || 'x', limit: 10 }),
    enabled: choice.kind === 'match' && query.trim().length >= 2,
  });
  const [given = '', ...rest] = label.replace(/["“”]/g, '').split(/\s+/);
  return (
    <fieldset data-testid={`subject-${index}`}>
      <legend>{label}</legend>
      <select
        aria-label={`What to do with ${label}`}
        value={choice.kind}
        onChange={(e) => {
          const kind = e.currentTarget.value;
          if (kind === 'match') onChange({ kind: 'match', query: '', personId: '' });
          else if (kind === 'create')
            onChange({
              kind: 'create',
              personKind: 'associate',
              givenName: given,
              familyName: rest.join(' ') || 'Unknown',
            });
          else onChange({ kind: 'leave' });
        }}
      >
        <option value="leave">Leave unmatched</option>
        <option value="match">Match to a Lantern person</option>
        <option value="create">Record a new person</option>
      </select>
      {choice.kind === 'match' && (
        <>
          <input
            aria-label={`Search for ${label}`}
            placeholder="Search by name"
            value={choice.query}
            onChange={(e) => onChange({ ...choice, query: e.currentTarget.value })}
          />
          <select
            aria-label={`Person for ${label}`}
            value={choice.personId}
            onChange={(e) => onChange({ ...choice, personId: e.currentTarget.value })}
          >
            <option value="">Choose…</option>
            {people.data?.people.map(({ person }) => (
              <option key={person.id} value={person.id}>
                {person.view === 'full'
                  ? `${person.givenName} ${person.familyName} (${person.kind}, ${person.pseudonymRef})`
                  : person.pseudonymRef}
              </option>
            ))}
          </select>
        </>
      )}
      {choice.kind === 'create' && (
        <>
          <select
            aria-label={`Kind of ${label}`}
            value={choice.personKind}
            onChange={(e) => onChange({ ...choice, personKind: e.currentTarget.value as 'child' | 'associate' })}
          >
            <option value="associate">Associate</option>
            <option value="child">Child</option>
          </select>
          <input
            aria-label={`Given name of ${label}`}
            value={choice.givenName}
            onChange={(e) => onChange({ ...choice, givenName: e.currentTarget.value })}
          />
          <input
            aria-label={`Family name of ${label}`}
            value={choice.familyName}
            onChange={(e) => onChange({ ...choice, familyName: e.currentTarget.value })}
          />
        </>
      )}
    </fieldset>
  );
}

function DevelopForm({ detail }: { detail: IntelligenceDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshReport(detail.id);
  const [choices, setChoices] = useState<SubjectChoice[]>(() => detail.subjects.map(() => ({ kind: 'leave' })));
  const [placeName, setPlaceName] = useState('');
  const [placeCategory, setPlaceCategory] = useState<PlaceCategory>('other');
  const [linkToPlace, setLinkToPlace] = useState(true);
  const develop = useMutation(trpc.intelligence.develop.mutationOptions({ onSuccess: refresh }));
  const district = detail.district?.code ?? 'E07000174';
  function submit(event: FormEvent) {
    event.preventDefault();
    const subjects: DevelopIntelligenceRequest['subjects'] = [];
    detail.subjects.forEach((subject, index) => {
      const choice = choices[index];
      if (choice?.kind === 'match' && choice.personId)
        subjects.push({ position: subject.position, personId: choice.personId });
      if (choice?.kind === 'create') {
        subjects.push({
          position: subject.position,
          create: {
            kind: choice.personKind,
            givenName: choice.givenName,
            familyName: choice.familyName,
            homeDistrictCode: district,
          },
        });
      }
    });
    const matched = detail.subjects.filter(
      (subject, index) => choices[index]?.kind !== 'leave' || subject.namedPerson !== null || subject.person !== null,
    );
    const place =
      !detail.place && placeName.trim() && detail.location
        ? {
            create: {
              name: placeName,
              category: placeCategory,
              lon: detail.location.lon,
              lat: detail.location.lat,
              concernSince: (detail.occurredAt ?? detail.submittedAt).slice(0, 10),
            },
          }
        : undefined;
    const hasPlace = detail.place !== null || place !== undefined;
    develop.mutate({
      id: detail.id,
      version: detail.version,
      subjects,
      ...(place ? { place } : {}),
      vehicles: detail.vehicles.map((v) => v.registration),
      links:
        linkToPlace && hasPlace
          ? matched.map((subject) => ({
              from: { kind: 'subject' as const, position: subject.position },
              to: { kind: 'place' as const },
              linkType: 'seen_at',
              reliability: 'possible' as const,
            }))
          : [],
    });
  }
  return (
    <form className="intelligence-form" onSubmit={submit} aria-label="Develop">
      <h2>Develop</h2>
      {detail.subjects.map((subject, index) => (
        <SubjectMatcher
          key={subject.id}
          index={index}
          label={subject.name ?? 'A Lantern person'}
          choice={choices[index] ?? { kind: 'leave' }}
          onChange={(choice) => setChoices((current) => current.map((c, i) => (i === index ? choice : c)))}
        />
      ))}
      {detail.place ? (
        <p>Place: {detail.place.name}</p>
      ) : detail.location ? (
        <fieldset>
          <legend>Record the place at the reported point</legend>
          <input aria-label="Place name" value={placeName} onChange={(e) => setPlaceName(e.currentTarget.value)} />
          <select
            aria-label="Place category"
            value={placeCategory}
            onChange={(e) => setPlaceCategory(e.currentTarget.value as PlaceCategory)}
          >
            {placeCategories.map((category) => (
              <option key={category}>{category}</option>
            ))}
          </select>
        </fieldset>
      ) : (
        <p>No location was reported.</p>
      )}
      <label className="intelligence-form__check">
        <input type="checkbox" checked={linkToPlace} onChange={(e) => setLinkToPlace(e.currentTarget.checked)} />
        Link each matched person to the place, citing this report
      </label>
      {develop.isError && (
        <p className="form-error" role="alert">
          {errorMessage(develop.error)}
        </p>
      )}
      <button className="button" type="submit" disabled={develop.isPending}>
        Mark developed
      </button>
    </form>
  );
}

function CloseForm({ detail }: { detail: IntelligenceDetail }) {
  const trpc = useTRPC();
  const refresh = useRefreshReport(detail.id);
  const [reason, setReason] = useState('');
  const close = useMutation(trpc.intelligence.close.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      className="intelligence-form"
      aria-label="No further action"
      onSubmit={(event) => {
        event.preventDefault();
        close.mutate({ id: detail.id, version: detail.version, reason });
      }}
    >
      <h2>No further action</h2>
      <input
        aria-label="Why no further action"
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      {close.isError && (
        <p className="form-error" role="alert">
          {errorMessage(close.error)}
        </p>
      )}
      <button className="button button--secondary" type="submit" disabled={close.isPending}>
        Close with no further action
      </button>
    </form>
  );
}
