/**
 * Messages in flight per channel and pending timers, in the world at the cursor. Messages
 * sent by the step just taken are highlighted.
 */
import type { Json, World } from '../../engine/types';
import { scalarText } from './JsonView';

function payloadText(payload: { readonly [key: string]: Json }): string {
  return Object.entries(payload)
    .map(([k, v]) => `${k} ${scalarText(v)}`)
    .join(' · ');
}

/** Returns the in-flight section. */
export function InFlight({
  world,
  previous,
  label,
}: {
  world: World;
  previous: World | undefined;
  label: (id: string) => string;
}) {
  const channels = Object.entries(world.channels).filter(([, queue]) => queue.length > 0);
  const before = new Set(
    Object.values(previous?.channels ?? {}).flatMap((q) => q.map((m) => m.id)),
  );
  return (
    <div className="inflight" data-testid="in-flight">
      <h3 className="inspector-sub">In flight</h3>
      {channels.length === 0 && world.timers.length === 0 && (
        <p className="muted">No messages in flight.</p>
      )}
      <ul className="channel-list">
        {channels.map(([key, queue]) => (
          <li key={key} className="channel">
            <span className="channel-name">
              {label(queue[0]?.from ?? '')} → {label(queue[0]?.to ?? '')}
            </span>
            <span className="channel-queue">
              {queue.map((m) => (
                <span
                  key={m.id}
                  className={before.has(m.id) ? 'msg' : 'msg is-changed'}
                  title={m.id}
                >
                  <strong>{m.type}</strong> {payloadText(m.payload)}
                </span>
              ))}
            </span>
          </li>
        ))}
        {world.timers.map((t) => (
          <li key={`${t.owner}/${t.name}`} className="channel">
            <span className="channel-name">⏱ {label(t.owner)}</span>
            <span className="channel-queue">
              <span className="msg">
                {t.name} at t={t.due}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
