import type { ReactNode } from 'react';

/** Loading, empty and error states, announced to screen readers the same way everywhere. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="status status--loading" role="status">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="status status--empty" role="status">
      {children}
    </p>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="status status--error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button className="button" type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
