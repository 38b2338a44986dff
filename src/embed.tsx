import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadScenario, needsLoading } from './scenarios/catalog';
import { scenarioIdOfLink } from './share/link';
import { EmbedApp } from './ui/embed/EmbedApp';
import { ErrorBoundary } from './ui/layout/ErrorBoundary';
import './ui/styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

const render = () =>
  createRoot(container).render(
    <StrictMode>
      <ErrorBoundary>
        <EmbedApp />
      </ErrorBoundary>
    </StrictMode>,
  );

// The linked scenario's model first, so the diagram shown is the linked one from the start.
const linked = scenarioIdOfLink(window.location.hash) ?? '';
if (needsLoading(linked))
  void loadScenario(linked)
    .catch(() => null)
    .then(render);
else render();
