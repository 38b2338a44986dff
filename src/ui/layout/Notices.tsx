/**
 * The notice region: bad links, schedules that diverge under a new fix, and other messages.
 */
import { useAppStore } from '../../store/index';

/** Returns the list of current notices (an ARIA live region). */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} data-testid={`notice-${n.kind}`}>
          <span className="notice-icon" aria-hidden="true">
            {n.kind === 'error' ? '!' : 'i'}
          </span>
          <span className="notice-text">{n.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
