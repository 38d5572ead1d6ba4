import type { ConflictDetail } from '@lantern/domain';
import { useEffect, useRef } from 'react';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'Europe/London',
});

/** "at 14:02" today, "at 14:02 on 3 Mar 2026" another day (UK time). */
export function changedWhen(instant: string | null, now = new Date()): string {
  if (!instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  const sameDay = dayFormat.format(at) === dayFormat.format(now);
  return ` at ${timeFormat.format(at)}${sameDay ? '' : ` on ${dayFormat.format(at)}`}`;
}

export interface ConflictBannerProps {
  conflict: ConflictDetail;
  busy: boolean;
  onReload(): void;
  onKeepMine(): void;
}

/**
 * Optimistic concurrency, visible: someone saved this record after it was opened here. Reload
 * drops the edit and shows the record as it now is; keep yours saves the form's values over it.
 */
export function ConflictBanner({ conflict, busy, onReload, onKeepMine }: ConflictBannerProps) {
  const who = conflict.changedBy ?? 'someone else';
  const banner = useRef<HTMLDivElement>(null);
  // Focus (and so scroll to) the news: the keyboard user's next Tab reaches the two choices.
  useEffect(() => banner.current?.focus(), []);
  return (
    <div className="conflict-banner" role="alert" data-testid="conflict-banner" ref={banner} tabIndex={-1}>
      <p>
        <strong>
          Changed by {who}
          {changedWhen(conflict.changedAt)}
        </strong>{' '}
        — reload or keep yours.
      </p>
      <p className="conflict-banner__hint">
        Reload shows the record as it is now and drops your changes. Keep yours saves what is in this form over their
        change.
      </p>
      <div className="conflict-banner__actions">
        <button className="button" type="button" onClick={onReload} disabled={busy}>
          Reload
        </button>
        <button className="button button--quiet" type="button" onClick={onKeepMine} disabled={busy}>
          Keep yours
        </button>
      </div>
    </div>
  );
}
