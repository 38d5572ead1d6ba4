import { maxImportBytes } from '@lantern/domain';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC, useTRPCClient } from '../api/trpc.ts';
import { LongWorkStatus, useLongAction } from '../ui/long-work.tsx';
import { ErrorState } from '../ui/status.tsx';
import { useMissingRefresh } from './use-missing-refresh.ts';

/**
 * Importing the county's missing-episodes CSV (the same file `lantern import missing-episodes`
 * takes). Nothing is imported when a row is bad unless the coordinator asks for the valid rows;
 * either way every bad row is listed with its line and field.
 */
export function ImportEpisodesForm() {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const client = useTRPCClient();
  // A county's file takes a while: the import shows it is working and can be cancelled (the signal
  // aborts the request).
  const importEpisodes = useMutation({
    mutationKey: trpc.missing.importEpisodes.mutationKey(),
    mutationFn: ({ signal, ...input }: { fileName: string; csv: string; skipInvalid: boolean; signal: AbortSignal }) =>
      client.missing.importEpisodes.mutate(input, { signal }),
    onSuccess: () => void refresh(),
  });
  const longWork = useLongAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (file.size > maxImportBytes) {
      setTooBig(
        `${file.name} is ${file.size.toLocaleString('en-GB')} bytes; the most one import takes is ${maxImportBytes.toLocaleString('en-GB')}: split the file.`,
      );
      return;
    }
    setTooBig(null);
    const input = { fileName: file.name, csv: await file.text(), skipInvalid };
    importEpisodes.reset();
    // A failed import shows its message below (the mutation's error).
    await longWork.run((signal) => importEpisodes.mutateAsync({ ...input, signal })).catch(() => undefined);
  }

  const report = importEpisodes.data;
  return (
    <form className="missing-form" onSubmit={(event) => void submit(event)} aria-label="Import episodes">
      <label htmlFor={`${id}-file`}>Missing-episodes CSV</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          setFile(event.currentTarget.files?.[0] ?? null);
          importEpisodes.reset();
        }}
      />
      <label className="missing-form__check">
        <input
          type="checkbox"
          checked={skipInvalid}
          onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
        />
        Import the valid rows and list the rest (otherwise one bad row imports nothing)
      </label>
      <button className="button" type="submit" disabled={!file || importEpisodes.isPending}>
        {importEpisodes.isPending ? 'Importing…' : 'Import'}
      </button>
      {tooBig && <ErrorState message={tooBig} />}
      <LongWorkStatus work={longWork}>Importing {file?.name}…</LongWorkStatus>
      {importEpisodes.isError && !longWork.cancelled && <ErrorState message={errorMessage(importEpisodes.error)} />}
      {report && (
        <div role="status" className="import-report">
          <p>
            {report.file}: {report.rows.toLocaleString('en-GB')} rows — {report.inserted} new, {report.updated} changed,{' '}
            {report.unchanged} unchanged, {report.rejected} rejected; {report.childrenCreated} children new to Lantern.
          </p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
