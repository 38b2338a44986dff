/**
 * The page's theme: light or dark as the system prefers (`prefers-color-scheme`) until the
 * visitor picks one with the toggle, which is remembered in local storage when it can be (a
 * storage error only means it is not remembered). Set as `data-theme` on the root element; the
 * CSS does the rest. No React here: the entries apply the remembered theme before their first
 * frame, so a page opened in the other theme than the system's is never drawn in the wrong one.
 */
export type Theme = 'light' | 'dark';

const KEY = 'interleave:theme';

const DARK = '(prefers-color-scheme: dark)';

/** The system's theme. */
export function systemTheme(): Theme {
  return window.matchMedia?.(DARK).matches ? 'dark' : 'light';
}

/** Calls `listener` with the system's theme whenever it changes; returns what stops it. */
export function onSystemTheme(listener: (theme: Theme) => void): () => void {
  const query = window.matchMedia?.(DARK);
  if (!query) return () => {};
  const onChange = () => listener(query.matches ? 'dark' : 'light');
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme the visitor picked, or null if none was picked (or storage cannot be read). */
export function savedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers `theme` for later visits, when storage lets it (the page switches either way). */
export function saveTheme(theme: Theme): void {
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered across visits.
  }
}

/** Draws the page in `theme`, or in the system's theme for null. */
export function applyTheme(theme: Theme | null): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
