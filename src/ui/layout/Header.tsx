/**
 * The header: brand, scenario picker with the current title and story, the compare toggle,
 * Present, Export, Copy link, the theme and help.
 */
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';
import { ExportMenu } from '../export/ExportMenu';
import { CopyLinkButton } from './CopyLinkButton';
import { ScenarioPicker } from './ScenarioPicker';
import { ThemeToggle } from './ThemeToggle';

/** Returns the app header. */
export function Header() {
  const scenario = useScenario();
  const setHelp = useAppStore((s) => s.setHelp);
  const comparing = useAppStore((s) => s.compareFix !== null);
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const setPresenting = useAppStore((s) => s.setPresenting);
  return (
    <header className="header">
      <div className="brand" aria-label="Interleave">
        <span className="brand-mark" aria-hidden="true">
          <span />
          <span />
        </span>
        <span className="brand-name">Interleave</span>
      </div>
      <div className="header-scenario">
        <ScenarioPicker />
        <p className="header-story" title={scenario.story}>
          {scenario.story}
        </p>
      </div>
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
    </header>
  );
}
