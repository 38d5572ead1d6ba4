import type { PhilomenaProfile } from '@lantern/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useTRPC } from '../api/trpc.ts';
import { PersonLabel } from '../people/person-label.tsx';
import type { PageProps } from '../routing/page-props.ts';
import { formatDateTime } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/status.tsx';
import { PhilomenaDocument } from './philomena-document.tsx';
import { useMissingRefresh } from './use-missing-refresh.ts';
import './missing.css';
import { readAsBase64 } from '../ui/read-file.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** A child in care's Philomena profile: the latest version, a new version, and the police print. */
export function PhilomenaPage({ params }: PageProps) {
  const trpc = useTRPC();
  const personId = params.personId ?? '';
  const profile = useQuery(trpc.missing.philomena.get.queryOptions({ personId }));
  const print = useMutation(trpc.missing.philomena.print.mutationOptions());
  const [reason, setReason] = useState('');
  const reasonId = useId();
  if (print.data) return <PhilomenaDocument document={print.data} onClose={() => print.reset()} />;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <title>Philomena profile – Lantern</title>
      <h1>Philomena profile</h1>
      {profile.isPending && <Loading>Loading the profile…</Loading>}
      {profile.isError && <ErrorState message={errorMessage(profile.error)} onRetry={() => void profile.refetch()} />}
      {profile.data && (
        <>
          <p className="page__lead">
            <PersonLabel person={profile.data.child} />{' '}
            {profile.data.profile
              ? `· version ${profile.data.profile.version}, saved ${formatDateTime(profile.data.profile.savedAt)}`
              : '· no profile yet'}
          </p>
          {profile.data.profile && (
            <form
              className="missing-form"
              aria-label="Print for the police"
              onSubmit={(event) => {
                event.preventDefault();
                print.mutate({ personId, reason });
              }}
            >
              <label htmlFor={reasonId}>Why it is printed (recorded in the audit trail)</label>
              <input id={reasonId} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              {print.isError && <ErrorState message={errorMessage(print.error)} />}
              <button className="button" type="submit" disabled={print.isPending}>
                Print for the police
              </button>
            </form>
          )}
          <ProfileForm personId={personId} current={profile.data.profile} />
        </>
      )}
    </main>
  );
}

function ProfileForm({ personId, current }: { personId: string; current: PhilomenaProfile | null }) {
  const trpc = useTRPC();
  const refresh = useMissingRefresh();
  const id = useId();
  const [description, setDescription] = useState(current?.description ?? '');
  const [vulnerabilities, setVulnerabilities] = useState(current?.vulnerabilities.join('\n') ?? '');
  const [phones, setPhones] = useState(current?.phones.join('\n') ?? '');
  const [socialMedia, setSocialMedia] = useState(current?.socialMedia.join('\n') ?? '');
  const [transport, setTransport] = useState(current?.transport ?? '');
  const [photo, setPhoto] = useState<File | null>(null);
  const save = useMutation(trpc.missing.philomena.save.mutationOptions({ onSuccess: () => void refresh() }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      personId,
      version: current?.version ?? 0,
      description,
      ...(photo
        ? {
            photo: {
              contentType: photo.type as 'image/jpeg' | 'image/png' | 'image/webp',
              base64: await readAsBase64(photo),
            },
          }
        : {}),
      vulnerabilities: lines(vulnerabilities),
      importantPeople: [],
      importantPlaces: (current?.importantPlaces ?? []).map(({ placeId, note }) => ({ placeId, note })),
      phones: lines(phones),
      socialMedia: lines(socialMedia),
      transport: transport.trim() === '' ? null : transport.trim(),
    });
  }

  return (
    <form className="missing-form" aria-label="Save a new version" onSubmit={(event) => void submit(event)}>
      <h2>Save a new version</h2>
      {current?.photo && (
        <img className="philomena-photo" src={current.photo} alt="The child, as in the current profile" />
      )}
      <label htmlFor={`${id}-photo`}>New photo (JPEG, PNG or WebP, at most 1 MB)</label>
      <input
        id={`${id}-photo`}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => setPhoto(e.currentTarget.files?.[0] ?? null)}
      />
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        required
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-vulnerabilities`}>Vulnerabilities (one a line)</label>
      <textarea
        id={`${id}-vulnerabilities`}
        value={vulnerabilities}
        onChange={(e) => setVulnerabilities(e.currentTarget.value)}
      />
      <label htmlFor={`${id}-phones`}>Phones (one a line)</label>
      <textarea id={`${id}-phones`} value={phones} onChange={(e) => setPhones(e.currentTarget.value)} />
      <label htmlFor={`${id}-social`}>Social media (one a line)</label>
      <textarea id={`${id}-social`} value={socialMedia} onChange={(e) => setSocialMedia(e.currentTarget.value)} />
      <label htmlFor={`${id}-transport`}>Transport</label>
      <input id={`${id}-transport`} value={transport} onChange={(e) => setTransport(e.currentTarget.value)} />
      {save.isError && <ErrorState message={errorMessage(save.error)} />}
      {save.isSuccess && <p role="status">Saved version {save.data.profile?.version}.</p>}
      <button className="button button--primary" type="submit" disabled={save.isPending}>
        Save profile
      </button>
    </form>
  );
}
