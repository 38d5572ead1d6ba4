import { useId } from 'react';

/** One labelled text area or date of an assessment form. */
export function TextField({
  label,
  value,
  onChange,
  type = 'textarea',
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'textarea' | 'text' | 'date';
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {type === 'textarea' ? (
        <textarea id={id} value={value} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} type={type} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}

/** Every version of an assessment, newest first: who wrote it, when, and whether it was a review. */
export function AssessmentHistory({
  history,
}: {
  history: ReadonlyArray<{ version: number; reviewed: boolean; recordedBy: string | null; recordedAt: string }>;
}) {
  return (
    <section aria-label="History of reviews">
      <h2>History</h2>
      <ol className="history">
        {history.map((entry) => (
          <li key={entry.version}>
            Version {entry.version} · {entry.reviewed ? 'reviewed' : 'written'} by {entry.recordedBy ?? 'an import'} on{' '}
            {entry.recordedAt.slice(0, 10)}
          </li>
        ))}
      </ol>
    </section>
  );
}
