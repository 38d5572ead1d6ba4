import { londonDate, type Place, placeCategories } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { type Draft, EntityForm, type FieldDef, listOf, numberOf, textOrNull } from '../editing/entity-form.tsx';
import { inPlainWords } from '../editing/form-errors.ts';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { PointPicker } from './point-picker.tsx';

const placeFields: readonly FieldDef[] = [
  { name: 'name', label: 'Name', required: true, maxLength: 200 },
  {
    name: 'category',
    label: 'Category',
    kind: 'select',
    required: true,
    options: placeCategories.map((category) => [category, placeCategoryLabels[category]] as const),
  },
  { name: 'address', label: 'Address', maxLength: 300 },
  { name: 'concernSince', label: 'Of concern since', kind: 'date', required: true },
  { name: 'concernUntil', label: 'Of concern until', kind: 'date', hint: 'Leave empty while it is still a concern.' },
  { name: 'reasons', label: 'Reasons', kind: 'textarea', hint: 'One reason per line.' },
];

/** Longitude and latitude are fields too (their errors show beside them), drawn with the map; the API moves a place only with both. */
const locationFields = ['lon', 'lat'] as const;

export function placeDraft(place: Place | null): Draft {
  return {
    name: place?.name ?? '',
    category: place?.category ?? 'other',
    address: place?.address ?? '',
    concernSince: place?.concernSince ?? londonDate(),
    concernUntil: place?.concernUntil ?? '',
    reasons: place?.reasons.join('\n') ?? '',
    lon: place ? String(place.lon) : '',
    lat: place ? String(place.lat) : '',
  };
}

export function placeValues(draft: Draft): Record<string, unknown> {
  return {
    name: draft.name ?? '',
    category: draft.category,
    address: textOrNull(draft.address),
    concernSince: draft.concernSince ?? '',
    concernUntil: textOrNull(draft.concernUntil),
    reasons: listOf(draft.reasons),
    lon: numberOf(draft.lon),
    lat: numberOf(draft.lat),
  };
}

/** A new place of concern (`/places/new`) or a change to one (`/places/:id/edit`). */
export function PlaceFormPage({ params }: PageProps) {
  const id = params.id;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>{id ? 'Edit place of concern' : 'New place of concern'}</h1>
      {id ? <EditPlace id={id} /> : <PlaceForm place={null} />}
    </main>
  );
}

function EditPlace({ id }: { id: string }) {
  const trpc = useTRPC();
  const place = useQuery(trpc.places.get.queryOptions({ id }));
  if (place.isPending) return <Loading>Loading the place…</Loading>;
  if (place.isError) return <ErrorState message={errorMessage(place.error)} onRetry={() => void place.refetch()} />;
  return <PlaceForm key={place.data.id} place={place.data} />;
}

function PlaceForm({ place }: { place: Place | null }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <EntityForm<Place>
      heading={place ? `Edit ${place.name}` : 'New place of concern'}
      fields={placeFields}
      extraFields={locationFields}
      together={[locationFields]}
      record={place}
      draftOf={placeDraft}
      valuesOf={placeValues}
      create={(values) => client.places.create.mutate(values as never)}
      update={(input) => client.places.update.mutate(input as never)}
      reload={(id) => client.places.get.query({ id })}
      onSaved={() => void queryClient.invalidateQueries({ queryKey: trpc.places.pathKey() })}
      aliases={{ 'lon/lat': 'lon' }}
      submitLabel={place ? 'Save changes' : 'Record the place'}
      savedNote={(saved) => <Link href={`/?place=${saved.id}`}>Show {saved.name} on the map</Link>}
      extra={(draft, change, errors) => (
        <fieldset className="point-picker">
          <legend>Location</legend>
          <p className="entity-form__hint">Click the map, or type the longitude and latitude (WGS84 degrees).</p>
          <div className="point-picker__coordinates">
            <CoordinateInput
              name="lat"
              label="Latitude"
              value={draft.lat ?? ''}
              error={errors.lat}
              onChange={(lat) => change({ lat })}
            />
            <CoordinateInput
              name="lon"
              label="Longitude"
              value={draft.lon ?? ''}
              error={errors.lon}
              onChange={(lon) => change({ lon })}
            />
          </div>
          <PointPicker
            lon={numberOf(draft.lon) ?? null}
            lat={numberOf(draft.lat) ?? null}
            onPick={({ lon, lat }) => change({ lon: String(lon), lat: String(lat) })}
          />
        </fieldset>
      )}
    />
  );
}

function CoordinateInput(props: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const id = `place-${props.name}`;
  return (
    <div className={`entity-form__field${props.error ? ' entity-form__field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        inputMode="decimal"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && (
        <p className="field-error" id={`${id}-error`}>
          {inPlainWords(props.name === 'lon' ? 'Location' : props.label, props.error)}
        </p>
      )}
    </div>
  );
}
