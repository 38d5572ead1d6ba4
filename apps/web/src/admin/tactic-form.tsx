import {
  type AgencyKind,
  agencyKinds,
  type DisruptionTargetType,
  disruptionTargetTypes,
  type Tactic,
  type TacticTheme,
  tacticThemeLabels,
  tacticThemes,
} from '@lantern/domain';
import { type FormEvent, useState } from 'react';
import { useTRPCClient } from '../api/trpc.ts';
import { changesBetween } from '../editing/entity-form.tsx';
import { ErrorState } from '../ui/status.tsx';
import { CheckboxGroup, Field, useSave } from './form-parts.tsx';
import { agencyKindLabels } from './labels.ts';

const fields = [
  'code',
  'name',
  'theme',
  'legalBasis',
  'holderAgencyKinds',
  'targetTypes',
  'needsConviction',
  'needsCourt',
  'maxDurationDays',
  'guidance',
];

export const targetTypeLabels: Record<DisruptionTargetType, string> = {
  person: 'Person',
  premises: 'Premises',
  place: 'Place',
  vehicle: 'Vehicle',
  business: 'Business',
  online: 'Online account',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const agencyOptions = agencyKinds.map((kind) => [kind, capitalised(agencyKindLabels[kind])] as const);
const targetOptions = disruptionTargetTypes.map((type) => [type, targetTypeLabels[type]] as const);

/**
 * A tactic of the catalogue, new (`tactic` null) or changed. A change sends only the fields that
 * differ, against the version shown; a CONFLICT offers a reload.
 */
export function TacticForm({
  tactic,
  onSaved,
  onClose,
}: {
  tactic: Tactic | null;
  onSaved(saved: Tactic): void;
  onClose(): void;
}) {
  const client = useTRPCClient();
  const save = useSave(fields);
  const [code, setCode] = useState('');
  const [name, setName] = useState(tactic?.name ?? '');
  const [theme, setTheme] = useState<TacticTheme>(tactic?.theme ?? 'locations_of_specific_concern');
  const [legalBasis, setLegalBasis] = useState(tactic?.legalBasis ?? '');
  const [holders, setHolders] = useState<AgencyKind[]>(tactic?.holderAgencyKinds ?? []);
  const [targets, setTargets] = useState<DisruptionTargetType[]>(tactic?.targetTypes ?? []);
  const [needsConviction, setNeedsConviction] = useState(tactic?.needsConviction ?? false);
  const [needsCourt, setNeedsCourt] = useState(tactic?.needsCourt ?? false);
  const [maxDuration, setMaxDuration] = useState(tactic?.maxDurationDays?.toString() ?? '');
  const [guidance, setGuidance] = useState(tactic?.guidance ?? '');
  const heading = tactic ? `Edit ${tactic.name}` : 'New tactic';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const days = maxDuration.trim() === '' ? null : Number(maxDuration);
    if (days !== null && !Number.isInteger(days))
      return save.refuse({ maxDurationDays: 'must be a whole number of days' });
    const values = {
      name: name.trim(),
      theme,
      legalBasis: legalBasis.trim(),
      holderAgencyKinds: holders,
      targetTypes: targets,
      needsConviction,
      needsCourt,
      maxDurationDays: days,
      guidance: guidance.trim(),
    };
    let saved: Tactic | null;
    if (tactic) {
      const changes = changesBetween(values, { ...tactic });
      if (Object.keys(changes).length === 0) return save.refuse({ name: 'is unchanged: nothing to save' });
      saved = await save.run(() =>
        client.tactics.update.mutate({ id: tactic.id, version: tactic.version, changes } as never),
      );
    } else {
      saved = await save.run(() => client.tactics.create.mutate({ code: code.trim(), ...values } as never));
    }
    if (saved) onSaved(saved);
  }

  return (
    <form className="admin-form" aria-label={heading} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{heading}</h3>
      {!tactic && (
        <Field
          label="Code"
          hint="Its stable name in data: lower case, digits and underscores, e.g. street_pastors. It cannot change later."
          error={save.errors.code}
        >
          {(props) => <input {...props} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
      )}
      <Field label="Name" error={save.errors.name}>
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Theme" error={save.errors.theme}>
        {(props) => (
          <select {...props} value={theme} onChange={(e) => setTheme(e.target.value as TacticTheme)}>
            {tacticThemes.map((option) => (
              <option key={option} value={option}>
                {tacticThemeLabels[option]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Legal basis" error={save.errors.legalBasis}>
        {(props) => <input {...props} value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />}
      </Field>
      <CheckboxGroup
        legend="Held by"
        hint="The kinds of agency whose officers may use this power."
        options={agencyOptions}
        selected={holders}
        onChange={setHolders}
        error={save.errors.holderAgencyKinds}
      />
      <CheckboxGroup
        legend="Aimed at"
        options={targetOptions}
        selected={targets}
        onChange={setTargets}
        error={save.errors.targetTypes}
      />
      <div className="checkbox-group__options">
        <label>
          <input type="checkbox" checked={needsConviction} onChange={(e) => setNeedsConviction(e.target.checked)} />{' '}
          Needs a conviction
        </label>
        <label>
          <input type="checkbox" checked={needsCourt} onChange={(e) => setNeedsCourt(e.target.checked)} /> Needs a court
          order
        </label>
      </div>
      <Field
        label="Longest duration in days"
        hint="Leave empty when the law sets no limit."
        error={save.errors.maxDurationDays}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            max={3660}
            value={maxDuration}
            onChange={(e) => setMaxDuration(e.target.value)}
          />
        )}
      </Field>
      <Field label="Guidance" error={save.errors.guidance}>
        {(props) => <textarea {...props} rows={4} value={guidance} onChange={(e) => setGuidance(e.target.value)} />}
      </Field>
      {save.general && <ErrorState message={save.general} />}
      <div className="admin-form__actions">
        <button className="button button--primary" type="submit" disabled={save.busy || save.stale}>
          {save.busy ? 'Saving…' : tactic ? 'Save changes' : 'Add the tactic'}
        </button>
        <button className="button" type="button" onClick={onClose}>
          {save.stale ? 'Close and reload' : 'Close'}
        </button>
      </div>
    </form>
  );
}
