/**
 * Whether the page's first frame has been painted and the model has loaded (it is fetched
 * after that frame: the first one is drawn from the first run computed at build time): the
 * columns beside the diagram are drawn then, so the first style and layout (the diagram, the
 * header, the controls) and the second (the side columns) are two short tasks rather than one
 * long one.
 */
import { startTransition, useEffect, useState } from 'react';
import { loadModel } from '../../store/index';
import { afterNextFrame, useSecondFrame } from './useSecondFrame';

/** Most the second pass waits, should frames not come (a page in the background). */
const AT_MOST_MS = 200;

/**
 * Returns false on the first render, then true once the model, fetched in the task after the
 * page's second frame, has loaded.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  // From the page's second frame (the rest of the shell), so that the side columns come in a
  // frame after it.
  const second = useSecondFrame();
  useEffect(() => {
    if (painted || !second) return;
    // As a transition: React builds what the second pass adds in slices, yielding between them.
    const show = () => startTransition(() => setPainted(true));
    // In the task after the next frame. A model that fails to load leaves the second pass out
    // (an action retries the load).
    return afterNextFrame(() => void loadModel().then(show, () => undefined), AT_MOST_MS);
  }, [painted, second]);
  return painted;
}
