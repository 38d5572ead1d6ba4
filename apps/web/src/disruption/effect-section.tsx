import type { DisruptionDetail, DisruptionEffect } from '@lantern/domain';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { formatDate, formatMonth } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/status.tsx';

type Count = DisruptionEffect['crime'] | DisruptionEffect['missingFound'];

function change(count: Count): string {
  if (count.change === null) return 'not shown for small numbers';
  const sign = count.change > 0 ? '+' : '';
  const percent = count.percentChange === null ? '' : ` (${sign}${count.percentChange}%)`;
  return `${sign}${count.change}${percent}`;
}

/**
 * The effect comparison (`disruption.effect`): incidents near the target's place in equal periods
 * before and after the action came into force, always with its caution. An action without a place,
 * or not yet in force, says why there is nothing to compare instead of asking the API.
 */
export function EffectSection({ action }: { action: DisruptionDetail }) {
  const trpc = useTRPC();
  const measurable = action.target.place !== null && action.inForceFrom !== null;
  const effect = useQuery({ ...trpc.disruption.effect.queryOptions({ id: action.id }), enabled: measurable });
  return (
    <section className="effect" aria-labelledby={`effect-${action.id}`}>
      <h3 id={`effect-${action.id}`}>Effect: before and after</h3>
      {!action.target.place ? (
        <Empty>The effect is measured around a place; this action’s target has no place.</Empty>
      ) : !action.inForceFrom ? (
        <Empty>The effect is compared once the action is in force.</Empty>
      ) : effect.isPending ? (
        <Loading>Counting incidents near the place…</Loading>
      ) : effect.isError ? (
        <ErrorState message={errorMessage(effect.error)} onRetry={() => void effect.refetch()} />
      ) : (
        <EffectTable effect={effect.data} />
      )}
    </section>
  );
}

function EffectTable({ effect }: { effect: DisruptionEffect }) {
  const { before, after } = effect.periods;
  const rows: [string, Count][] = [
    [effect.crimeTypes.length > 0 ? `Crimes (${effect.crimeTypes.join(', ')})` : 'Crimes (police.uk)', effect.crime],
    ['Intelligence reports', effect.intelligence],
    ['Missing children found', effect.missingFound],
  ];
  return (
    <>
      <p>
        Within {effect.distanceMetres} m of the place: before {formatDate(before.from)} to {formatDate(before.to)},
        after {formatDate(after.from)} to {formatDate(after.to)} ({formatMonth(effect.periods.excludedMonth)}, when it
        came into force, left out){effect.complete ? '' : '; the after period is not over yet'}.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Incidents</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, count]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{count.before}</td>
              <td>{count.after}</td>
              <td>{change(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="effect__caution" role="note" aria-label="Caution">
        <strong>Read with caution</strong>
        <ul>
          {effect.caution.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
