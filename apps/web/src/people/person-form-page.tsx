import { type CurrentUser, districts, type FullPerson, hasPersonLevelAccess } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { type Draft, EntityForm, type FieldDef, listOf, textOrNull } from '../editing/entity-form.tsx';
import { careStatusLabels } from '../missing/labels.ts';
import type { PageProps } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

const riskOptions = [
  ['none', 'None'],
  ['low', 'Low'],
  ['medium', 'Medium'],
  ['high', 'High'],
] as const;

const personFields: readonly FieldDef[] = [
  {
    name: 'kind',
    label: 'Kind of person',
    kind: 'select',
    required: true,
    createOnly: true,
    options: [
      ['child', 'Child (under 18)'],
      ['associate', 'Associate (an adult of concern)'],
    ],
  },
  { name: 'givenName', label: 'Given name', required: true, maxLength: 100 },
  { name: 'familyName', label: 'Family name', required: true, maxLength: 100 },
  { name: 'aliases', label: 'Also known as', hint: 'Separate names with commas.' },
  { name: 'dateOfBirth', label: 'Date of birth', kind: 'date' },
  {
    name: 'sex',
    label: 'Sex',
    kind: 'select',
    required: true,
    options: [
      ['U', 'Unknown'],
      ['F', 'Female'],
      ['M', 'Male'],
      ['X', 'Other'],
    ],
  },
  {
    name: 'careStatus',
    label: 'Care status',
    kind: 'select',
    visible: (draft) => draft.kind === 'child',
    options: [['', 'Not recorded'], ...Object.entries(careStatusLabels)],
  },
  { name: 'responsibleAuthority', label: 'Responsible authority', maxLength: 200 },
  {
    name: 'homeDistrictCode',
    label: 'Home district',
    kind: 'select',
    required: true,
    options: [['', 'Choose a district…'], ...districts.map((district) => [district.code, district.name] as const)],
  },
  { name: 'cseRisk', label: 'Sexual exploitation (CSE) risk', kind: 'select', required: true, options: riskOptions },
  {
    name: 'cseFlaggedAt',
    label: 'CSE flagged on',
    kind: 'date',
    visible: (draft) => draft.cseRisk !== 'none' || Boolean(draft.cseFlaggedAt),
  },
  { name: 'cceRisk', label: 'Criminal exploitation (CCE) risk', kind: 'select', required: true, options: riskOptions },
  {
    name: 'cceFlaggedAt',
    label: 'CCE flagged on',
    kind: 'date',
    visible: (draft) => draft.cceRisk !== 'none' || Boolean(draft.cceFlaggedAt),
  },
];

export function personDraft(person: FullPerson | null): Draft {
  return {
    kind: person?.kind ?? 'child',
    givenName: person?.givenName ?? '',
    familyName: person?.familyName ?? '',
    aliases: person?.aliases.join(', ') ?? '',
    dateOfBirth: person?.dateOfBirth ?? '',
    sex: person?.sex ?? 'U',
    careStatus: person?.careStatus ?? '',
    responsibleAuthority: person?.responsibleAuthority ?? '',
    homeDistrictCode: person?.homeDistrictCode ?? '',
    cseRisk: person?.cseRisk ?? 'none',
    cseFlaggedAt: person?.cseFlaggedAt ?? '',
    cceRisk: person?.cceRisk ?? 'none',
    cceFlaggedAt: person?.cceFlaggedAt ?? '',
  };
}

export function personValues(draft: Draft): Record<string, unknown> {
  return {
    kind: draft.kind,
    givenName: draft.givenName ?? '',
    familyName: draft.familyName ?? '',
    aliases: listOf(draft.aliases, /,/),
    dateOfBirth: textOrNull(draft.dateOfBirth),
    sex: draft.sex,
    careStatus: draft.kind === 'child' ? textOrNull(draft.careStatus) : null,
    responsibleAuthority: textOrNull(draft.responsibleAuthority),
    homeDistrictCode: draft.homeDistrictCode || null,
    cseRisk: draft.cseRisk,
    cseFlaggedAt: textOrNull(draft.cseFlaggedAt),
    cceRisk: draft.cceRisk,
    cceFlaggedAt: textOrNull(draft.cceFlaggedAt),
  };
}

/** A new person (`/people/new`) or a change to one (`/people/:id/edit`); people.create/update decide who may. */
export function PersonFormPage({ user, params }: PageProps) {
  const id = params.id;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>{id ? 'Edit person' : 'New person'}</h1>
      {id ? <EditPerson id={id} /> : <PersonForm person={null} user={user} />}
    </main>
  );
}

function EditPerson({ id }: { id: string }) {
  const trpc = useTRPC();
  const person = useQuery(trpc.people.get.queryOptions({ id, reason: 'editing the record' }));
  if (person.isPending) return <Loading>Loading the record…</Loading>;
  if (person.isError) return <ErrorState message={errorMessage(person.error)} onRetry={() => void person.refetch()} />;
  if (person.data.view !== 'full') return <Empty>Only roles that see this person in full may change the record.</Empty>;
  return <PersonForm key={person.data.id} person={person.data} />;
}

function PersonForm({ person, user }: { person: FullPerson | null; user?: CurrentUser }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const coordinatorOnly =
    user !== undefined && !user.roles.includes('police_analyst') && hasPersonLevelAccess(user.roles);
  return (
    <>
      {coordinatorOnly && (
        <p className="page__lead">
          You may record children in your districts; associates are recorded by police analysts.
        </p>
      )}
      <EntityForm<FullPerson>
        heading={person ? `Edit ${person.givenName} ${person.familyName}` : 'New person'}
        fields={personFields}
        record={person}
        draftOf={personDraft}
        valuesOf={personValues}
        together={[
          ['cseRisk', 'cseFlaggedAt'],
          ['cceRisk', 'cceFlaggedAt'],
        ]}
        create={async (values) => fullOnly(await client.people.create.mutate(values as never))}
        update={async (input) => fullOnly(await client.people.update.mutate(input as never))}
        reload={async (id) => fullOnly(await client.people.get.query({ id, reason: 'reloading after a conflict' }))}
        onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() })}
        submitLabel={person ? 'Save changes' : 'Record the person'}
        savedNote={(saved) => <Link href={`/people/${saved.id}`}>Open the record of {saved.givenName}</Link>}
      />
    </>
  );
}

/** The roles that may edit people see them in full; anything else is a server bug worth saying. */
function fullOnly(person: { view: string }): FullPerson {
  if (person.view !== 'full') throw new Error('The server returned this person pseudonymised: reload the page.');
  return person as FullPerson;
}
