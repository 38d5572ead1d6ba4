import type { Vehicle } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { type Draft, EntityForm, type FieldDef, textOrNull } from '../editing/entity-form.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';

const vehicleFields: readonly FieldDef[] = [
  {
    name: 'registration',
    label: 'Registration',
    required: true,
    maxLength: 12,
    hint: 'As on the number plate; spaces and case do not matter.',
  },
  { name: 'make', label: 'Make', maxLength: 60 },
  { name: 'model', label: 'Model', maxLength: 60 },
  { name: 'colour', label: 'Colour', maxLength: 40 },
  { name: 'notes', label: 'Notes', kind: 'textarea' },
];

export function vehicleDraft(vehicle: Vehicle | null): Draft {
  return {
    registration: vehicle?.registration ?? '',
    make: vehicle?.make ?? '',
    model: vehicle?.model ?? '',
    colour: vehicle?.colour ?? '',
    notes: vehicle?.notes ?? '',
  };
}

export function vehicleValues(draft: Draft): Record<string, unknown> {
  return {
    registration: (draft.registration ?? '').replace(/\s+/g, '').toUpperCase(),
    make: textOrNull(draft.make),
    model: textOrNull(draft.model),
    colour: textOrNull(draft.colour),
    notes: textOrNull(draft.notes),
  };
}

/** A new vehicle (`/vehicles/new`) or a change to one (`/vehicles/:id/edit`). */
export function VehicleFormPage({ params }: PageProps) {
  const id = params.id;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>{id ? 'Edit vehicle' : 'New vehicle'}</h1>
      {id ? <EditVehicle id={id} /> : <VehicleForm vehicle={null} />}
    </main>
  );
}

function EditVehicle({ id }: { id: string }) {
  const trpc = useTRPC();
  const vehicle = useQuery(trpc.vehicles.get.queryOptions({ id }));
  if (vehicle.isPending) return <Loading>Loading the vehicle…</Loading>;
  if (vehicle.isError)
    return <ErrorState message={errorMessage(vehicle.error)} onRetry={() => void vehicle.refetch()} />;
  return <VehicleForm key={vehicle.data.id} vehicle={vehicle.data} />;
}

function VehicleForm({ vehicle }: { vehicle: Vehicle | null }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <EntityForm<Vehicle>
      heading={vehicle ? `Edit ${vehicle.registration}` : 'New vehicle'}
      fields={vehicleFields}
      record={vehicle}
      draftOf={vehicleDraft}
      valuesOf={vehicleValues}
      create={(values) => client.vehicles.create.mutate(values as never)}
      update={(input) => client.vehicles.update.mutate(input as never)}
      reload={(id) => client.vehicles.get.query({ id })}
      onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.vehicles.pathKey() })}
      submitLabel={vehicle ? 'Save changes' : 'Record the vehicle'}
      savedNote={(saved) => (
        <Link href={`/search?q=${encodeURIComponent(saved.registration)}`}>Find {saved.registration} in search</Link>
      )}
    />
  );
}
