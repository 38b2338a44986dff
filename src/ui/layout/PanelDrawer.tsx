/**
 * The phone's panels drawer: the scenario picker, the app's actions, and (outside compare) the
 * fixes, exploration, parameters, narrative and inspector, in a modal dialog that slides over
 * the diagram. It stays mounted while closed (hidden), so the panels keep their state; while
 * open, focus is kept inside, and Esc or the close button close it (the phone layout gives
 * focus back to the button that opened it).
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';
import { Sidebar, StoryPanels } from '../panels/LazyColumns';
import { HeaderActions } from './HeaderActions';
import { ScenarioPicker } from './ScenarioPicker';
import { useFocusTrap } from './useFocusTrap';

interface PanelDrawerProps {
  readonly open: boolean;
  readonly comparing: boolean;
  readonly onClose: () => void;
}

/** Returns the drawer (hidden while closed). */
export function PanelDrawer({ open, comparing, onClose }: PanelDrawerProps) {
  const scenario = useScenario();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const helpOpen = useAppStore((s) => s.helpOpen);
  // Focus stays inside while open (the help overlay, opened from here, keeps its own).
  useFocusTrap(ref, open && !helpOpen, false);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  /**
   * Esc closes the drawer, unless a menu inside it is open (the menu closes first). Other keys
   * stay in the drawer: the app's shortcuts do not act behind a modal.
   */
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Tab') return;
    if (event.key === 'Escape') {
      event.preventDefault();
      // The picker's menu may still be loading: its button says whether it is open.
      const menu = ref.current?.querySelector('.picker-button[aria-expanded="true"], .export-menu');
      if (!menu) onClose();
      return;
    }
    event.stopPropagation();
  };
  return (
    <>
      <div className="drawer-backdrop" hidden={!open} onClick={onClose} />
      <div
        className="drawer"
        id="panels-drawer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="drawer-title"
        data-testid="drawer"
        hidden={!open}
        ref={ref}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="drawer-head">
          <h2 id="drawer-title" className="drawer-title">
            Panels
          </h2>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            ref={close}
            data-testid="drawer-close"
            aria-label="Close panels"
            title="Close (Esc)"
            onClick={onClose}
          >
            ✕
          </button>
        </div>
        <div className="drawer-body">
          <section className="card drawer-scenario" aria-label="Scenario">
            <h3 className="card-title">Scenario</h3>
            <ScenarioPicker heading={false} />
            <p className="drawer-story">{scenario.story}</p>
          </section>
          <HeaderActions />
          {!comparing && (
            <>
              <Sidebar />
              <div className="column column-right">
                <StoryPanels />
              </div>
            </>
          )}
        </div>
      </div>
    </>
  );
}
