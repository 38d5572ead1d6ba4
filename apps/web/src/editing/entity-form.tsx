import type { ConflictDetail } from '@lantern/domain';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { ErrorState } from '../ui/status.tsx';
import { ConflictBanner } from './conflict-banner.tsx';
import { conflictOf, type FieldErrors, fieldErrorsOf, inPlainWords } from './form-errors.ts';
import './editing.css';

/** What a form holds: every field as the text of its input. */
export type Draft = Record<string, string>;

export interface FieldDef {
  /** The API's name for the field, so its errors land beside it. */
  name: string;
  label: string;
  kind?: 'text' | 'date' | 'select' | 'textarea' | 'number';
  options?: ReadonlyArray<readonly [value: string, label: string]>;
  hint?: string;
  required?: boolean;
  /** Shown only on a new record (e.g. the kind of person). */
  createOnly?: boolean;
  visible?(draft: Draft): boolean;
  maxLength?: number;
}

export interface Versioned {
  id: string;
  version: number;
}

export interface EntityFormProps<Rec extends Versioned> {
  heading: string;
  fields: readonly FieldDef[];
  /** The record being edited as it was read; null for a new one. */
  record: Rec | null;
  draftOf(record: Rec | null): Draft;
  /** The form's values as the API takes them (create: all of them; update: those that differ). */
  valuesOf(draft: Draft): Record<string, unknown>;
  create(values: Record<string, unknown>): Promise<Rec>;
  update(input: { id: string; version: number; changes: Record<string, unknown> }): Promise<Rec>;
  /** Reads the record as it is now (after a CONFLICT). */
  reload(id: string): Promise<Rec>;
  onSaved?(record: Rec): void;
  /** Fields drawn by `extra` rather than from `fields`, whose errors it shows. */
  extraFields?: readonly string[];
  /** Fields the API takes only together: a change to one sends all (e.g. lon and lat). */
  together?: readonly (readonly string[])[];
  /** API paths that belong to another field, e.g. {"lon/lat": "lon"}. */
  aliases?: Record<string, string>;
  /** Drawn after the fields, e.g. a map to pick the point on. */
  extra?(draft: Draft, change: (patch: Draft) => void, errors: FieldErrors): ReactNode;
  submitLabel: string;
  /** What to say once saved, e.g. a link back to the record. */
  savedNote?(record: Rec): ReactNode;
}

/** Only what differs from `base`, compared as the API would store it. */
export function changesBetween(
  values: Record<string, unknown>,
  base: Record<string, unknown>,
  together: readonly (readonly string[])[] = [],
) {
  const changed = new Set(
    Object.keys(values).filter((key) => JSON.stringify(values[key]) !== JSON.stringify(base[key])),
  );
  for (const group of together) {
    if (group.some((key) => changed.has(key))) for (const key of group) changed.add(key);
  }
  return Object.fromEntries(Object.entries(values).filter(([key]) => changed.has(key)));
}

/**
 * A create-or-edit form for people, places and vehicles: the API's refusals beside the fields
 * they name, and optimistic concurrency the user can see. A save against an outdated version
 * shows who changed the record and when, with "Reload" (drop the edit, show the record as it
 * is) and "Keep yours" (save the form's values against the version now stored).
 */
export function EntityForm<Rec extends Versioned>(props: EntityFormProps<Rec>) {
  const { fields, draftOf, valuesOf, aliases } = props;
  const formId = useId();
  const [base, setBase] = useState<Rec | null>(props.record);
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.record));
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictDetail | null>(null);
  const [saved, setSaved] = useState<Rec | null>(null);
  const names = [...fields.map((field) => field.name), ...(props.extraFields ?? [])];

  const change = (patch: Draft) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(null);
  };

  function fail(error: unknown) {
    const stale = conflictOf(error);
    if (stale) {
      setConflict(stale);
      setErrors({});
      setGeneral(null);
      return;
    }
    const parsed = fieldErrorsOf(errorMessage(error), names, aliases);
    setErrors(parsed.byField);
    setGeneral(parsed.general);
  }

  async function save(against: Rec | null) {
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      let result: Rec;
      if (against === null) {
        result = await props.create(valuesOf(draft));
      } else {
        const changes = changesBetween(valuesOf(draft), valuesOf(draftOf(against)), props.together);
        if (Object.keys(changes).length === 0) {
          setConflict(null);
          setBase(against);
          setGeneral('Nothing to save: no field differs from the record as it is stored.');
          return;
        }
        result = await props.update({ id: against.id, version: against.version, changes });
      }
      setConflict(null);
      setBase(result);
      setDraft(draftOf(result));
      setSaved(result);
      props.onSaved?.(result);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  async function reloadThen(then: (current: Rec) => Promise<void> | void) {
    if (!base) return;
    setBusy(true);
    try {
      const current = await props.reload(base.id);
      setBase(current);
      await then(current);
    } catch (error) {
      setBusy(false);
      fail(error);
    }
  }

  const onReload = () =>
    reloadThen((current) => {
      setDraft(draftOf(current));
      setConflict(null);
      setErrors({});
      setGeneral(null);
      setBusy(false);
    });
  const onKeepMine = () => reloadThen((current) => save(current));

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(base);
  }

  return (
    <form className="entity-form" onSubmit={submit} aria-label={props.heading} noValidate>
      {fields
        .filter((field) => (!field.createOnly || base === null) && (field.visible?.(draft) ?? true))
        .map((field) => (
          <FieldInput
            key={field.name}
            id={`${formId}-${field.name}`}
            field={field}
            value={draft[field.name] ?? ''}
            error={errors[field.name]}
            onChange={(value) => change({ [field.name]: value })}
          />
        ))}
      {props.extra?.(draft, change, errors)}
      {general && <ErrorState message={general} />}
      {saved && (
        <p className="notice entity-form__saved" role="status">
          Saved. {props.savedNote?.(saved)}
        </p>
      )}
      {/* Beside the Save button the user just pressed, where they are looking. */}
      {conflict && <ConflictBanner conflict={conflict} busy={busy} onReload={onReload} onKeepMine={onKeepMine} />}
      <div className="entity-form__actions">
        <button className="button" type="submit" disabled={busy || conflict !== null}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
      </div>
    </form>
  );
}

function FieldInput({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: FieldDef;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const described = [field.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = {
    id,
    name: field.name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-required': field.required ? true : undefined,
    'aria-describedby': described || undefined,
  } as const;
  let input: ReactNode;
  switch (field.kind) {
    case 'select':
      input = (
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          {(field.options ?? []).map(([optionValue, label]) => (
            <option key={optionValue} value={optionValue}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
      input = <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />;
      break;
    default:
      input = (
        <input
          {...common}
          type={field.kind === 'date' ? 'date' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          maxLength={field.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
  return (
    <div className={`entity-form__field${error ? ' entity-form__field--invalid' : ''}`}>
      <label htmlFor={id}>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      {field.hint && (
        <p className="entity-form__hint" id={`${id}-hint`}>
          {field.hint}
        </p>
      )}
      {input}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {inPlainWords(field.label, error)}
        </p>
      )}
    </div>
  );
}

/** '' is "not given" (null); otherwise the trimmed text. */
export const textOrNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
/** One item per line (or per comma, for `commas`), blanks dropped. */
export const listOf = (value: string | undefined, separator: RegExp = /\n/) =>
  (value ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
/** A typed number; '' is left out so the API names the field as missing, 'abc' reaches it as not a number. */
export const numberOf = (value: string | undefined) => (value?.trim() ? Number(value) : undefined);
