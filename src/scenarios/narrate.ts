/**
 * Plain-words narrative for steps and violations. Pure.
 */
import type { Model, Message, StepRecord, Violation, World } from '../engine/types';
import type { Trace } from '../engine/replay';
import type { ScenarioDef } from './types';

/** Returns a function giving each actor's display label. Pure. */
export function labeller(model: Model): (actor: string) => string {
  const labels = new Map(model.actors.map((a) => [a.id, a.label]));
  return (actor) => labels.get(actor) ?? actor;
}

function phrase(scenario: ScenarioDef, message: Message, label: (a: string) => string): string {
  const says = scenario.phrases[message.type];
  return says
    ? says(message, label)
    : `${label(message.from)} → ${label(message.to)}: ${message.type}`;
}

/** Returns the sentence describing one step. Pure. */
export function describeStep(
  scenario: ScenarioDef,
  model: Model,
  record: StepRecord,
  before: World,
  after: World,
): string {
  const label = labeller(model);
  const custom = scenario.describe?.(record, before, after, label);
  if (custom) return custom;
  if (record.kind === 'timer' && record.timer) {
    const { command, key, took } = record.timer.payload;
    if (typeof command === 'string' && typeof took === 'number') {
      // The end of a command a queued cache served: what it took, and the replies it sends.
      const what = typeof key === 'string' ? `${command} ${key}` : command;
      const done = `${label(record.timer.owner)} finishes ${what} (${took} tick${took === 1 ? '' : 's'}) at t=${record.clockAfter}`;
      const replies = record.delivered.map(
        (m) => `${label(m.to)} hears back: ${phrase(scenario, m, label)}`,
      );
      return [done, ...replies].join('; ');
    }
    return `${label(record.timer.owner)}'s ${record.timer.name} timer fires at t=${record.clockAfter}`;
  }
  if (record.kind === 'fault') {
    const fault = model.faults.find((f) => f.id === record.fault);
    const dropped = record.dropped[0];
    if (dropped) return `Fault: ${phrase(scenario, dropped, label)} — the message is lost`;
    return `Fault: ${fault?.label ?? record.fault ?? 'injected'}`;
  }
  const parts: string[] = [];
  for (const message of record.delivered) {
    if (message.reply)
      parts.push(
        parts.length > 0
          ? phrase(scenario, message, label)
          : `${label(message.to)} hears back from ${label(message.from)}: ${phrase(scenario, message, label)}`,
      );
    else parts.push(phrase(scenario, message, label));
  }
  return parts.length > 0 ? parts.join(': ') : record.key;
}

/**
 * Names the critical reordering behind a step violation: the message that caused it, and the
 * latest earlier message from another actor to the same receiver that it should have preceded.
 * Returns null when the violation concerns the end of the run or no such pair exists. Pure.
 */
export function criticalReordering(
  trace: Trace,
  violation: Violation,
  model: Model,
): string | null {
  const label = labeller(model);
  const record = trace.records[violation.step];
  const culprit = record?.delivered.find((m) => !m.reply);
  if (!record || !culprit) return null;
  for (let i = violation.step - 1; i >= 0; i--) {
    const earlier = trace.records[i]?.delivered.find(
      (m) => !m.reply && m.to === culprit.to && m.from !== culprit.from,
    );
    if (earlier) {
      return `the ${culprit.type} from ${label(culprit.from)} landed after the ${earlier.type} from ${label(earlier.from)}`;
    }
  }
  return null;
}
