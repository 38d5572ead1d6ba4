import { type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { conflictOf, type FieldErrors, fieldErrorsOf, inPlainWords } from '../editing/form-errors.ts';
import '../editing/editing.css';
import './admin.css';

/**
 * Small form parts of the administration pages: a labelled field with its hint and the API's
 * message beside it, a group of checkboxes, and one way to turn a refusal into messages per
 * field, a general message, or a CONFLICT that asks for a reload.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`entity-form__field${error ? ' entity-form__field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="entity-form__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {inPlainWords(label, error)}
        </p>
      )}
    </div>
  );
}

export function CheckboxGroup<Value extends string>({
  legend,
  options,
  selected,
  onChange,
  error,
  hint,
}: {
  legend: string;
  options: ReadonlyArray<readonly [Value, string]>;
  selected: readonly Value[];
  onChange(next: Value[]): void;
  error?: string | undefined;
  hint?: string;
}) {
  const toggle = (value: Value, on: boolean) =>
    onChange(options.map(([option]) => option).filter((option) => (option === value ? on : selected.includes(option))));
  return (
    <fieldset className={`checkbox-group${error ? ' checkbox-group--invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint && <p className="entity-form__hint">{hint}</p>}
      <div className="checkbox-group__options">
        {options.map(([value, label]) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={(event) => toggle(value, event.target.checked)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{inPlainWords(legend, error)}</p>}
    </fieldset>
  );
}

export interface FormOutcome {
  errors: FieldErrors;
  general: string | null;
  /** The record changed since it was read: the form offers a reload. */
  stale: boolean;
  busy: boolean;
}

/** Runs a save, keeping the API's refusal as messages per field (`fields`), a general one, or a CONFLICT. */
export function useSave(fields: readonly string[]) {
  const [outcome, setOutcome] = useState<FormOutcome>({ errors: {}, general: null, stale: false, busy: false });
  async function run<T>(save: () => Promise<T>): Promise<T | null> {
    setOutcome({ errors: {}, general: null, stale: false, busy: true });
    try {
      const result = await save();
      setOutcome({ errors: {}, general: null, stale: false, busy: false });
      return result;
    } catch (error) {
      if (conflictOf(error)) {
        setOutcome({ errors: {}, general: errorMessage(error).replace(/^version: /, ''), stale: true, busy: false });
      } else {
        const parsed = fieldErrorsOf(errorMessage(error), fields);
        setOutcome({ errors: parsed.byField, general: parsed.general, stale: false, busy: false });
      }
      return null;
    }
  }
  const reset = () => setOutcome({ errors: {}, general: null, stale: false, busy: false });
  /** Refuses before asking the API, e.g. a choice left unmade. */
  const refuse = (errors: FieldErrors) => setOutcome({ errors, general: null, stale: false, busy: false });
  return { ...outcome, run, reset, refuse };
}
