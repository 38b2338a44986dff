/**
 * Harm vs diagnostic for one run: the violations of a trace split into the scenario's harm
 * (what people saw) and diagnostics (the race window opened), each diagnostic with a sentence
 * saying why it does no harm here. Pure.
 */
import type { Model, Violation } from '../engine/types';
import type { ScenarioDef } from './types';

/** A diagnostic that fired in a run without harm, and why it is harmless there. */
export interface DiagnosticNote {
  readonly invariant: string;
  readonly title: string;
  /** Where it first fired (index of the step, -1 for the initial world). */
  readonly step: number;
  readonly message: string;
  /** Why it does no harm: the fix's own sentence, else one derived from the harm. */
  readonly why: string;
}

/** A run's violations up to the cursor, split. */
export interface ViolationSplit {
  /** Harm violations, in trace order. */
  readonly harm: readonly Violation[];
  /** Diagnostics, one per invariant, in the order they first fired. */
  readonly diagnostics: readonly DiagnosticNote[];
}

/** Returns whether `invariantId` is one of the scenario's harms. Pure. */
export function isHarm(scenario: ScenarioDef, invariantId: string): boolean {
  return scenario.harm.includes(invariantId);
}

/** Returns the titles of the scenario's harms, as the model names them. Pure. */
export function harmTitles(scenario: ScenarioDef, model: Model): string[] {
  return scenario.harm.map((id) => model.invariants.find((i) => i.id === id)?.title ?? id);
}

/** Returns `a`, `a or b`, `a, b or c`. Pure. */
function either(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Returns why the diagnostic `invariantId` does no harm under `fixId` in this run: the fix's
 * `defuses` sentence when it has one, else that no harm happened (`settled`: the run is over;
 * otherwise "so far"). Pure.
 */
export function whyHarmless(
  scenario: ScenarioDef,
  model: Model,
  fixId: string,
  invariantId: string,
  settled: boolean,
): string {
  const own = scenario.fixes.find((f) => f.id === fixId)?.defuses?.[invariantId];
  if (own) return `${own.charAt(0).toUpperCase()}${own.slice(1)}.`;
  const harm = either(harmTitles(scenario, model).map((t) => `“${t}”`));
  return settled
    ? `The race window opened, but no harm followed in this run: ${harm} never happened.`
    : `The race window opened, but no harm has followed so far: ${harm} has not happened.`;
}

/**
 * Returns the violations of a run before `cursor` steps, split into harm and diagnostics (one
 * note per diagnostic invariant, at its first firing). Pure.
 */
export function splitViolations(
  scenario: ScenarioDef,
  model: Model,
  fixId: string,
  violations: readonly Violation[],
  cursor: number,
  settled: boolean,
): ViolationSplit {
  const seen = violations.filter((v) => v.step < cursor);
  const harm = seen.filter((v) => isHarm(scenario, v.invariant));
  const diagnostics: DiagnosticNote[] = [];
  for (const v of seen) {
    if (isHarm(scenario, v.invariant) || diagnostics.some((d) => d.invariant === v.invariant)) {
      continue;
    }
    diagnostics.push({
      invariant: v.invariant,
      title: model.invariants.find((i) => i.id === v.invariant)?.title ?? v.invariant,
      step: v.step,
      message: v.message,
      why: whyHarmless(scenario, model, fixId, v.invariant, settled),
    });
  }
  return { harm, diagnostics };
}
