/**
 * Names the browser tab (and its history entries) after the scenario in view.
 */
import { useEffect } from 'react';
import { useScenario } from '../hooks';

/** Keeps `document.title` as `<scenario> · Interleave`. */
export function useDocumentTitle(): void {
  const { title } = useScenario();
  useEffect(() => {
    document.title = `${title} · Interleave`;
  }, [title]);
}
