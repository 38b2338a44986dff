import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EmbedApp } from './ui/embed/EmbedApp';
import { ErrorBoundary } from './ui/layout/ErrorBoundary';
import './ui/styles/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <EmbedApp />
    </ErrorBoundary>
  </StrictMode>,
);
