/**
 * The theme toggle: light or dark, the system's choice until the toggle picks one (see
 * `../theme`).
 */
import { useEffect, useState } from 'react';
import {
  applyTheme,
  onSystemTheme,
  savedTheme,
  saveTheme,
  systemTheme,
  type Theme,
} from '../theme';

/** Returns the theme toggle button. */
export function ThemeToggle() {
  const [chosen, setChosen] = useState<Theme | null>(savedTheme);
  const [system, setSystem] = useState<Theme>(systemTheme);
  useEffect(() => onSystemTheme(setSystem), []);
  // The entry applied the remembered theme before the first frame; this keeps it in step.
  useEffect(() => applyTheme(chosen), [chosen]);
  const theme = chosen ?? system;
  const toggle = () => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setChosen(next);
    saveTheme(next);
  };
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      data-testid="theme-toggle"
      aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'}
      aria-pressed={theme === 'dark'}
      title={theme === 'dark' ? 'Light mode' : 'Dark mode'}
      onClick={toggle}
    >
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
