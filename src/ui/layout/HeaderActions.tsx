/**
 * The app's actions: the compare toggle, the Load lab, Present, Export, Copy link, the theme
 * and help. In the header on a wide screen, in the panels drawer on a phone.
 */
import { useAppStore } from '../../store/index';
import { ExportMenu } from '../export/ExportMenu';
import { CopyLinkButton } from './CopyLinkButton';
import { ThemeToggle } from './ThemeToggle';

/** Returns the brand: the mark and the name. */
export function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        <span />
        <span />
      </span>
      <span className="brand-name">Interleave</span>
    </div>
  );
}

/** Returns the action buttons. */
export function HeaderActions() {
  const setHelp = useAppStore((s) => s.setHelp);
  const comparing = useAppStore((s) => s.compareFix !== null);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setPresenting = useAppStore((s) => s.setPresenting);
  return (
    <div className="header-actions">
      <button
        type="button"
        className="btn"
        data-testid="compare-toggle"
        aria-pressed={comparing}
        title="Compare this run under two fixes, side by side (C)"
        onClick={toggleCompare}
      >
        {comparing ? 'Close compare' : 'Compare'}
      </button>
      <a
        className="btn"
        href="load.html"
        title="Many clients over time: stampede, invalidation storm…"
      >
        Load lab
      </a>
      <button
        type="button"
        className="btn"
        data-testid="present-toggle"
        title="Present this run full screen, step by step (P)"
        onClick={() => setPresenting(true)}
      >
        Present
      </button>
      <ExportMenu />
      <CopyLinkButton />
      <ThemeToggle />
      <button
        type="button"
        className="btn btn-ghost btn-icon"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setHelp(true)}
      >
        ?
      </button>
    </div>
  );
}
