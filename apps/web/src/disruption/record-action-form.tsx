import {
  agencyKindLabels,
  districts as allDistricts,
  type CreateDisruptionInput,
  type CurrentUser,
  type DisruptionTargetType,
  type Tactic,
} from '@lantern/domain';
import '../editing/editing.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { type FieldErrors, fieldErrorsOf, inPlainWords } from '../editing/form-errors.ts';
import { PlaceSearch } from '../places/place-search.tsx';
import { ErrorState } from '../ui/status.tsx';
import { targetTypeLabels } from './labels.ts';
import { PersonFinder, VehicleFinder } from './target-finders.tsx';

/** The form's fields, in the order the API's messages are matched to them. */
const fields = [
  'target',
  'tacticId',
  'holderAgencyId',
  'districtCode',
  'inForceFrom',
  'reviewOn',
  'expiresOn',
  'notes',
  'reason',
];
/** API paths that belong to another field of this form (an officer's holding agency is their own, beside the tactic). */
const aliases: Record<string, string> = { on: 'inForceFrom', proposedOn: 'inForceFrom' };
const officerAliases: Record<string, string> = { ...aliases, holderAgencyId: 'tacticId' };
const fieldLabels: Record<string, string> = {
  target: 'Target',
  tacticId: 'Tactic',
  holderAgencyId: 'Holding agency',
  districtCode: 'District',
  inForceFrom: 'In force from',
  reviewOn: 'Review date',
  expiresOn: 'Expiry date',
  notes: 'Notes',
  reason: 'Why',
};

/** The API's field message as a sentence: "Review date must be …", "The power of a … is held by police; …". */
export function plainFieldMessage(field: string, message: string): string {
  const label = fieldLabels[field] ?? field;
  if (/^(must|is|are|applies|needs) /.test(message)) return inPlainWords(label, message);
  return message.charAt(0).toUpperCase() + message.slice(1);
}

const targetOrder: readonly DisruptionTargetType[] = ['place', 'premises', 'business', 'person', 'vehicle', 'online'];
const placeTargets: readonly DisruptionTargetType[] = ['place', 'premises', 'business'];

/**
 * Record a disruption action on a place, premises, business, person (an associate), vehicle or
 * online account. A district officer is offered only the tactics whose power their agency holds
 * (the API refuses the rest), and the holding agency is their own; a police analyst, who records
 * what the NSD meeting agreed for whichever agency holds the power, is offered every tactic and
 * chooses the holding agency among those that hold it. Only tactics that apply to the chosen kind
 * of target are offered. A target without a place of its own needs a district. An action recorded as in force
 * may carry its review and expiry dates. A refusal is shown beside the field it names.
 */
export function RecordActionForm({ user, onRecorded }: { user: CurrentUser; onRecorded(id: string): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Analysts act for several agencies: every tactic, and a picker of the agencies holding it.
  const forSeveral = user.roles.includes('police_analyst');
  const tactics = useQuery(trpc.tactics.list.queryOptions(forSeveral ? {} : { heldBy: user.agencyKind }));
  const [targetType, setTargetType] = useState<DisruptionTargetType>('place');
  const [targetId, setTargetId] = useState('');
  const [targetName, setTargetName] = useState('');
  const myDistricts = allDistricts.filter(
    (district) => user.districtCodes.length === 0 || user.districtCodes.includes(district.code),
  );
  const [districtCode, setDistrictCode] = useState(myDistricts.length === 1 ? (myDistricts[0]?.code ?? '') : '');
  const [tacticId, setTacticId] = useState('');
  const [holderChoice, setHolderChoice] = useState<string | null>(null);
  const holders = useQuery({
    ...trpc.tactics.holders.queryOptions({ tacticId }),
    enabled: forSeveral && tacticId !== '',
  });
  const holderAgencies = holders.data?.agencies ?? [];
  // The user's own agency while it holds the power, until another is chosen.
  const holderAgencyId =
    holderChoice !== null && holderAgencies.some((agency) => agency.id === holderChoice)
      ? holderChoice
      : (holderAgencies.find((agency) => agency.name === user.agency)?.id ?? '');
  const [startAs, setStartAs] = useState<'proposed' | 'agreed' | 'in_force'>('proposed');
  const [inForceFrom, setInForceFrom] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const record = useMutation(
    trpc.disruption.create.mutationOptions({
      onSuccess: async (action) => {
        await queryClient.invalidateQueries({ queryKey: trpc.disruption.pathKey() });
        setNotes('');
        setReason('');
        setErrors({});
        setGeneral(null);
        onRecorded(action.id);
      },
      onError: (error) => {
        const parsed = fieldErrorsOf(errorMessage(error), fields, forSeveral ? aliases : officerAliases);
        setErrors(parsed.byField);
        setGeneral(parsed.general);
      },
    }),
  );
  const held = tactics.data?.tactics ?? [];
  const offeredTypes = targetOrder.filter((type) => held.some((tactic) => tactic.targetTypes.includes(type)));
  const fitting = held.filter((tactic) => tactic.targetTypes.includes(targetType));
  const tactic = fitting.find((candidate) => candidate.id === tacticId);
  const hasPlace = placeTargets.includes(targetType) && targetId !== '';
  const needsDistrict = !hasPlace;

  function chooseType(type: DisruptionTargetType) {
    setTargetType(type);
    setTargetId('');
    setTargetName('');
    if (!held.some((candidate) => candidate.id === tacticId && candidate.targetTypes.includes(type))) setTacticId('');
    setErrors({});
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setGeneral(null);
    const target: CreateDisruptionInput['target'] = {
      type: targetType,
      ...(targetId ? { id: targetId } : {}),
      ...(targetName.trim() ? { name: targetName.trim() } : {}),
    };
    record.mutate({
      tacticId,
      target,
      startAs,
      ...(forSeveral && holderAgencyId ? { holderAgencyId } : {}),
      ...(needsDistrict && districtCode ? { districtCode } : {}),
      ...(startAs === 'in_force' && inForceFrom ? { inForceFrom } : {}),
      ...(startAs === 'in_force' && reviewOn ? { reviewOn } : {}),
      ...(startAs === 'in_force' && expiresOn ? { expiresOn } : {}),
      ...(notes.trim() ? { notes } : {}),
      ...(reason.trim() ? { reason } : {}),
    });
  }

  return (
    <form className="record-form" onSubmit={submit} aria-label="Record a disruption action" noValidate>
      <h2>Record an action</h2>
      <p className="page__lead">
        {forSeveral
          ? 'Record what was agreed for whichever agency holds the power: choose the tactic, then the agency.'
          : `The holding agency is yours (${user.agency}). Only the tactics whose power it holds are offered.`}
      </p>
      {myDistricts.length > 1 && (
        <Field name="districtCode" label="District" errors={errors}>
          {(describedBy, controlId) => (
            <select
              id={controlId}
              value={districtCode}
              aria-describedby={describedBy}
              aria-invalid={errors.districtCode ? true : undefined}
              onChange={(event) => {
                setDistrictCode(event.target.value);
                if (placeTargets.includes(targetType)) setTargetId('');
              }}
            >
              <option value="">
                {needsDistrict
                  ? targetType === 'person'
                    ? 'Their home district'
                    : 'Choose the district it concerns…'
                  : 'Any of your districts'}
              </option>
              {myDistricts.map((district) => (
                <option key={district.code} value={district.code}>
                  {district.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset>
        <legend>What the action targets</legend>
        {offeredTypes.map((type) => (
          <label key={type} className="record-form__choice">
            <input
              type="radio"
              name="targetType"
              value={type}
              checked={targetType === type}
              onChange={() => chooseType(type)}
            />
            {targetTypeLabels[type]}
          </label>
        ))}
      </fieldset>
      <Field name="target" errors={errors}>
        {(describedBy) => (
          <TargetInput
            type={targetType}
            id={targetId}
            name={targetName}
            describedBy={describedBy}
            districtCode={districtCode}
            onId={setTargetId}
            onName={setTargetName}
          />
        )}
      </Field>
      <Field name="tacticId" label="Tactic" errors={errors}>
        {(describedBy, controlId) => (
          <select
            id={controlId}
            required
            value={tacticId}
            aria-describedby={describedBy}
            aria-invalid={errors.tacticId ? true : undefined}
            onChange={(event) => setTacticId(event.target.value)}
          >
            <option value="">
              {fitting.length === 0 ? 'Your agency holds no tactic for this target' : 'Choose a tactic…'}
            </option>
            {fitting.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {tactic && <TacticFacts tactic={tactic} />}
      {forSeveral && tacticId !== '' && (
        <Field name="holderAgencyId" label="Holding agency" errors={errors}>
          {(describedBy, controlId) => (
            <select
              id={controlId}
              required
              value={holderAgencyId}
              aria-describedby={describedBy}
              aria-invalid={errors.holderAgencyId ? true : undefined}
              onChange={(event) => setHolderChoice(event.target.value)}
            >
              <option value="">
                {holders.isPending
                  ? 'Loading the agencies…'
                  : holders.isError
                    ? errorMessage(holders.error)
                    : holderAgencies.length === 0
                      ? 'No agency in Lantern holds this power'
                      : 'Choose the agency that holds the power…'}
              </option>
              {holderAgencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name} ({agencyKindLabels[agency.kind]})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <fieldset>
        <legend>Stage</legend>
        {(
          [
            ['proposed', 'Proposed (for the NSD meeting to agree)'],
            ['agreed', 'Agreed'],
            ['in_force', 'In force'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="record-form__choice">
            <input
              type="radio"
              name="startAs"
              value={value}
              checked={startAs === value}
              onChange={() => setStartAs(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {startAs === 'in_force' && (
        <div className="record-form__dates">
          <DateField
            name="inForceFrom"
            label="In force from"
            hint="Default: today"
            value={inForceFrom}
            onChange={setInForceFrom}
            errors={errors}
          />
          <DateField
            name="reviewOn"
            label="Review date"
            hint="Default: four weeks on"
            value={reviewOn}
            onChange={setReviewOn}
            errors={errors}
          />
          <DateField
            name="expiresOn"
            label="Expiry date"
            hint={
              tactic?.maxDurationDays
                ? `Default: ${tactic.maxDurationDays} days on, the longest it may last`
                : 'Optional'
            }
            value={expiresOn}
            onChange={setExpiresOn}
            errors={errors}
          />
        </div>
      )}
      <Field name="notes" label="Notes" errors={errors}>
        {(describedBy, controlId) => (
          <textarea
            id={controlId}
            value={notes}
            aria-describedby={describedBy}
            onChange={(event) => setNotes(event.target.value)}
            rows={2}
          />
        )}
      </Field>
      <Field name="reason" label="Why (kept in the history)" errors={errors}>
        {(describedBy, controlId) => (
          <input
            id={controlId}
            value={reason}
            aria-describedby={describedBy}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <button className="button" type="submit" disabled={record.isPending}>
        Record the action
      </button>
      {general && <ErrorState message={general} />}
    </form>
  );
}

/** A labelled control with the API's message about it, in plain words, right below it. */
function Field({
  name,
  label,
  errors,
  children,
}: {
  name: string;
  label?: string;
  errors: FieldErrors;
  children(describedBy: string | undefined, controlId: string): ReactNode;
}) {
  const id = useId();
  const controlId = useId();
  const error = errors[name];
  const control = children(error ? id : undefined, controlId);
  return (
    <div className={`record-form__field${error ? ' record-form__field--invalid' : ''}`}>
      {label && <label htmlFor={controlId}>{label}</label>}
      {control}
      {error && (
        <p className="field-error" id={id} role="alert">
          {plainFieldMessage(name, error)}
        </p>
      )}
    </div>
  );
}

function DateField(props: {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  errors: FieldErrors;
}) {
  return (
    <Field name={props.name} label={`${props.label} (${props.hint})`} errors={props.errors}>
      {(describedBy, controlId) => (
        <input
          id={controlId}
          type="date"
          value={props.value}
          aria-describedby={describedBy}
          aria-invalid={props.errors[props.name] ? true : undefined}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

function TacticFacts({ tactic }: { tactic: Tactic }) {
  const facts = [
    tactic.legalBasis,
    tactic.needsCourt ? 'needs a court' : null,
    tactic.maxDurationDays ? `lasts at most ${tactic.maxDurationDays} days` : null,
  ].filter(Boolean);
  return <p className="record-form__hint">{facts.join(' · ')}</p>;
}

/** The control that names the target: a place, a business by place or name, an associate, a vehicle, an account. */
function TargetInput(props: {
  type: DisruptionTargetType;
  id: string;
  name: string;
  describedBy: string | undefined;
  districtCode: string;
  onId(id: string): void;
  onName(name: string): void;
}) {
  const { type } = props;
  if (type === 'person') return <PersonFinder value={props.id} onChange={props.onId} describedBy={props.describedBy} />;
  if (type === 'vehicle')
    return <VehicleFinder value={props.id} onChange={props.onId} describedBy={props.describedBy} />;
  if (type === 'online') {
    return (
      <label>
        Online account (platform and name, e.g. "Snapchat: kx_deals")
        <input
          value={props.name}
          required
          maxLength={200}
          aria-describedby={props.describedBy}
          onChange={(event) => props.onName(event.target.value)}
        />
      </label>
    );
  }
  return (
    <>
      <PlaceSearch
        value={props.id}
        onChange={(id) => props.onId(id)}
        optional={type === 'business'}
        {...(type === 'business' ? { noneLabel: 'None' } : {})}
        districtCode={props.districtCode}
        describedBy={props.describedBy}
        label={type === 'business' ? 'Where the business trades (a place of concern, if recorded)' : 'Place'}
      />
      {type === 'business' && (
        <label>
          Business name
          <input
            value={props.name}
            maxLength={200}
            aria-describedby={props.describedBy}
            onChange={(event) => props.onName(event.target.value)}
          />
        </label>
      )}
    </>
  );
}
