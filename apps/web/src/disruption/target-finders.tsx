import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { personChoiceLabel } from '../people/person-choice.ts';

interface FinderProps {
  value: string;
  onChange(id: string): void;
  describedBy: string | undefined;
}

/**
 * Find the adult a person-targeted action is aimed at: associates only (disruption targets those
 * who exploit children, never the children), found by name in the user's districts.
 */
export function PersonFinder({ value, onChange, describedBy }: FinderProps) {
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const searchable = name.trim().length >= 2;
  const people = useQuery({
    ...trpc.people.search.queryOptions({ name: name.trim(), kind: 'associate', limit: 25 }),
    enabled: searchable,
  });
  const found = people.data?.people ?? [];
  return (
    <div className="record-form__finder">
      <label>
        Find the person by name
        <input type="search" value={name} maxLength={100} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        Person
        <select
          required
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">
            {!searchable
              ? 'Type two or more letters of a name…'
              : people.isPending
                ? 'Searching…'
                : people.isError
                  ? errorMessage(people.error)
                  : found.length === 0
                    ? `No adult associate matches “${name.trim()}” in your districts`
                    : `Choose one of ${found.length}${found.length === 25 ? ' (the first 25: type more of the name)' : ''}…`}
          </option>
          {found.map(({ person }) => (
            <option key={person.id} value={person.id}>
              {personChoiceLabel(person)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Find a vehicle by part of its registration (spaces and case ignored). */
export function VehicleFinder({ value, onChange, describedBy }: FinderProps) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const registration = typed.replace(/\s+/g, '').toUpperCase();
  const searchable = /^[A-Z0-9]{2,8}$/.test(registration);
  const vehicles = useQuery({ ...trpc.vehicles.search.queryOptions({ registration, limit: 25 }), enabled: searchable });
  const found = vehicles.data?.vehicles ?? [];
  return (
    <div className="record-form__finder">
      <label>
        Find the vehicle by registration
        <input type="search" value={typed} maxLength={12} onChange={(event) => setTyped(event.target.value)} />
      </label>
      <label>
        Vehicle
        <select
          required
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">
            {!searchable
              ? 'Type two or more letters or digits of the registration…'
              : vehicles.isPending
                ? 'Searching…'
                : vehicles.isError
                  ? errorMessage(vehicles.error)
                  : found.length === 0
                    ? `No vehicle registration contains “${registration}”`
                    : `Choose one of ${found.length}…`}
          </option>
          {found.map((vehicle) => (
            <option key={vehicle.id} value={vehicle.id}>
              {vehicle.registration}
              {[vehicle.colour, vehicle.make, vehicle.model].some(Boolean)
                ? ` — ${[vehicle.colour, vehicle.make, vehicle.model].filter(Boolean).join(' ')}`
                : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
