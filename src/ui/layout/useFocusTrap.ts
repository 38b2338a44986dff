/**
 * Keeps keyboard focus inside an open overlay: Tab and Shift+Tab cycle through its focusable
 * elements, and closing it gives focus back to where it was.
 */
import { useEffect, useState, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Traps focus in `ref` while it is mounted (and `active`); when that ends, gives focus back to
 * where it was (unless `restore` is false: the caller then decides where focus goes).
 */
export function useFocusTrap(
  ref: RefObject<HTMLElement | null>,
  active = true,
  restore = true,
): void {
  // Read while rendering, before anything in the overlay takes focus (e.g. autoFocus).
  const [before] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  useEffect(() => {
    const root = ref.current;
    if (!active || !root) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.getClientRects().length > 0,
      );
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) {
        event.preventDefault();
        root.focus();
        return;
      }
      const at = document.activeElement;
      if (event.shiftKey && (at === first || !root.contains(at))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || !root.contains(at))) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (restore && before?.isConnected) before.focus();
    };
  }, [ref, active, before, restore]);
}
