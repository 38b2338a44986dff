/**
 * The notice region: bad links, schedules that diverge under a new fix, and other messages.
 * A refused link is shown as text with a button that copies it, so it can be reported.
 */
import { lazy, Suspense, useState } from 'react';
import { useAppStore, type Notice } from '../../store/index';

// The offer is made after the first paint, when autosave finds kept work.
const RestoreOffer = lazy(() =>
  import('./RestoreOffer').then((m) => ({ default: m.RestoreOffer })),
);

/** Returns a button that copies `link`, saying whether it worked. */
function CopyRefusedLink({ link }: { link: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="notice-link">
      <code className="notice-link-text" data-testid="refused-link">
        {link.length > 160 ? `${link.slice(0, 160)}…` : link}
      </code>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        {state === 'copied'
          ? 'Copied'
          : state === 'failed'
            ? 'Copy failed: select the text'
            : 'Copy the link you opened'}
      </button>
    </span>
  );
}

function NoticeRow({ notice, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  return (
    <div className={`notice notice-${notice.kind}`} data-testid={`notice-${notice.kind}`}>
      <span className="notice-icon" aria-hidden="true">
        {notice.kind === 'error' ? '!' : 'i'}
      </span>
      <span className="notice-text">
        {notice.text}
        {notice.link !== undefined && <CopyRefusedLink link={notice.link} />}
      </span>
      <button
        type="button"
        className="notice-close"
        aria-label="Dismiss"
        onClick={() => dismiss(notice.id)}
      >
        ×
      </button>
    </div>
  );
}

/** Returns the list of current notices (an ARIA live region) and the offer to restore. */
export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  const offered = useAppStore((s) => s.restoreOffer.length > 0);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <NoticeRow key={n.id} notice={n} dismiss={dismiss} />
      ))}
      {offered && (
        <Suspense fallback={null}>
          <RestoreOffer />
        </Suspense>
      )}
    </div>
  );
}
