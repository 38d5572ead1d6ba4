import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { useDebounced } from '../ui/use-debounced.ts';
import { placeChoiceLabel } from './place-choice.ts';
import './place-search.css';

/** How many places one search shows; one more is asked for, to know that the list stops short. */
export const placeSearchLimit = 25;

/**
 * Find a place of concern by name or street, searched on the server as the user types (once typing
 * pauses), each named with its street or ward and its category so places of one name can be told
 * apart. A list cut short at the limit says so.
 */
export function PlaceSearch(props: {
  value: string;
  onChange(id: string, label: string, name: string): void;
  label: string;
  optional?: boolean;
  /** What the empty choice reads before a search, when choosing no place is an answer (e.g. "None"). */
  noneLabel?: string;
  districtCode?: string | undefined;
  describedBy?: string | undefined;
}) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  // The chosen place stays on offer while another search runs.
  const [chosen, setChosen] = useState<{ id: string; label: string } | null>(null);
  const name = useDebounced(typed.trim());
  const searchable = name.length >= 2;
  const places = useQuery({
    ...trpc.places.list.queryOptions({
      name,
      limit: placeSearchLimit + 1,
      ...(props.districtCode ? { districtCode: props.districtCode } : {}),
    }),
    enabled: searchable,
  });
  const all = places.data?.places ?? [];
  const found = all.slice(0, placeSearchLimit);
  const more = all.length > placeSearchLimit;
  const prompt = !searchable
    ? 'Type two or more letters of the name or street…'
    : places.isPending
      ? 'Searching…'
      : places.isError
        ? errorMessage(places.error)
        : found.length === 0
          ? `No place of concern matches “${name}”`
          : more
            ? `The first ${placeSearchLimit} matches: type more to narrow them…`
            : `Choose one of ${found.length}…`;
  return (
    <div className="place-search">
      <label>
        Find the place by name or street
        <input type="search" value={typed} maxLength={100} onChange={(event) => setTyped(event.target.value)} />
      </label>
      <label>
        {props.label}
        <select
          required={!props.optional}
          value={props.value}
          aria-describedby={props.describedBy}
          onChange={(event) => {
            const place = found.find((candidate) => candidate.id === event.target.value);
            const label = place ? placeChoiceLabel(place) : '';
            setChosen(place ? { id: place.id, label } : null);
            props.onChange(event.target.value, label, place?.name ?? '');
          }}
        >
          <option value="">{props.noneLabel && !searchable ? props.noneLabel : prompt}</option>
          {chosen && chosen.id === props.value && !found.some((place) => place.id === chosen.id) && (
            <option value={chosen.id}>{chosen.label}</option>
          )}
          {found.map((place) => (
            <option key={place.id} value={place.id}>
              {placeChoiceLabel(place)}
            </option>
          ))}
        </select>
      </label>
      {searchable && more && (
        <p className="place-search__more" role="status">
          Showing the first {placeSearchLimit} places that match “{name}”; there are more. Type more of the name or
          street.
        </p>
      )}
    </div>
  );
}
