/**
 * Find the race: runs the exhaustive explorer in a worker; while it runs, Cancel.
 *
 * The two are keyed apart so that each is a button of its own: were one element reused, its
 * background would fade (the button transition) under the other's text colour, unreadable for
 * the length of the fade.
 */
import { useAppStore } from '../../store/index';
import { cancelExplore, findRace } from '../explore/onDemand';

/** Returns the Find the race / Cancel button. */
export function FindRaceButton() {
  const running = useAppStore((s) => s.explore.status === 'running');
  if (running) {
    return (
      <button
        key="cancel"
        type="button"
        className="btn btn-danger-ghost"
        data-testid="cancel-explore"
        onClick={cancelExplore}
      >
        <span className="spinner" aria-hidden="true" /> Cancel
      </button>
    );
  }
  return (
    <button
      key="find"
      type="button"
      className="btn btn-primary"
      data-testid="find-race"
      onClick={findRace}
      title="Explore every interleaving and load the shortest failing one (F)"
    >
      Find the race
    </button>
  );
}
