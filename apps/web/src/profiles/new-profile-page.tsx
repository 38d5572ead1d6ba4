import './profiles.css';
import {
  addDays,
  districts,
  londonDate,
  type ProfileScope,
  type ProfileTerms,
  profileMarkings,
  profileScopes,
  profileTermsSchema,
} from '@lantern/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { CheckboxGroup, Field } from '../admin/form-parts.tsx';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { type FieldErrors, fieldErrorsOf } from '../editing/form-errors.ts';
import type { PageProps } from '../routing/page-props.ts';
import { LongWorkStatus, useLongAction } from '../ui/long-work.tsx';
import { scopeNames } from './profile-format.ts';
import { comparisonFor, lastCompleteYear, lastTwelveCompleteMonths, type Period } from './profile-periods.ts';

const fields = [
  'title',
  'scope',
  'districtCodes',
  'subjectId',
  'from',
  'to',
  'comparisonFrom',
  'comparisonTo',
  'requester',
  'purpose',
  'marking',
  'reviewDate',
] as const;
type FieldName = (typeof fields)[number];
const termAliases = Object.fromEntries(fields.map((field) => [`terms.${field}`, field]));

type Preset = 'last12' | 'lastYear' | 'custom';

/**
 * The terms of reference of a new problem profile. The period starts as the last twelve complete
 * months and the comparison period as the twelve before them; the marking is OFFICIAL-SENSITIVE
 * unless changed. What the API refuses shows beside the field it names.
 */
export function NewProfilePage({ user }: PageProps) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const today = londonDate();
  const initialPeriod = lastTwelveCompleteMonths(today);
  const initialComparison = comparisonFor(initialPeriod) ?? initialPeriod;
  const [preset, setPreset] = useState<Preset>('last12');
  const [comparisonTouched, setComparisonTouched] = useState(false);
  const [terms, setTerms] = useState<ProfileTerms>({
    title: '',
    scope: 'cse',
    districtCodes: user.districtCodes.length === 1 ? [...user.districtCodes] : [],
    subjectId: null,
    ...initialPeriod,
    comparisonFrom: initialComparison.from,
    comparisonTo: initialComparison.to,
    requester: '',
    purpose: '',
    marking: 'OFFICIAL-SENSITIVE',
    reviewDate: addDays(today, 182),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Building a profile works out its figures from the records: seconds on a county.
  const longWork = useLongAction();
  const set = <Key extends keyof ProfileTerms>(key: Key, value: ProfileTerms[Key]) =>
    setTerms((current) => ({ ...current, [key]: value }));

  function setPeriod(period: Period) {
    setTerms((current) => {
      const comparison = comparisonTouched ? null : comparisonFor(period);
      if (!comparison) return { ...current, ...period };
      return { ...current, ...period, comparisonFrom: comparison.from, comparisonTo: comparison.to };
    });
  }

  function choosePreset(next: Preset) {
    setPreset(next);
    if (next === 'last12') setPeriod(lastTwelveCompleteMonths(today));
    if (next === 'lastYear') setPeriod(lastCompleteYear(today));
  }

  async function submit() {
    const checked = profileTermsSchema.safeParse(terms);
    if (!checked.success) {
      const found: FieldErrors = {};
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? 'title');
        found[field] ??= plainIssue(field as FieldName, issue.message);
      }
      setErrors(found);
      setGeneral(null);
      return;
    }
    const checkedTerms = checked.data;
    await longWork.run((signal) => build(checkedTerms, signal));
  }

  async function build(checkedTerms: ProfileTerms, signal: AbortSignal) {
    setBusy(true);
    setErrors({});
    setGeneral(null);
    try {
      const created = await client.profiles.create.mutate({ terms: checkedTerms }, { signal });
      await queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() });
      navigate(`/profiles/${created.id}`);
    } catch (error) {
      // Cancelled: the status says so.
      if (signal.aborted) return;
      // The API names the field as `terms.<field>`: each message shows beside its field.
      const parsed = fieldErrorsOf(errorMessage(error), fields, termAliases);
      setErrors(parsed.byField);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  }

  const allDistricts = districts
    .filter((district) => user.districtCodes.includes(district.code))
    .map((district) => [district.code, district.name] as const);
  return (
    <main className="page profiles" id="main" tabIndex={-1}>
      <h1>New problem profile</h1>
      <p className="page__lead">The terms of reference: what the profile is about, where, when, and for whom.</p>
      <form
        className="entity-form profile-terms"
        aria-label="Terms of reference"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {general && (
          <p className="form__error" role="alert">
            {general}
          </p>
        )}
        <Field label="Title" error={errors.title}>
          {(props) => <input {...props} value={terms.title} onChange={(event) => set('title', event.target.value)} />}
        </Field>
        <Field label="Problem" error={errors.scope}>
          {(props) => (
            <select
              {...props}
              value={terms.scope}
              onChange={(event) => set('scope', event.target.value as ProfileScope)}
            >
              {profileScopes.map((scope) => (
                <option key={scope} value={scope}>
                  {scopeNames[scope]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(terms.scope === 'place' || terms.scope === 'network') && (
          <Field
            label="Subject"
            hint={
              terms.scope === 'place'
                ? 'The place of concern’s Lantern reference (from its page’s address).'
                : 'The Lantern reference of the person or vehicle the network is built around.'
            }
            error={errors.subjectId}
          >
            {(props) => (
              <input
                {...props}
                value={terms.subjectId ?? ''}
                onChange={(event) =>
                  set('subjectId', event.target.value.trim() === '' ? null : event.target.value.trim())
                }
              />
            )}
          </Field>
        )}
        <CheckboxGroup
          legend="Districts"
          hint="None ticked: every district you cover."
          options={allDistricts}
          selected={terms.districtCodes}
          onChange={(next) => set('districtCodes', next)}
          error={errors.districtCodes}
        />
        <fieldset className="profile-terms__period">
          <legend>Period</legend>
          <Field label="Preset">
            {(props) => (
              <select {...props} value={preset} onChange={(event) => choosePreset(event.target.value as Preset)}>
                <option value="last12">Last 12 complete months</option>
                <option value="lastYear">Last complete calendar year</option>
                <option value="custom">Other dates</option>
              </select>
            )}
          </Field>
          <div className="profile-terms__dates">
            <Field label="From" error={errors.from}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={terms.from}
                  onChange={(event) => {
                    setPreset('custom');
                    setPeriod({ from: event.target.value, to: terms.to });
                  }}
                />
              )}
            </Field>
            <Field label="To" error={errors.to}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={terms.to}
                  onChange={(event) => {
                    setPreset('custom');
                    setPeriod({ from: terms.from, to: event.target.value });
                  }}
                />
              )}
            </Field>
          </div>
          <div className="profile-terms__dates">
            <Field
              label="Comparison from"
              hint="The same length of time just before, unless changed."
              error={errors.comparisonFrom}
            >
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={terms.comparisonFrom}
                  onChange={(event) => {
                    setComparisonTouched(true);
                    set('comparisonFrom', event.target.value);
                  }}
                />
              )}
            </Field>
            <Field label="Comparison to" error={errors.comparisonTo}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  value={terms.comparisonTo}
                  onChange={(event) => {
                    setComparisonTouched(true);
                    set('comparisonTo', event.target.value);
                  }}
                />
              )}
            </Field>
          </div>
        </fieldset>
        <Field label="Requested by" error={errors.requester}>
          {(props) => (
            <input {...props} value={terms.requester} onChange={(event) => set('requester', event.target.value)} />
          )}
        </Field>
        <Field label="Purpose" error={errors.purpose}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              value={terms.purpose}
              onChange={(event) => set('purpose', event.target.value)}
            />
          )}
        </Field>
        <Field label="Handling marking" error={errors.marking}>
          {(props) => (
            <select
              {...props}
              value={terms.marking}
              onChange={(event) => set('marking', event.target.value as ProfileTerms['marking'])}
            >
              {profileMarkings.map((marking) => (
                <option key={marking} value={marking}>
                  {marking}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Review date" error={errors.reviewDate}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={terms.reviewDate}
              onChange={(event) => set('reviewDate', event.target.value)}
            />
          )}
        </Field>
        <div className="entity-form__actions">
          <button className="button button--primary" type="submit" disabled={busy}>
            Build the profile
          </button>
        </div>
        <LongWorkStatus work={longWork}>Building the profile: working out its figures from the records…</LongWorkStatus>
      </form>
    </main>
  );
}

/** The schema's message for a field, in words beside that field (its own words where it has them). */
function plainIssue(field: FieldName, message: string): string {
  if (/^Too small|>=1 character/i.test(message)) return 'must not be empty';
  if (/Invalid ISO date|Invalid date/i.test(message)) return 'must be a date';
  if (field === 'districtCodes') return 'must be districts Lantern covers';
  if (field === 'subjectId') return 'must be a Lantern reference (a UUID)';
  return message;
}
