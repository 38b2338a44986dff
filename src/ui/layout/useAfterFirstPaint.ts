/**
 * Whether the page's first frame has been painted: the columns beside the diagram are drawn
 * in the task after it, so the first style and layout (the diagram, the header, the controls)
 * and the second (the side columns) are two short tasks rather than one long one.
 */
import { startTransition, useEffect, useState } from 'react';

/** Most the second pass waits, should frames not come (a page in the background). */
const AT_MOST_MS = 200;

/** Returns false on the first render, then true from the task after the first paint. */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    // As a transition: React builds what the second pass adds in slices, yielding between them.
    const done = () => startTransition(() => setPainted(true));
    const channel = new MessageChannel();
    channel.port1.onmessage = done;
    // The frame's callbacks run before its paint; the message, in a task after it.
    const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
    const timer = window.setTimeout(done, AT_MOST_MS);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      channel.port1.onmessage = null;
    };
  }, [painted]);
  return painted;
}
