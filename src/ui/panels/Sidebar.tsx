/**
 * The left column: the fixes, the exploration results, the model parameters and the way into
 * authoring your own incident.
 */
import { AuthorCard } from '../authoring/AuthorCard';
import { ExplorePanel } from './ExplorePanel';
import { FixToggles } from './FixToggles';
import { ModelParams } from './ModelParams';

/** Returns the setup column. */
export function Sidebar() {
  return (
    <aside className="column column-left" aria-label="Scenario setup">
      <FixToggles />
      <ExplorePanel />
      <ModelParams />
      <AuthorCard />
    </aside>
  );
}
