/**
 * The open `?` overlay: keyboard shortcuts and how to read the app; focus stays inside it.
 * Loaded on demand by HelpOverlay.
 */
import { useRef } from 'react';
import { useAppStore } from '../../store/index';
import { useFocusTrap } from './useFocusTrap';

const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['→', 'Step forward'],
  ['←', 'Step back (exact time travel)'],
  ['Space', 'Play / pause'],
  ['Home / End', 'Go to the start / the end of the schedule'],
  ['R', 'Randomize the rest of the schedule'],
  ['F', 'Find the race (explore every interleaving)'],
  ['C', 'Compare: this run under two fixes, side by side'],
  ['P', 'Present: the diagram full screen, step by step (←/→ reveal, N notes, Esc leaves)'],
  ['Ctrl / ⌘ + Z', 'Undo: restore your previous run (after Find the race or a new choice)'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Close this help, cancel Find the race, or close compare'],
];

/** The open overlay, with focus kept inside it. */
export function HelpCard() {
  const setHelp = useAppStore((s) => s.setHelp);
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);
  return (
    <div className="overlay" onClick={() => setHelp(false)}>
      <div
        className="overlay-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        data-testid="help-overlay"
        ref={ref}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="overlay-hint">
          Each arrow on the diagram is a message. Dashed arrows are what could happen next: click
          one to choose the order. <strong>Find the race</strong> searches every order for a failing
          one.
        </p>
        <p className="overlay-hint">
          The red strip under the timeline is the chance, after each step, that the rest of the run
          ends in harm if every next step is picked at random; the dark mark is the point of no
          return, after which harm is certain.
        </p>
        <button type="button" className="btn btn-primary" onClick={() => setHelp(false)} autoFocus>
          Got it
        </button>
      </div>
    </div>
  );
}
