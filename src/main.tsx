import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadScenario, needsLoading } from './scenarios/catalog';
import { scenarioIdOfLink } from './share/link';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/layout/ErrorBoundary';
import './ui/styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

const root = createRoot(container);
// The first render as a transition: React yields to the browser between pieces of work, so
// building the app does not hold the main thread in one long task.
const render = () =>
  startTransition(() =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );

// A link to another built-in scenario: its model first, so the first diagram is the linked one.
const linked = scenarioIdOfLink(window.location.hash) ?? '';
if (needsLoading(linked))
  void loadScenario(linked)
    .catch(() => null)
    .then(render);
else render();
