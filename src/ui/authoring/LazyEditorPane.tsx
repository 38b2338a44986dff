/**
 * The model editor as the layouts place it: its code (and CodeMirror) is fetched only when the
 * editor is first opened.
 */
import { lazy, Suspense } from 'react';

const Pane = lazy(() => import('./EditorPane'));

/** Returns the editor, with a line saying so while its code loads. */
export function EditorPane() {
  return (
    <Suspense fallback={<p className="muted">Loading the editor…</p>}>
      <Pane />
    </Suspense>
  );
}
