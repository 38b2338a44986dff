/**
 * The race Find the race found before the counts: how long it is, whether it is proven the
 * shortest, and (when the pinned run is another one) a button to pin it. Says nothing of counts.
 */
import type { RaceFound } from '../../store/index';
import { useAppStore } from '../../store/index';

/**
 * Returns the line for a race found before the counts; `running` while the search goes on,
 * `pinned` when the race is the pinned run. Pure.
 */
export function raceLine(race: RaceFound, running: boolean, pinned: boolean): string {
  const found = `${pinned ? 'pinned on the diagram, ' : ''}found in ${(race.ms / 1000).toFixed(1)} s`;
  if (!race.schedule) {
    return race.shortest
      ? 'No interleaving causes harm: every reachable state was searched.'
      : 'No race found yet.';
  }
  const steps = `${race.schedule.length} step${race.schedule.length === 1 ? '' : 's'}`;
  if (race.shortest) return `Shortest race: ${steps} (${found}).`;
  const why = race.stoppedMessage
    ? `; not known to be the shortest: ${race.stoppedMessage}`
    : race.searching && running
      ? '; looking for the shortest…'
      : '; not known to be the shortest';
  return `A race in ${steps} (${found})${why}${why.endsWith('…') ? '' : '.'}`;
}

/** Returns the race line, with a button to pin the race when another run is pinned. */
export function RaceLine({ race, running }: { race: RaceFound; running: boolean }) {
  const pinned = useAppStore((s) => s.schedule);
  const loadSchedule = useAppStore((s) => s.loadSchedule);
  const { schedule, run } = race;
  const full = run ?? schedule;
  const shown =
    full !== null && full.length === pinned.length && full.every((k, i) => k === pinned[i]);
  return (
    <p
      className={`explore-line is-${schedule ? 'bad' : 'good'}`}
      data-testid="explore-race"
      data-shortest={race.shortest ? 'true' : 'false'}
      data-steps={schedule?.length ?? ''}
    >
      {raceLine(race, running, shown)}
      {schedule && full && !shown && (
        <>
          {' '}
          <button
            type="button"
            className="btn btn-small"
            data-testid="pin-race"
            onClick={() => loadSchedule(full, schedule.length)}
          >
            Pin it
          </button>
        </>
      )}
    </p>
  );
}
