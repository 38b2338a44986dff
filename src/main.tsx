import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Placeholder entry point until the real app shell lands.
const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <h1>Interleave</h1>
  </StrictMode>,
);
