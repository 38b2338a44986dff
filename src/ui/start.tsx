/**
 * The start-up shared by the app and the embed view: the root, then the view's code and what
 * must be at hand before its first render (a linked scenario's model, a link opened), a yield
 * to the browser, and the first render as a transition. Each of these is its own task, so
 * loading never holds the main thread in one long task.
 */
import { startTransition, StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './layout/ErrorBoundary';

export interface StartOptions {
  /** The view's top component, fetched and evaluated in a task of its own. */
  readonly view: () => Promise<ComponentType>;
  /** What must be done before the first render (it may fail: the view says so then). */
  readonly before?: (() => Promise<unknown>) | undefined;
}

/** Resolves in a later task, after the browser has had a turn (input, paint). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Mounts the view in `#root` once it and `before` are ready. */
export async function start({ view, before }: StartOptions): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('Missing #root element');
  const root = createRoot(container);
  const [View] = await Promise.all([view(), before?.().catch(() => null)]);
  await nextTask();
  // The first render as a transition: React yields to the browser between pieces of work, so
  // building the page does not hold the main thread in one long task.
  startTransition(() =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <View />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
}
