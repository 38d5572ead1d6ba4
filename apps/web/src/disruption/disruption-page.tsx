import 'maplibre-gl/dist/maplibre-gl.css';
import './disruption.css';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { useBoundaries } from '../map/boundaries.ts';
import { DistrictLayers } from '../map/district-layers.tsx';
import { DistrictMap } from '../map/district-map.tsx';
import { MapStateReporter } from '../map/map-state-reporter.tsx';
import { FitTo } from '../map/use-fit-to.ts';
import { type PageProps, userMay } from '../routing/page-props.ts';
import { formatDate } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';
import { ActionDetail } from './action-detail.tsx';
import { DisruptionLayer } from './disruption-layer.tsx';
import { statusLabel } from './labels.ts';
import { RecordActionForm } from './record-action-form.tsx';

/** Disruption actions in the user's districts: the map of those in force, reviews due, and recording. */
export function DisruptionPage({ user }: PageProps) {
  const trpc = useTRPC();
  const actions = useQuery(trpc.disruption.list.queryOptions({ limit: 200 }));
  const districts = useBoundaries('districts');
  // `?action=` opens one action (the place panel links to the actions on a place).
  const linked = new URLSearchParams(useSearch()).get('action');
  const [selected, setSelected] = useState<string | null>(linked);
  const mayAct = userMay(user, 'disruption.create');
  const ownDistrict = districts.data?.features.find((feature) => user.districtCodes.includes(feature.properties.code));
  return (
    <main className="page disruption-page" id="main" tabIndex={-1}>
      <h1>Disruption actions</h1>
      <section className="disruption-page__map" aria-label="Actions in force on the map">
        <DistrictMap>
          {districts.data && (
            <DistrictLayers
              districts={districts.data}
              selectedCode={ownDistrict?.properties.code ?? null}
              onSelect={() => undefined}
            />
          )}
          <DisruptionLayer />
          {districts.data && <MapStateReporter />}
          <FitTo bbox={ownDistrict?.bbox ?? null} />
        </DistrictMap>
        <p className="disruption-page__legend">
          <span className="legend-dot legend-dot--closure" /> closure in force{' '}
          <span className="legend-dot legend-dot--other" /> other action in force
        </p>
      </section>
      {actions.isPending && <Loading>Loading disruption actions…</Loading>}
      {actions.isError && <ErrorState message={errorMessage(actions.error)} onRetry={() => void actions.refetch()} />}
      {actions.data && (
        <>
          <h2>Reviews and expiries in the next 28 days</h2>
          {actions.data.due.length === 0 ? (
            <Empty>Nothing due.</Empty>
          ) : (
            <ul className="result-list">
              {actions.data.due.map((row) => (
                <li key={`${row.district.code}-${row.owner.id}`}>
                  {row.district.name}, {row.owner.displayName}: {row.reviewsDue}{' '}
                  {row.reviewsDue === 1 ? 'review' : 'reviews'} due, {row.expiring} expiring
                </li>
              ))}
            </ul>
          )}
          <h2>All actions</h2>
          {actions.data.actions.length === 0 ? (
            <Empty>No disruption actions in your districts yet.</Empty>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Tactic</th>
                  <th scope="col">Target</th>
                  <th scope="col">District</th>
                  <th scope="col">Status</th>
                  <th scope="col">Review</th>
                  <th scope="col">Expires</th>
                </tr>
              </thead>
              <tbody>
                {actions.data.actions.map((action) => (
                  <tr key={action.id}>
                    <td>
                      <button className="link-button" type="button" onClick={() => setSelected(action.id)}>
                        {action.tactic.name}
                      </button>
                    </td>
                    <td>{action.target.label}</td>
                    <td>{action.district.name}</td>
                    <td>{statusLabel(action.status)}</td>
                    <td className="nowrap">{action.reviewOn ? formatDate(action.reviewOn) : '—'}</td>
                    <td className="nowrap">{action.expiresOn ? formatDate(action.expiresOn) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {selected && <ActionDetail key={selected} id={selected} mayAct={mayAct} />}
      {mayAct && <RecordActionForm user={user} onRecorded={setSelected} />}
    </main>
  );
}
