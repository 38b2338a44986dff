/**
 * The banner over an authored model: it says so, so nobody mistakes it for a verified
 * built-in scenario. The model's own words are shown as text only.
 */
import { isAuthoredId } from '../../scenarios/ids';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

/** Returns the banner, or nothing on a built-in scenario. */
export function AuthoredBanner() {
  const authored = useAppStore((s) => isAuthoredId(s.scenarioId));
  const editing = useAppStore((s) => s.editor.open);
  const openEditor = useAppStore((s) => s.openEditor);
  const text = useAppStore((s) => (s.authored?.id === s.scenarioId ? s.authored.text : null));
  const scenario = useScenario();
  if (!authored) return null;
  return (
    <div className="authored-banner" role="note" data-testid="authored-banner">
      <strong>authored model — not a built-in</strong>
      <span className="authored-banner-text">
        “{scenario.title}” was written by hand: its verdicts come from exploring it here, not from
        the verified scenarios.
      </span>
      {!editing && text !== null && (
        <button type="button" className="btn btn-small" onClick={() => openEditor(text)}>
          Edit the model
        </button>
      )}
    </div>
  );
}
