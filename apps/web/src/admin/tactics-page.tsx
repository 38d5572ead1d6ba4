import type { Tactic } from '@lantern/domain';
import { tacticThemeLabels } from '@lantern/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { agencyKindLabels } from './labels.ts';
import { TacticForm, targetTypeLabels } from './tactic-form.tsx';

/**
 * `/admin/tactics`: the tactic catalogue officers choose disruption actions from. Which agencies
 * hold a power decides which officers are offered it, so a change here changes their forms.
 */
export function TacticsPage(_props: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tactics = useQuery(trpc.tactics.list.queryOptions({}));
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tactics.list.pathKey() });
  const done = (tactic: Tactic) => {
    setSaved(`Saved ${tactic.name}.`);
    setOpen(null);
    void refresh();
  };
  const close = () => {
    setOpen(null);
    void refresh();
  };

  return (
    <main className="page page--wide" id="main" tabIndex={-1}>
      <h1>Tactic catalogue</h1>
      <p className="page__lead">
        The disruption tactics officers record actions with: the legal basis, who holds the power, what it can be aimed
        at and for how long.
      </p>
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      {open === 'new' ? (
        <TacticForm tactic={null} onSaved={done} onClose={close} />
      ) : (
        <button className="button button--primary" type="button" onClick={() => setOpen('new')}>
          Add a tactic
        </button>
      )}
      {tactics.isPending && <Loading>Loading the catalogue…</Loading>}
      {tactics.isError && <ErrorState message={errorMessage(tactics.error)} onRetry={() => void tactics.refetch()} />}
      {tactics.data && (
        <table className="admin-table">
          <caption className="visually-hidden">Tactics</caption>
          <thead>
            <tr>
              <th scope="col">Tactic</th>
              <th scope="col">Theme</th>
              <th scope="col">Held by</th>
              <th scope="col">Aimed at</th>
              <th scope="col">Longest</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tactics.data.tactics.map((tactic) => (
              <Fragment key={tactic.id}>
                <tr>
                  <td>
                    <strong>{tactic.name}</strong>
                    <br />
                    <span className="entity-form__hint">{tactic.legalBasis}</span>
                  </td>
                  <td>{tacticThemeLabels[tactic.theme]}</td>
                  <td>{tactic.holderAgencyKinds.map((kind) => agencyKindLabels[kind]).join(', ')}</td>
                  <td>{tactic.targetTypes.map((type) => targetTypeLabels[type]).join(', ')}</td>
                  <td className="admin-table__nowrap">
                    {tactic.maxDurationDays === null ? 'No limit' : `${tactic.maxDurationDays} days`}
                  </td>
                  <td>
                    <button
                      className="button"
                      type="button"
                      aria-expanded={open === tactic.id}
                      aria-label={`${open === tactic.id ? 'Close' : 'Edit'} ${tactic.name}`}
                      onClick={() => setOpen((current) => (current === tactic.id ? null : tactic.id))}
                    >
                      {open === tactic.id ? 'Close' : 'Edit'}
                    </button>
                  </td>
                </tr>
                {open === tactic.id && (
                  <tr>
                    <td colSpan={6}>
                      <TacticForm
                        key={`${tactic.id}@${tactic.version}`}
                        tactic={tactic}
                        onSaved={done}
                        onClose={close}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
