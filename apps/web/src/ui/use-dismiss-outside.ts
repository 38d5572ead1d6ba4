import { type RefObject, useEffect, useRef } from 'react';

/**
 * While `open`, a pointer pressed or focus moved outside `container` calls `close`: how the
 * header's menus close when the user turns to something else.
 */
export function useDismissOutside(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  const closeRef = useLatest(close);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: Event) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) closeRef.current();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open, container, closeRef]);
}

/** While `open`, Escape pressed inside `container` calls `close` and puts focus back on `button`. */
export function useEscapeCloses(
  open: boolean,
  container: RefObject<HTMLElement | null>,
  close: () => void,
  button: RefObject<HTMLElement | null>,
): void {
  const closeRef = useLatest(close);
  useEffect(() => {
    const element = container.current;
    if (!open || !element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      closeRef.current();
      button.current?.focus();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [open, container, button, closeRef]);
}

/** A ref that always holds the latest `value`, so an effect can call it without re-subscribing. */
function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
