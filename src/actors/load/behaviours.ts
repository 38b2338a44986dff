/**
 * The two behaviours of the load simulation's actors: `xstateBehaviour` steps the machines
 * themselves (the source of truth), `fastBehaviour` runs their kernels. Kinds: cache, reader,
 * writer, database, hotReader. Tests run the same schedules through both.
 */
import type { AnyStateMachine } from 'xstate';
import { machineBehaviour, type Behaviour } from '../../engine/load/behaviour';
import type { MachineEvent, TransitionResult } from '../../engine/machines';
import type { ActorState, Json } from '../../engine/types';
import { cacheMachine } from '../cache';
import { databaseMachine } from '../database';
import { hotReaderMachine } from '../hotReader';
import { readerMachine } from '../reader';
import { writerMachine } from '../writer';
import { cacheDeliver, cacheInitial } from './fastCache';
import { cacheKeys, rowKeys } from './fastKeyed';
import {
  databaseDeliver,
  databaseInitial,
  readerDeliver,
  readerInitial,
  writerDeliver,
  writerInitial,
} from './fastActors';
import { hotReaderDeliver, hotReaderInitial } from './fastHotReader';
import type { Ev } from './kernel';

/** The machines of the load simulation, by kind. */
export const LOAD_MACHINES: Readonly<Record<string, AnyStateMachine>> = {
  cache: cacheMachine,
  database: databaseMachine,
  hotReader: hotReaderMachine,
  reader: readerMachine,
  writer: writerMachine,
};

interface Kernel {
  initial(input: Json): TransitionResult;
  deliver(state: ActorState, event: Ev): TransitionResult;
}

const KERNELS: Readonly<Record<string, Kernel>> = {
  cache: { initial: cacheInitial, deliver: cacheDeliver },
  database: { initial: databaseInitial, deliver: databaseDeliver },
  hotReader: { initial: hotReaderInitial, deliver: hotReaderDeliver },
  reader: { initial: readerInitial, deliver: readerDeliver },
  writer: { initial: writerInitial, deliver: writerDeliver },
};

function kernelOf(kind: string): Kernel {
  const kernel = KERNELS[kind];
  if (!kernel) throw new Error(`no kernel for actor kind "${kind}"`);
  return kernel;
}

/** Returns the behaviour that steps the xstate machines (slow, the reference). */
export function xstateBehaviour(): Behaviour {
  return machineBehaviour(LOAD_MACHINES);
}

/** Steps a `kind` actor's kernel; a switch on the kind is cheaper than a lookup per event. */
function deliverFast(kind: string, state: ActorState, event: Ev): TransitionResult {
  switch (kind) {
    case 'cache':
      return cacheDeliver(state, event);
    case 'reader':
      return readerDeliver(state, event);
    case 'database':
      return databaseDeliver(state, event);
    case 'hotReader':
      return hotReaderDeliver(state, event);
    case 'writer':
      return writerDeliver(state, event);
    default:
      return kernelOf(kind).deliver(state, event);
  }
}

/**
 * Returns the behaviour that runs the kernels (fast, proven equal to the machines); a cache or
 * database server keeps its per-key actors as records updated in place (fastKeyed.ts).
 */
export function fastBehaviour(): Behaviour {
  return {
    name: 'fast',
    initial: (kind, input) => kernelOf(kind).initial(input),
    deliver: (kind, state, event: MachineEvent) => deliverFast(kind, state, event as Ev),
    keyed: (kind, input) => {
      if (kind === 'cache') return cacheKeys(input);
      if (kind === 'database') return rowKeys(input);
      return undefined;
    },
  };
}
