import { hasLink } from './share/address';
import { start } from './ui/start';
import './ui/styles/index.css';

// A link in the address is opened before the first render, so the first diagram is the
// linked one (the model, which replays its run, is fetched meanwhile); the address sync and
// autosave start after it.
void start({
  view: () => import('./ui/App').then((m) => m.App),
  before: hasLink(window.location.hash)
    ? () =>
        Promise.all([
          import('./ui/layout/urlSync'),
          import('./store/model').then((m) => m.loadModel()),
        ]).then(([m]) => m.openAddress())
    : undefined,
});
