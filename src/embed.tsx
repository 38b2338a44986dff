import { loadScenario, needsLoading } from './scenarios/catalog';
import { scenarioIdOfLink } from './share/address';
import { start } from './ui/start';
import './ui/styles/index.css';

// The linked scenario's model first, so the diagram shown is the linked one from the start.
const linked = scenarioIdOfLink(window.location.hash) ?? '';
void start({
  view: () => import('./ui/embed/EmbedApp').then((m) => m.EmbedApp),
  before: needsLoading(linked) ? () => loadScenario(linked) : undefined,
});
