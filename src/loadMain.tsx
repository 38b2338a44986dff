import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './ui/layout/ErrorBoundary';
import { LoadLab } from './ui/load/LoadLab';
import './ui/styles/index.css';
import './ui/styles/load.css';
import { applyTheme, savedTheme } from './ui/theme';

// The Load lab is drawn in the theme picked in the app.
applyTheme(savedTheme());

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <LoadLab />
    </ErrorBoundary>
  </StrictMode>,
);
