/**
 * The panels beside the diagram, in one chunk fetched after the first diagram: the setup
 * column, and the story and state (see LazyColumns).
 */
import { Inspector } from '../inspector/Inspector';
import { NarrativePanel } from './NarrativePanel';

export { Sidebar } from './Sidebar';

/** Returns the story and the state at the cursor, as the right column (or the drawer) holds. */
export function StoryPanels() {
  return (
    <>
      <NarrativePanel />
      <Inspector />
    </>
  );
}
