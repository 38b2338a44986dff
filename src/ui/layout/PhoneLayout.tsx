/**
 * The phone layout: a one-line header (brand, the scenario's title, the Panels button), the
 * diagram (or the compare view) and the step controls filling the screen; everything else in
 * the panels drawer. What is behind the open drawer is inert. While a model is edited, the
 * editor shares the screen with the diagram, below it.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/index';
import { AuthoredBanner } from '../authoring/AuthoredBanner';
import { EditorPane } from '../authoring/LazyEditorPane';
import { ControlsBar } from '../controls/ControlsBar';
import { useScenario } from '../hooks';
import { DiagramPane } from '../panels/DiagramPane';
import { Brand } from './HeaderActions';
import { Notices } from './Notices';
import { useAfterFirstPaint } from './useAfterFirstPaint';

// The drawer (hidden until opened) loads after the first paint.
const PanelDrawer = lazy(() => import('./PanelDrawer').then((m) => ({ default: m.PanelDrawer })));
// The compare view loads when first shown, as on a wide screen (see App.tsx).
const ComparePane = lazy(() =>
  import('../compare/ComparePane').then((m) => ({ default: m.ComparePane })),
);

/** Returns the app on a phone. */
export function PhoneLayout({ comparing }: { comparing: boolean }) {
  const scenario = useScenario();
  const [open, setOpen] = useState(false);
  const editing = useAppStore((s) => s.editor.open && !comparing);
  // Opening the editor (New incident, from the drawer) shows it: the drawer closes.
  const [wasEditing, setWasEditing] = useState(editing);
  if (editing !== wasEditing) {
    setWasEditing(editing);
    if (editing) setOpen(false);
  }
  const painted = useAfterFirstPaint();
  const button = useRef<HTMLButtonElement>(null);
  // Closing the drawer gives focus back to its button (once the page behind is no longer inert).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <div className="app app-phone">
      <header className="header phone-header" inert={open ? '' : undefined}>
        <Brand />
        <h1 className="phone-title" title={scenario.title}>
          {scenario.title}
        </h1>
        <button
          type="button"
          className="btn"
          ref={button}
          data-testid="drawer-open"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls="panels-drawer"
          onClick={() => setOpen(true)}
        >
          <span aria-hidden="true">☰</span> Panels
        </button>
      </header>
      <div className="phone-inert" inert={open ? '' : undefined}>
        <Notices />
        <AuthoredBanner />
      </div>
      <main
        className={
          comparing
            ? 'workspace workspace-compare'
            : editing
              ? 'workspace workspace-authoring'
              : 'workspace'
        }
        inert={open ? '' : undefined}
      >
        {comparing ? (
          <Suspense fallback={null}>
            <ComparePane />
          </Suspense>
        ) : (
          <DiagramPane />
        )}
        {editing && (
          <div className="column column-editor">
            <EditorPane />
          </div>
        )}
      </main>
      <div className="phone-inert" inert={open ? '' : undefined}>
        <ControlsBar />
      </div>
      {(painted || open) && (
        <Suspense fallback={null}>
          <PanelDrawer open={open} comparing={comparing} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
