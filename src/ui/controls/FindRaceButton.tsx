/**
 * Find the race: runs the exhaustive explorer in a worker; while it runs, Cancel.
 */
import { useAppStore } from '../../store/index';
import { cancelExplore, findRace } from '../explore/onDemand';

/** Returns the Find the race / Cancel button. */
export function FindRaceButton() {
  const running = useAppStore((s) => s.explore.status === 'running');
  if (running) {
    return (
      <button
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
