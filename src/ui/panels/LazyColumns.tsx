/**
 * The panels beside the diagram as the layouts place them: their code (the fixes and their
 * verdicts, the exploration, the story, the state inspector) is fetched once the first diagram
 * is painted, so the page's first chunks hold the diagram, the header and the controls.
 */
import { lazy, Suspense } from 'react';

const columns = () => import('./columns');
const SidebarPanels = lazy(() => columns().then((m) => ({ default: m.Sidebar })));
const Story = lazy(() => columns().then((m) => ({ default: m.StoryPanels })));

/** Fetches the panels' code ahead of their first render. */
export function prefetchColumns(): void {
  void columns();
}

/** Returns the setup column; an empty column of the same width while its code loads. */
export function Sidebar() {
  return (
    <Suspense fallback={<aside className="column column-left" />}>
      <SidebarPanels />
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
