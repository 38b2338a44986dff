/**
 * A run as Mermaid `sequenceDiagram` text (pastes into GitHub, GitLab and Notion): one arrow
 * per delivered message, timers and faults as notes, each step's note, and each violation as
 * a note in a coloured block (red for the scenario's harm, slate for a diagnostic). User text
 * is escaped with Mermaid's entity codes, so it stays text. Pure.
 */
import type { Trace } from '../engine/replay';
import type { Message, Model } from '../engine/types';
import { describeStep, labeller } from '../scenarios/narrate';
import type { ScenarioDef } from '../scenarios/types';
import { messageLabel } from '../viz/labels';
import { notePairs, type Annotations } from './annotations';

export interface MermaidInput {
  readonly scenario: ScenarioDef;
  readonly model: Model;
  readonly trace: Trace;
  /** Steps to include (the cursor); all of them by default. */
  readonly upTo?: number;
  readonly fixLabel: string;
  readonly annotations?: Annotations;
}

/** Harm and diagnostic blocks' colours (Mermaid `rect`), matching the app's bands. */
const HARM_RGB = 'rgb(254, 226, 226)';
const DIAGNOSTIC_RGB = 'rgb(233, 238, 245)';

/** Mermaid entity codes for the characters that cannot appear as themselves. */
const ENTITIES: Readonly<Record<string, string>> = {
  '#': '#35;',
  ';': '#59;',
  '&': '#38;',
  '<': '#lt;',
  '>': '#gt;',
  '%': '#37;',
  '"': '#quot;',
  '{': '#123;',
  '}': '#125;',
};

/**
 * Returns `text` safe inside a Mermaid message or note: entity codes for the characters that
 * end a statement, start a comment or would be read as markup; line breaks as `<br/>`. Pure.
 */
export function mermaidText(text: string): string {
  const escaped = text.replace(/[#;&<>%"{}]/g, (c) => ENTITIES[c] ?? c);
  return escaped
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('<br/>');
}

/** Returns the Mermaid text of `input`'s run. Pure. */
export function toMermaid(input: MermaidInput): string {
  const { scenario, model, trace } = input;
  const label = labeller(model);
  const ids = new Map(model.actors.map((a, i) => [a.id, `p${i}`]));
  const id = (actor: string) => ids.get(actor) ?? 'p0';
  const first = id(model.actors[0]?.id ?? '');
  const last = id(model.actors.at(-1)?.id ?? '');
  const span = first === last ? first : `${first},${last}`;
  const notes = new Map(notePairs(input.annotations ?? { title: '', notes: {} }));
  const title = input.annotations?.title.trim() || scenario.title;
  const out = ['sequenceDiagram', `  title ${mermaidText(`${title} (${input.fixLabel})`)}`];
  for (const actor of model.actors) {
    out.push(`  participant ${id(actor.id)} as ${mermaidText(label(actor.id))}`);
  }
  const arrow = (m: Message, dropped: boolean) => {
    const kind = dropped ? '-x' : m.reply ? '-->>' : '->>';
    return `  ${id(m.from)}${kind}${id(m.to)}: ${mermaidText(messageLabel(m))}`;
  };
  const steps = Math.min(input.upTo ?? trace.records.length, trace.records.length);
  for (let i = 0; i < steps; i++) {
    const record = trace.records[i]!;
    for (const m of record.delivered) out.push(arrow(m, false));
    for (const m of record.dropped) out.push(arrow(m, true));
    if (record.kind === 'timer' && record.timer) {
      out.push(
        `  Note over ${id(record.timer.owner)}: ${mermaidText(`⏰ ${record.timer.name} timer fires (t=${record.clockAfter})`)}`,
      );
    } else if (record.kind === 'fault' && record.dropped.length === 0) {
      const before = trace.worlds[i];
      const after = trace.worlds[i + 1];
      const text = before && after ? describeStep(scenario, model, record, before, after) : '';
      out.push(`  Note over ${span}: ${mermaidText(`⚡ ${text || record.key}`)}`);
    }
    const note = notes.get(i + 1);
    if (note) out.push(`  Note over ${span}: ${mermaidText(`✎ step ${i + 1}: ${note}`)}`);
    for (const v of trace.violations.filter((x) => x.step === i)) {
      const harm = scenario.harm.includes(v.invariant);
      const text = harm
        ? `HARM (${v.invariant}): ${v.message}`
        : `diagnostic, no harm (${v.invariant}): ${v.message}`;
      out.push(`  rect ${harm ? HARM_RGB : DIAGNOSTIC_RGB}`);
      out.push(
        `    Note over ${span}: ${mermaidText(`${harm ? '✗' : 'ℹ'} step ${i + 1} — ${text}`)}`,
      );
      out.push('  end');
    }
  }
  return out.join('\n') + '\n';
}

/** Returns how many arrows `toMermaid` draws for the first `upTo` steps of `trace`. Pure. */
export function mermaidMessageCount(trace: Trace, upTo = trace.records.length): number {
  return trace.records
    .slice(0, upTo)
    .reduce((n, r) => n + r.delivered.length + r.dropped.length, 0);
}
