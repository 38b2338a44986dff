/**
 * Authored models in a worker: a request carries the model's YAML text, compiled and
 * registered here (once per text) so the explorer finds it by id like a built-in.
 * Framework-free, so it can be tested in Node.
 */
import { findScenario, registerAuthored } from '../scenarios/index';
import { authoredIdOf, loadAuthored } from '../share/authored';
import type { AuthoredModel } from './protocol';

/** Compiles and registers `model` unless it is already; throws when it does not load. */
export function ensureModel(model: AuthoredModel): void {
  if (findScenario(model.id)) return;
  if (authoredIdOf(model.text) !== model.id)
    throw new Error('the authored model does not match its id');
  const result = loadAuthored(model.text);
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(
      `the authored model does not load${first ? ` (${first.line}:${first.column} ${first.message})` : ''}`,
    );
  }
  registerAuthored(result.scenario);
}
