import { hasLink } from './share/address';
import { start } from './ui/start';
import './ui/styles/index.css';

// A link in the address is opened before the first render, so the first diagram is the
// linked one; the address sync and autosave start after it.
void start({
  view: () => import('./ui/App').then((m) => m.App),
  before: hasLink(window.location.hash)
    ? () => import('./ui/layout/urlSync').then((m) => m.openAddress())
    : undefined,
});
