import { hasLink, scenarioIdOfLink } from './share/address';
import './ui/styles/index.css';
import { applyTheme, savedTheme } from './ui/theme';

// The theme the visitor picked, before anything is drawn (the toggle comes a frame later).
applyTheme(savedTheme());

// A link in the address is opened before the first render, so the first diagram is the
// linked one: the code that opens it, the model (which replays its run) and the linked
// scenario's model are fetched side by side (the app's own chunks are preloaded by the page).
// The address sync and autosave start after the first render.
const openLink = async (): Promise<void> => {
  const scenario = scenarioIdOfLink(window.location.hash) ?? '';
  void import('./scenarios/catalog').then((m) => m.loadScenario(scenario)).catch(() => null);
  const { loadModelFor, openAddress } = await import('./ui/layout/openLink');
  await loadModelFor(scenario);
  await openAddress();
};
// The entry imports no React itself: it runs as soon as it arrives (not once React's DOM has
// been fetched and evaluated), so a link's own chunks are requested alongside the app's. A
// failure is handled at once (the start-up ignores it too: the view says so then).
const opening = hasLink(window.location.hash) ? openLink().catch(() => null) : null;
void import('./ui/start').then(({ start }) =>
  start({
    view: () => import('./ui/App').then((m) => m.App),
    before: opening ? () => opening : undefined,
  }),
);
