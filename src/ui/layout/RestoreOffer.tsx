/**
 * The offer to restore earlier work that autosave kept (after a fresh start or opening a
 * shared link): the newest kept session, with Restore and Not now.
 */
import { useState } from 'react';
import { useAppStore } from '../../store/index';

function when(savedAt: number): string {
  if (!savedAt) return '';
  const date = new Date(savedAt);
  return ` (saved ${date.toLocaleDateString()} ${date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })})`;
}

/** Returns the restore bar, or nothing when there is nothing to offer or it was dismissed. */
export function RestoreOffer() {
  const offer = useAppStore((s) => s.restoreOffer);
  const [dismissed, setDismissed] = useState(false);
  const saved = offer[0];
  if (!saved || dismissed) return null;
  return (
    <div className="restore-offer" role="region" aria-label="Restore" data-testid="restore-offer">
      <span>
        Your earlier work is kept: <strong>{saved.label}</strong>, {saved.steps}{' '}
        {saved.steps === 1 ? 'step' : 'steps'}
        {when(saved.savedAt)}
        {offer.length > 1 ? ` and ${offer.length - 1} more` : ''}.
      </span>
      <button
        type="button"
        className="btn btn-strong"
        data-testid="restore-button"
        // Autosave, which made the offer, is loaded already.
        onClick={() => void import('./autosaveSync').then((m) => m.restoreSession(saved))}
      >
        Restore
      </button>
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="restore-dismiss"
        onClick={() => setDismissed(true)}
      >
        Not now
      </button>
    </div>
  );
}
