import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';
import { personFacts } from '../people/person-choice.ts';
import { PersonLabel } from '../people/person-label.tsx';
import { placeWhere } from '../places/place-choice.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

/** Roles the API lets search people (people.search); everyone with this page may search places. */

/**
 * Fuzzy search of people and places by name, scoped by the API to the caller's districts. The
 * query lives in the address (`?q=`), so Back returns to the results.
 */
export function SearchPage({ user }: PageProps) {
  const query = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState(query);
  const inputId = useId();
  const mayFindPeople = userMay(user, 'people.search');

  function submit(event: FormEvent) {
    event.preventDefault();
    const q = draft.trim();
    navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
  }

  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Search</h1>
      <NewRecordLinks user={user} />
      <search>
        <form className="search-form" onSubmit={submit}>
          <label htmlFor={inputId}>{mayFindPeople ? 'Name of a person or place' : 'Name of a place'}</label>
          <div className="search-form__row">
            <input
              id={inputId}
              type="search"
              value={draft}
              minLength={2}
              maxLength={100}
              onChange={(event) => setDraft(event.currentTarget.value)}
            />
            <button className="button" type="submit">
              Search
            </button>
          </div>
        </form>
      </search>
      {query.length >= 2 ? (
        <div className="search-results">
          {mayFindPeople && <PeopleResults query={query} mayEdit={userMay(user, 'people.update')} />}
          <PlaceResults query={query} mayEdit={userMay(user, 'places.update')} />
          {userMay(user, 'vehicles.search') && (
            <VehicleResults query={query} mayEdit={userMay(user, 'vehicles.update')} />
          )}
        </div>
      ) : (
        <p className="page__lead">Type at least two letters. Spelling need not be exact.</p>
      )}
    </main>
  );
}

/** "New person", "New place", "New vehicle": each only for the roles the API lets record one. */
function NewRecordLinks({ user }: { user: PageProps['user'] }) {
  const links = [
    userMay(user, 'people.create') && { href: '/people/new', label: 'New person' },
    userMay(user, 'places.create') && { href: '/places/new', label: 'New place' },
    userMay(user, 'vehicles.create') && { href: '/vehicles/new', label: 'New vehicle' },
  ].filter((link) => link !== false);
  if (links.length === 0) return null;
  return (
    <p className="edit-links">
      {links.map((link) => (
        <Link key={link.href} className="button button--quiet" href={link.href}>
          {link.label}
        </Link>
      ))}
    </p>
  );
}

function EditLink({ href, name }: { href: string; name: string }) {
  return (
    <Link className="result-list__edit" href={href} aria-label={`Edit ${name}`}>
      Edit
    </Link>
  );
}

/** People shown per page of results. */
export const peoplePageSize = 25;

function PeopleResults({ query, mayEdit }: { query: string; mayEdit: boolean }) {
  const trpc = useTRPC();
  const [offset, setOffset] = useState(0);
  const [pagedQuery, setPagedQuery] = useState(query);
  // A new search starts at its first page.
  if (pagedQuery !== query) {
    setPagedQuery(query);
    setOffset(0);
  }
  const people = useQuery({
    ...trpc.people.search.queryOptions({ name: query, limit: peoplePageSize, offset }),
    placeholderData: keepPreviousData,
  });
  const shown = people.data?.people.length ?? 0;
  return (
    <section aria-labelledby="people-results">
      <h2 id="people-results">People</h2>
      {people.isPending && <Loading>Searching people…</Loading>}
      {people.isError && <ErrorState message={errorMessage(people.error)} onRetry={() => void people.refetch()} />}
      {people.data?.people.length === 0 && <Empty>No person matches “{query}” in your districts.</Empty>}
      {people.data && shown > 0 && (people.data.more || offset > 0) && (
        <nav className="result-pages" aria-label="Pages of people">
          <p role="status">
            People {offset + 1}–{offset + shown}
            {people.data.more ? `: the search stopped at ${peoplePageSize}; there are more` : ', the last of them'}
          </p>
          <button
            className="button button--quiet"
            type="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - peoplePageSize))}
          >
            Previous {peoplePageSize}
          </button>
          <button
            className="button button--quiet"
            type="button"
            disabled={!people.data.more}
            onClick={() => setOffset(offset + peoplePageSize)}
          >
            Next {peoplePageSize}
          </button>
        </nav>
      )}
      {people.data && shown > 0 && (
        <ul className="result-list">
          {people.data.people.map(({ person }) => (
            <li key={person.id}>
              <PersonLabel person={person} />
              <span className="result-list__meta">{personFacts(person)}</span>
              {mayEdit && person.view === 'full' && (
                <EditLink href={`/people/${person.id}/edit`} name={`${person.givenName} ${person.familyName}`} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PlaceResults({ query, mayEdit }: { query: string; mayEdit: boolean }) {
  const trpc = useTRPC();
  const places = useQuery(trpc.places.list.queryOptions({ name: query, limit: 25 }));
  return (
    <section aria-labelledby="place-results">
      <h2 id="place-results">Places</h2>
      {places.isPending && <Loading>Searching places…</Loading>}
      {places.isError && <ErrorState message={errorMessage(places.error)} onRetry={() => void places.refetch()} />}
      {places.data?.places.length === 0 && <Empty>No place matches “{query}” in your districts.</Empty>}
      {places.data && places.data.places.length > 0 && (
        <ul className="result-list">
          {places.data.places.map((place) => (
            <li key={place.id}>
              <Link href={`/?place=${place.id}`}>{place.name}</Link>
              <span className="result-list__meta">
                {[
                  placeCategoryLabels[place.category],
                  placeWhere(place),
                  place.district?.name ?? 'outside the districts',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {mayEdit && <EditLink href={`/places/${place.id}/edit`} name={place.name} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function VehicleResults({ query, mayEdit }: { query: string; mayEdit: boolean }) {
  const trpc = useTRPC();
  const registration = query.replace(/\s+/g, '').toUpperCase();
  const searchable = /^[A-Z0-9]{1,8}$/.test(registration);
  const vehicles = useQuery({
    ...trpc.vehicles.search.queryOptions({ registration, limit: 25 }),
    enabled: searchable,
  });
  if (!searchable) return null;
  return (
    <section aria-labelledby="vehicle-results">
      <h2 id="vehicle-results">Vehicles</h2>
      {vehicles.isPending && <Loading>Searching vehicles…</Loading>}
      {vehicles.isError && (
        <ErrorState message={errorMessage(vehicles.error)} onRetry={() => void vehicles.refetch()} />
      )}
      {vehicles.data?.vehicles.length === 0 && <Empty>No vehicle registration contains “{registration}”.</Empty>}
      {vehicles.data && vehicles.data.vehicles.length > 0 && (
        <ul className="result-list">
          {vehicles.data.vehicles.map((vehicle) => (
            <li key={vehicle.id}>
              <span>{vehicle.registration}</span>
              <span className="result-list__meta">
                {[vehicle.colour, vehicle.make, vehicle.model].filter(Boolean).join(' ') || 'no description'}
              </span>
              {mayEdit && <EditLink href={`/vehicles/${vehicle.id}/edit`} name={vehicle.registration} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
