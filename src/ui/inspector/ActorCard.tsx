/**
 * One actor in the inspector: its label, xstate state value and status, and its context.
 */
import type { ActorState, Json } from '../../engine/types';
import { changedPaths } from './diff';
import { JsonView, scalarText } from './JsonView';

interface ActorCardProps {
  readonly id: string;
  readonly label: string;
  readonly state: ActorState;
  readonly previous: ActorState | undefined;
  readonly clock: number;
  /** The actor's input: context fields still equal to it are configuration, shown compactly. */
  readonly input: Json;
}

/** Splits a context into unchanged input fields (configuration) and the rest. Pure. */
export function splitContext(context: Json, input: Json): { config: [string, Json][]; live: Json } {
  const isRecord = (v: Json): v is { [key: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(context) || !isRecord(input)) return { config: [], live: context };
  const config: [string, Json][] = [];
  const live: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(context)) {
    const same = key in input && JSON.stringify(input[key]) === JSON.stringify(value);
    if (same && (value === null || typeof value !== 'object')) config.push([key, value]);
    else live[key] = value;
  }
  return { config, live };
}

/** Returns the state value as text: `a` or `a.b` for nested states. Pure. */
export function stateText(value: ActorState['value']): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k}.${stateText(v)}`)
      .join(', ');
  }
  return scalarText(value);
}

/** Returns the card for one actor. */
export function ActorCard({ id, label, state, previous, clock, input }: ActorCardProps) {
  const { config, live } = splitContext(state.context, input);
  const changed = previous ? changedPaths(previous.context, state.context) : new Set<string>();
  const valueChanged =
    previous !== undefined && stateText(previous.value) !== stateText(state.value);
  const touched = valueChanged || changed.size > 0;
  return (
    <article className={touched ? 'actor is-touched' : 'actor'} data-testid={`actor-${id}`}>
      <header className="actor-head">
        <span className="actor-label">{label}</span>
        <span
          className={valueChanged ? 'state-pill is-changed' : 'state-pill'}
          data-testid={`state-${id}`}
        >
          {stateText(state.value)}
        </span>
        {state.status !== 'active' && state.status !== state.value && (
          <span className="status">{state.status}</span>
        )}
      </header>
      {config.length > 0 && (
        <p className="actor-config" title="Configuration (unchanged input)">
          {config.map(([k, v]) => (
            <span key={k}>
              {k} <span className="actor-config-value">{scalarText(v)}</span>
            </span>
          ))}
        </p>
      )}
      <JsonView value={live} path="" changed={changed} clock={clock} />
    </article>
  );
}
