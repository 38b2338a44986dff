/**
 * The app shell: header, notices, the three columns (setup, diagram, story + state) or the
 * compare view, and the controls bar (the model editor in place of the story column while
 * authoring); on a phone, the diagram and controls with the panels in a
 * drawer; or, while presenting, the presentation alone. Keyboard shortcuts, playback and URL
 * sync are wired here once.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../store/index';
import { AuthoredBanner } from './authoring/AuthoredBanner';
import { EditorPane } from './authoring/LazyEditorPane';
import { useModelDrop } from './authoring/useModelDrop';
import { ControlsBar } from './controls/ControlsBar';
import { DiagramPane } from './panels/DiagramPane';
import { HelpOverlay } from './layout/HelpOverlay';
import { Header } from './layout/Header';
import { Notices } from './layout/Notices';
import { Sidebar, StoryPanels } from './panels/LazyColumns';
import { useKeyboard } from './controls/useKeyboard';
import { usePlayback } from './controls/usePlayback';
import { useDocumentTitle } from './layout/useDocumentTitle';
import { useAfterFirstPaint } from './layout/useAfterFirstPaint';
import { useFrameAfter } from './layout/useSecondFrame';
import { useSessionSync } from './layout/useSessionSync';
import { PHONE_QUERY, useMediaQuery } from './layout/useMediaQuery';
import { PhoneLayout } from './layout/PhoneLayout';

// Views the first paint does not need, loaded when first shown.
const ComparePane = lazy(() =>
  import('./compare/ComparePane').then((m) => ({ default: m.ComparePane })),
);
const Presentation = lazy(() =>
  import('./present/Presentation').then((m) => ({ default: m.Presentation })),
);

/**
 * Fetches the on-demand views and the other scenarios' models once the page is idle after the
 * first paint, so they open at once.
 */
function usePrefetchViews(): void {
  useEffect(() => {
    const load = () => {
      void import('./compare/ComparePane');
      void import('./present/Presentation');
      void import('./layout/HelpCard');
      void import('./layout/PickerMenu');
      void import('./explore/exploreClient');
      void import('./controls/ChanceStrip');
      void import('./panels/ExploreResult');
      void import('./panels/ExploreMatrix');
      void import('./panels/RaceLine');
      void import('./authoring/authoredClient');
      // The other built-in scenarios' models, so the picker opens each at once.
      void import('../scenarios/catalog').then((m) => m.loadAllScenarios());
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(load, { timeout: 4000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 2000);
    return () => clearTimeout(id);
  }, []);
}

/** Returns the whole app. */
export function App() {
  usePrefetchViews();
  useSessionSync();
  useDocumentTitle();
  useKeyboard();
  usePlayback();
  useModelDrop();
  const editing = useAppStore((s) => s.editor.open);
  const comparing = useAppStore((s) => s.compareFix !== null);
  const presenting = useAppStore((s) => s.presenting);
  const phone = useMediaQuery(PHONE_QUERY);
  const painted = useAfterFirstPaint();
  // The story column a frame after the setup column, so that each is laid out in a frame of
  // its own.
  const [sidebarShown, setSidebarShown] = useState(false);
  const onSidebarShown = useCallback(() => setSidebarShown(true), []);
  const story = useFrameAfter(sidebarShown);
  if (presenting) {
    return (
      <div className="app app-presenting">
        <Notices />
        <Suspense fallback={null}>
          <Presentation />
        </Suspense>
      </div>
    );
  }
  if (phone) {
    return (
      <>
        <PhoneLayout comparing={comparing} />
        <HelpOverlay />
      </>
    );
  }
  return (
    <div className="app">
      <Header />
      <Notices />
      <AuthoredBanner />
      {comparing ? (
        <main className="workspace workspace-compare">
          <Suspense fallback={null}>
            <ComparePane />
          </Suspense>
        </main>
      ) : (
        <main className={editing ? 'workspace workspace-authoring' : 'workspace'}>
          {painted ? (
            <Sidebar onShown={onSidebarShown} />
          ) : (
            <aside className="column column-left" />
          )}
          <DiagramPane />
          {editing ? (
            <div className="column column-right column-editor">
              <EditorPane />
            </div>
          ) : (
            <aside className="column column-right" aria-label="Story and state">
              {painted && story && <StoryPanels />}
            </aside>
          )}
        </main>
      )}
      <ControlsBar deferred />
      <HelpOverlay />
    </div>
  );
}
