import { loadScenario, needsLoading } from './scenarios/catalog';
import { scenarioIdOfLink } from './share/address';
import { loadModel } from './store/model';
import { start } from './ui/start';
import './ui/styles/index.css';

// The model and the linked scenario's model first, so the diagram shown is the linked one from
// the start.
const linked = scenarioIdOfLink(window.location.hash) ?? '';
void start({
  view: () => import('./ui/embed/EmbedApp').then((m) => m.EmbedApp),
  before: () => Promise.all([loadModel(), needsLoading(linked) ? loadScenario(linked) : null]),
});
