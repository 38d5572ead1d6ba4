import { type KeyboardEvent, type RefObject, useEffect, useRef } from 'react';

/**
 * While `open`, a pointer pressed or focus moved outside `container` calls `close`: how the
 * header's menus close when the user turns to something else.
 */
export function useDismissOutside(open: boolean, container: RefObject<HTMLElement | null>, close: () => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
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
  }, [open, container]);
}

/** A keydown handler for a popup's container: Escape closes it, focus back on its button. */
export function escapeCloses(open: boolean, close: () => void, button: RefObject<HTMLElement | null>) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close();
    button.current?.focus();
  };
}
