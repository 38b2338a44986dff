/**
 * The default page's first run, computed at build time (`./firstRunData`, written by
 * `npm run first-run` from the same machines; `firstRun.test.ts` fails when it differs from a
 * live run): the scenario, model, trace and enabled steps the first diagram and the controls
 * read, before the model itself has loaded (see `./model`). Its machines never run: every
 * other configuration, and every step, waits for the model.
 */
import type { Trace } from '../engine/replay';
import type { ActorSpec, FaultSpec, Granularity, Model, Step } from '../engine/types';
import { cachePhrases } from '../scenarios/phrases';
import type { SessionConfig } from '../scenarios/session';
import type { ScenarioDef } from '../scenarios/types';
import { rememberOrder } from '../viz/order';
import { FIRST_RUN_DATA } from './firstRunData';
import { onModel, requireModel } from './model';

/** The first run as plain data (what `npm run first-run` writes). */
export interface FirstRunData {
  readonly scenario: Pick<
    ScenarioDef,
    'id' | 'title' | 'story' | 'tags' | 'source' | 'fixes' | 'params' | 'harm'
  >;
  /** The configuration the page opens with. */
  readonly config: SessionConfig;
  readonly model: {
    readonly actors: readonly Omit<ActorSpec, 'machine'>[];
    readonly faults: readonly FaultSpec[];
    readonly invariants: readonly { readonly id: string; readonly title: string }[];
    readonly granularity: Granularity;
    readonly distinguished?: readonly string[];
  };
  /** The trace of the empty schedule (the initial world alone). */
  readonly trace: Trace;
  /** The steps enabled in the initial world. */
  readonly enabled: readonly Step[];
  /** The diagram's lifeline order (see `viz/order`). */
  readonly order: readonly string[];
}

const notLoaded = (what: string) =>
  new Error(`The model has not loaded yet (${what} of the first run).`);

/** The first run's scenario, model, trace and enabled steps, as the store's selectors give them. */
export interface FirstRun {
  readonly scenario: ScenarioDef;
  readonly config: SessionConfig;
  readonly model: Model;
  readonly trace: Trace;
  readonly enabled: Step[];
}

/** Returns the first run of `data` as the objects the page reads (its machines never run). */
export function firstRunOf(data: FirstRunData): FirstRun {
  const scenario: ScenarioDef = {
    ...data.scenario,
    phrases: cachePhrases,
    get sweep(): never {
      throw notLoaded('sweep');
    },
    build() {
      throw notLoaded('build');
    },
  };
  const model: Model = {
    ...data.model,
    actors: data.model.actors.map((actor) => ({
      ...actor,
      get machine(): never {
        throw notLoaded(`machine of ${actor.id}`);
      },
    })),
  };
  rememberOrder(model, data.order);
  return {
    scenario,
    config: data.config,
    model,
    trace: data.trace,
    enabled: [...data.enabled],
  };
}

/** The default page's first run. */
export const FIRST_RUN: FirstRun = firstRunOf(FIRST_RUN_DATA);

// Once the model has loaded, its model of the first configuration keeps the first run's
// lifeline order (the one its run gives: firstRun.test.ts), so the diagram drawn again then
// does not run the machines for it. Under a link to another scenario the default one is not
// loaded with the model, and its model is not built for this.
onModel(() => {
  const live = requireModel();
  if (live.findScenario(FIRST_RUN.config.scenarioId))
    rememberOrder(live.modelFor(FIRST_RUN.config), FIRST_RUN_DATA.order);
});

/** Returns whether `config` is the first run's configuration (same parameter values). */
export function isFirstConfig(config: SessionConfig): boolean {
  const first = FIRST_RUN.config;
  return (
    config.scenarioId === first.scenarioId &&
    config.fix === first.fix &&
    config.granularity === first.granularity &&
    Object.keys(config.params).length === 0
  );
}
