/**
 * The panels beside the diagram as the layouts place them: their code (the fixes and their
 * verdicts, the exploration, the story, the state inspector) is fetched once the first diagram
 * is painted, so the page's first chunks hold the diagram, the header and the controls.
 */
import { lazy, Suspense, useEffect } from 'react';

const columns = () => import('./columns');
const SidebarPanels = lazy(() => columns().then((m) => ({ default: m.Sidebar })));
const Story = lazy(() => columns().then((m) => ({ default: m.StoryPanels })));

/** Fetches the panels' code ahead of their first render. */
export function prefetchColumns(): void {
  void columns();
}

/** Calls `onShown` once committed (with the rest of its Suspense boundary's content). */
function Shown({ onShown }: { readonly onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return null;
}

/**
 * Returns the setup column; an empty column of the same width while its code loads. `onShown`
 * is called once the column's panels are committed.
 */
export function Sidebar({ onShown }: { readonly onShown?: (() => void) | undefined }) {
  return (
    <Suspense fallback={<aside className="column column-left" />}>
      <SidebarPanels />
      {onShown && <Shown onShown={onShown} />}
    </Suspense>
  );
}

/** Returns the story and state panels (nothing while their code loads). */
export function StoryPanels() {
  return (
    <Suspense fallback={null}>
      <Story />
    </Suspense>
  );
}
