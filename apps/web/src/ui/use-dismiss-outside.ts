import { type RefObject, useEffect, useRef } from 'react';

/**
 * While `open`, a pointer pressed or focus moved outside `container` calls `close`: how the
 * header's menus close when the user turns to something else. With `button`, Escape inside the
 * container closes it too, focus back on the button.
 */
export function useDismissOutside(
  open: boolean,
  container: RefObject<HTMLElement | null>,
  close: () => void,
  button?: RefObject<HTMLElement | null>,
): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: Event) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) closeRef.current();
    };
    const element = container.current;
    const onEscape = button ? escapeCloses(true, () => closeRef.current(), button) : undefined;
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    if (onEscape) element?.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
      if (onEscape) element?.removeEventListener('keydown', onEscape);
    };
  }, [open, container, button]);
}

/** A keydown handler for a popup's container: Escape closes it, focus back on its button. */
export function escapeCloses(open: boolean, close: () => void, button: RefObject<HTMLElement | null>) {
  return (event: { key: string; preventDefault(): void }) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close();
    button.current?.focus();
  };
}
