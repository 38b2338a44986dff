/**
 * Short labels for the diagram (`SET v1`, `miss`, `hit v1`) and accessible names for the
 * enabled steps. Full sentences belong to the narrative; these stay a few words. Pure.
 */
import type { Json, Message, Model, Step } from '../engine/types';
import type { ScenarioDef } from '../scenarios/types';

const MAX_LABEL = 26;

/** A hot value (`value|expiry|delta`, src/actors/hotReader.ts): its label is the value. */
const HOT_VALUE = /^(.+)\|-?[\d.e+]+\|-?[\d.e+]+$/;

function scalar(value: Json | undefined): string | null {
  if (typeof value === 'string') return HOT_VALUE.exec(value)?.[1] ?? value;
  return typeof value === 'number' ? String(value) : null;
}

/** Returns `text` cut to `max` characters with an ellipsis. Pure. */
export function clip(text: string, max = MAX_LABEL): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function leaseNote(message: Message): string {
  const lease = message.payload.lease;
  if (typeof lease !== 'number') return '';
  return lease < 0 ? ' (no lease)' : ` lease ${lease}`;
}

/** Payload fields that best name what a message is about, most telling first. */
const REQUEST_FIELDS = ['value', 'verdict', 'key', 'table', 'user', 'userId', 'engine', 'request'];
const REPLY_FIELDS = ['value', 'verdict', 'user', 'engine'];

function subjectOf(message: Message, fields: readonly string[]): string | null {
  for (const field of fields) {
    const value = scalar(message.payload[field]);
    if (value !== null) return value;
  }
  return null;
}

/** SCREAMING_SNAKE protocol words read as lower-case words in a reply; names (e.g. exceptions) stay. */
function replyWord(type: string): string {
  return /^[A-Z0-9_]+$/.test(type) ? type.toLowerCase().replace(/_/g, ' ') : type;
}

/**
 * Returns a short label for a message: a request as its type and what it is about (`SET v1`,
 * `GET user:1`), a reply as a lower-case word with its value (`miss`, `hit v1`, `not stored`).
 * Pure.
 */
export function messageLabel(message: Message): string {
  if (message.reply) {
    const value = subjectOf(message, REPLY_FIELDS);
    return clip(
      `${replyWord(message.type)}${value !== null ? ` ${value}` : ''}${leaseNote(message)}`,
    );
  }
  const subject = subjectOf(message, REQUEST_FIELDS);
  return clip(`${message.type}${subject !== null ? ` ${subject}` : ''}${leaseNote(message)}`);
}

/** Returns a function giving each actor's display label. Pure. */
export function actorLabels(model: Model): (actor: string) => string {
  const labels = new Map(model.actors.map((a) => [a.id, a.label]));
  return (actor) => labels.get(actor) ?? actor;
}

/** Returns the scenario's full sentence for a message, for tooltips. Pure. */
export function messageTitle(
  scenario: ScenarioDef,
  message: Message,
  label: (actor: string) => string,
): string {
  const says = scenario.phrases[message.type];
  return says
    ? says(message, label)
    : `${label(message.from)} → ${label(message.to)}: ${message.type}`;
}

/** Returns the accessible name of a ghost arrow, e.g. `Deliver SET v1 from Reader to Cache next`. Pure. */
export function stepAriaLabel(step: Step, label: (actor: string) => string): string {
  if (step.kind === 'deliver') {
    const m = step.message;
    return `Deliver ${messageLabel(m)} from ${label(m.from)} to ${label(m.to)} next`;
  }
  if (step.kind === 'timer') {
    return `Fire ${label(step.timer.owner)}'s ${step.timer.name} timer next`;
  }
  if (step.message) {
    const m = step.message;
    return `Drop ${messageLabel(m)} from ${label(m.from)} to ${label(m.to)} next`;
  }
  return `Inject fault next: ${step.fault.label}`;
}

/** Returns `key` made safe for an attribute such as `data-testid` (`reader->cache` → `reader--cache`). Pure. */
export function safeKey(key: string): string {
  return key.replace(/->/g, '--').replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Splits `text` into lines of at most `width` characters, at spaces where possible. Pure. */
export function wrap(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => clip(l, width));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = clip(`${kept[maxLines - 1] ?? ''} …`, width);
  return kept.map((l) => clip(l, width));
}
