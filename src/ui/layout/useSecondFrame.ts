/**
 * Whether the page's first frame has been drawn: the first commit holds the diagram and what
 * it needs (the header's scenario, the step buttons); the parts of the shell no first look
 * needs (the header's actions, the controls after the step buttons, the diagram's legend) are
 * mounted in the task after that frame, so the first frame's style, layout and first-use font
 * work is split over two frames.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';

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

/**
 * Calls `run` once, in the task after the next frame (or after `atMostMs`, should frames not
 * come); returns what cancels it.
 */
export function afterNextFrame(run: () => void, atMostMs = AT_MOST_MS): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancel();
    run();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = once;
  // The frame's callbacks run before its paint; the message, in a task after it.
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const timer = window.setTimeout(once, atMostMs);
  function cancel() {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    channel.port1.onmessage = null;
  }
  return () => {
    done = true;
    cancel();
  };
}

/** Shows the second part in the task after the next frame (once, whoever asks first). */
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  afterNextFrame(show);
}

/**
 * Returns false until a frame has been drawn after `ready` became true, then true: a part of
 * the page mounted a frame after the one before it.
 */
export function useFrameAfter(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    return afterNextFrame(() => setAfter(true));
  }, [ready, after]);
  return after;
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
