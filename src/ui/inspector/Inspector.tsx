/**
 * The state inspector: the world at the cursor — clock, every actor's state value and context,
 * in-flight messages and timers — with what the last step changed highlighted.
 */
import { labeller } from '../../scenarios/narrate';
import { useModel, useShownCursor, useTrace } from '../hooks';
import { ActorCard } from './ActorCard';
import { InFlight } from './InFlight';

/** Returns the inspector panel. */
export function Inspector() {
  const model = useModel();
  const trace = useTrace();
  const cursor = useShownCursor();
  const world = trace.worlds[Math.min(cursor, trace.worlds.length - 1)];
  const previous = cursor > 0 ? trace.worlds[cursor - 1] : undefined;
  if (!world) return null;
  const label = labeller(model);
  return (
    <section className="card inspector" aria-label="State inspector" data-testid="inspector">
      <div className="inspector-head">
        <h2 className="card-title">State</h2>
        <span className="clock">t = {world.clock}</span>
      </div>
      <div className="inspector-scroll" tabIndex={0} aria-label="State of every actor (scrolls)">
        <div className="actors">
          {model.actors.map((a) => {
            const state = world.actors[a.id];
            return state ? (
              <ActorCard
                key={a.id}
                id={a.id}
                label={a.label}
                state={state}
                previous={previous?.actors[a.id]}
                clock={world.clock}
                input={a.input}
              />
            ) : null;
          })}
        </div>
        <InFlight world={world} previous={previous} label={label} />
      </div>
    </section>
  );
}
