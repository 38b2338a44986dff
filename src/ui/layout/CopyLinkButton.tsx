/**
 * "Copy link": copies the page address (which always holds the exact state) and says so.
 * Falls back to showing the link selected when the clipboard is not available.
 */
import { useEffect, useState } from 'react';

/** Returns the Copy link button. */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), 1800);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="btn" data-testid="copy-link" onClick={() => void copy()}>
        {state === 'copied' ? '✓ Link copied' : 'Copy link'}
      </button>
      {state === 'manual' && (
        <div className="copy-link-manual" role="dialog" aria-label="Share link">
          <label>
            Copy this link
            <input
              readOnly
              value={window.location.href}
              onFocus={(e) => e.currentTarget.select()}
              autoFocus
            />
          </label>
          <button type="button" className="btn btn-ghost" onClick={() => setState('idle')}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
