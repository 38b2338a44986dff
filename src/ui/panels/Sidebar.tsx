/**
 * The left column: the fixes, the exploration results and the model parameters.
 */
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
    </aside>
  );
}
