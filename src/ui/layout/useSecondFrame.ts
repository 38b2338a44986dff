/**
 * Whether the page's first frame has been drawn: the first commit holds the diagram and what
 * it needs (the header's scenario, the step buttons); the parts of the shell no first look
 * needs (the header's actions, the controls after the step buttons, the diagram's legend) are
 * mounted in the task after that frame, so the first frame's style, layout and first-use font
 * work is split over two frames.
 */
import { useEffect, useSyncExternalStore } from 'react';

/** Most the second part waits, should frames not come (a page in the background). */
const AT_MOST_MS = 100;

let shown = false;
let scheduled = false;
const listeners = new Set<() => void>();

function show(): void {
  if (shown) return;
  shown = true;
  for (const listener of listeners) listener();
}

/** Shows the second part in the task after the next frame (once, whoever asks first). */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = show;
  // The frame's callbacks run before its paint; the message, in a task after it.
  requestAnimationFrame(() => channel.port2.postMessage(null));
  window.setTimeout(show, AT_MOST_MS);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isShown = () => shown;

/** Returns false until the page's first frame has been drawn, then true. */
export function useSecondFrame(): boolean {
  useEffect(schedule, []);
  return useSyncExternalStore(subscribe, isShown, isShown);
}
