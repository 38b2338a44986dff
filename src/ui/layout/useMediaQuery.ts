/**
 * Whether a CSS media query matches, kept up to date as the window changes.
 */
import { useSyncExternalStore } from 'react';

/** The phone layout's breakpoint (the same width as the phone rules in the styles). */
export const PHONE_QUERY = '(max-width: 760px)';

/** A phone either way up: narrow, or (on its side) short. */
export const SMALL_SCREEN_QUERY = `${PHONE_QUERY}, (max-height: 500px)`;

/** Returns whether `query` matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
