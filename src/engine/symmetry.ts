/**
 * Interchangeable actors: those running the same machine on the same input (up to their own
 * id), which no fault or invariant singles out. Renaming them consistently in a world gives a world with the
 * same future up to that renaming, so the explorer stores one world per orbit. Pure.
 */
import { canonicalJson } from './canonical';
import type { ActorId, Model } from './types';

/** Classes of interchangeable actors (each sorted, at least two members). */
export type SymmetryClasses = readonly (readonly ActorId[])[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns the ids a fault singles out (its actor, or the ends of its channel). */
function faultActors(model: Model): Set<ActorId> {
  const named = new Set<ActorId>();
  for (const fault of model.faults) {
    if (fault.kind === 'inject' || fault.kind === 'crash') named.add(fault.actor);
    else for (const end of fault.channel.split(':')[0]?.split('->') ?? []) named.add(end);
  }
  return named;
}

/**
 * Returns the classes of interchangeable actors of `model`. None for a timed model: message
 * latencies are drawn from message ids, which name actors. Pure.
 */
export function symmetryClasses(model: Model): SymmetryClasses {
  if (model.timing) return [];
  const named = faultActors(model);
  for (const id of model.distinguished ?? []) named.add(id);
  const byShape = new Map<object, Map<string, ActorId[]>>();
  for (const spec of model.actors) {
    if (named.has(spec.id)) continue;
    const self = new RegExp(`(?<![\\w])${escapeRegExp(spec.id)}(?![\\w])`, 'g');
    const input = canonicalJson(spec.input).replace(self, '\u0001self');
    let shapes = byShape.get(spec.machine);
    if (!shapes) byShape.set(spec.machine, (shapes = new Map()));
    const members = shapes.get(input) ?? [];
    members.push(spec.id);
    shapes.set(input, members);
  }
  const classes: ActorId[][] = [];
  for (const shapes of byShape.values()) {
    for (const members of shapes.values()) if (members.length > 1) classes.push(members.sort());
  }
  return classes;
}

/** Renames symmetric actor ids inside texts (JSON or channel keys) under a permutation. */
export interface Renamer {
  /** Whether `text` mentions any symmetric actor id. */
  mentions(text: string): boolean;
  /** Returns `text` with every symmetric id replaced by its image. */
  rename(text: string, image: (id: ActorId) => string): string;
}

/** Returns a renamer for the ids of `classes` (ids are whole words: `reader1` ≠ `reader10`). */
export function createRenamer(classes: SymmetryClasses): Renamer {
  const ids = classes.flat().sort((a, b) => b.length - a.length);
  const source = `(?<![\\w])(?:${ids.map(escapeRegExp).join('|')})(?![\\w])`;
  const test = new RegExp(source);
  const all = new RegExp(source, 'g');
  return {
    mentions: (text) => ids.length > 0 && test.test(text),
    rename: (text, image) => text.replace(all, image),
  };
}
