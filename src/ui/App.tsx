/**
 * The app shell: header, notices, the three columns (setup, diagram, story + state) or the
 * compare view, and the controls bar; on a phone, the diagram and controls with the panels in a
 * drawer; or, while presenting, the presentation alone. Keyboard shortcuts, playback and URL
 * sync are wired here once.
 */
import { useAppStore } from '../store/index';
import { ComparePane } from './compare/ComparePane';
import { ControlsBar } from './controls/ControlsBar';
import { DiagramPane } from './panels/DiagramPane';
import { HelpOverlay } from './layout/HelpOverlay';
import { Header } from './layout/Header';
import { Notices } from './layout/Notices';
import { Inspector } from './inspector/Inspector';
import { NarrativePanel } from './panels/NarrativePanel';
import { Presentation } from './present/Presentation';
import { Sidebar } from './panels/Sidebar';
import { useKeyboard } from './controls/useKeyboard';
import { usePlayback } from './controls/usePlayback';
import { useDocumentTitle } from './layout/useDocumentTitle';
import { useAutosave } from './layout/useAutosave';
import { useUrlSync } from './layout/useUrlSync';
import { PHONE_QUERY, useMediaQuery } from './layout/useMediaQuery';
import { PhoneLayout } from './layout/PhoneLayout';

/** Returns the whole app. */
export function App() {
  useUrlSync();
  useAutosave();
  useDocumentTitle();
  useKeyboard();
  usePlayback();
  const comparing = useAppStore((s) => s.compareFix !== null);
  const presenting = useAppStore((s) => s.presenting);
  const phone = useMediaQuery(PHONE_QUERY);
  if (presenting) {
    return (
      <div className="app app-presenting">
        <Notices />
        <Presentation />
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
      {comparing ? (
        <main className="workspace workspace-compare">
          <ComparePane />
        </main>
      ) : (
        <main className="workspace">
          <Sidebar />
          <DiagramPane />
          <aside className="column column-right" aria-label="Story and state">
            <NarrativePanel />
            <Inspector />
          </aside>
        </main>
      )}
      <ControlsBar />
      <HelpOverlay />
    </div>
  );
}
