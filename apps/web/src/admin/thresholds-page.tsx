import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import type { PageProps } from '../routing/page-props.ts';
import { formatDateTime } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { Field, useSave } from './form-parts.tsx';

interface Thresholds {
  mamDurationHours: number;
  mamRepeatCount: number;
  mamWindowDays: number;
  version: number;
  updatedAt: string;
}

const fields = ['mamDurationHours', 'mamRepeatCount', 'mamWindowDays'] as const;

/**
 * `/admin/thresholds`: when a missing episode needs a multi-agency meeting. Administrators set
 * them (the policy lets only them: the thresholds are the county's protocol, not one
 * coordinator's choice); coordinators' lists of meetings needed follow at once.
 */
export function ThresholdsPage(_props: PageProps) {
  const trpc = useTRPC();
  const thresholds = useQuery(trpc.missing.getThresholds.queryOptions());
  return (
    <main className="page" id="main" tabIndex={-1}>
      <h1>Missing-episode thresholds</h1>
      <p className="page__lead">
        When an episode of a child missing from home or care needs a multi-agency meeting (MAM).
      </p>
      {thresholds.isPending && <Loading>Loading the thresholds…</Loading>}
      {thresholds.isError && (
        <ErrorState message={errorMessage(thresholds.error)} onRetry={() => void thresholds.refetch()} />
      )}
      {thresholds.data && <ThresholdsForm current={thresholds.data} />}
    </main>
  );
}

const textOf = (thresholds: Thresholds) => ({
  mamDurationHours: String(thresholds.mamDurationHours),
  mamRepeatCount: String(thresholds.mamRepeatCount),
  mamWindowDays: String(thresholds.mamWindowDays),
});

function ThresholdsForm({ current }: { current: Thresholds }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const save = useSave(fields);
  const [values, setValues] = useState(() => textOf(current));
  const [saved, setSaved] = useState(false);
  async function reload() {
    const fresh = await queryClient.fetchQuery({ ...trpc.missing.getThresholds.queryOptions(), staleTime: 0 });
    setValues(textOf(fresh));
    save.reset();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await save.run(() =>
      client.missing.setThresholds.mutate({
        mamDurationHours: Number(values.mamDurationHours),
        mamRepeatCount: Number(values.mamRepeatCount),
        mamWindowDays: Number(values.mamWindowDays),
        version: current.version,
      }),
    );
    if (!result) return;
    setSaved(true);
    queryClient.setQueryData(trpc.missing.getThresholds.queryKey(), result);
  }

  const input = (name: (typeof fields)[number], min: number, max: number) => (props: { id: string }) => (
    <input
      {...props}
      type="number"
      min={min}
      max={max}
      value={values[name]}
      onChange={(event) => setValues((now) => ({ ...now, [name]: event.target.value }))}
    />
  );

  return (
    <form className="admin-form" aria-label="Thresholds" onSubmit={(event) => void submit(event)} noValidate>
      <p>
        Last changed {formatDateTime(current.updatedAt)} (version {current.version}).
      </p>
      <Field
        label="Hours missing"
        hint="An episode this long or longer needs a meeting (1–720)."
        error={save.errors.mamDurationHours}
      >
        {input('mamDurationHours', 1, 720)}
      </Field>
      <Field
        label="Episodes"
        hint="A child's episode that is at least this many within the window needs a meeting (2–50)."
        error={save.errors.mamRepeatCount}
      >
        {input('mamRepeatCount', 2, 50)}
      </Field>
      <Field
        label="Window in days"
        hint="The period the episodes are counted over (1–730)."
        error={save.errors.mamWindowDays}
      >
        {input('mamWindowDays', 1, 730)}
      </Field>
      {saved && (
        <p className="notice" role="status">
          Saved. Lists of meetings needed use the new thresholds now.
        </p>
      )}
      {save.general && (
        <div className={save.stale ? 'conflict-banner' : 'status status--error'} role="alert">
          <p>{save.general}</p>
          {save.stale && (
            <button className="button" type="button" onClick={() => void reload()}>
              Reload the thresholds
            </button>
          )}
        </div>
      )}
      <div className="admin-form__actions">
        <button className="button button--primary" type="submit" disabled={save.busy || save.stale}>
          {save.busy ? 'Saving…' : 'Save the thresholds'}
        </button>
      </div>
    </form>
  );
}
