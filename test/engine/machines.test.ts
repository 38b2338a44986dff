import { assign, initialTransition, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { planActions } from '../../src/actors/plans';
import { createStepper, isTimeless } from '../../src/engine/machines';
import type { Message } from '../../src/engine/types';
import { SCENARIOS, paramsOf } from '../../src/scenarios/index';

/** Counts PINGs, and answers each with a PONG; the clock is never read. */
const counter = setup({
  types: {} as { context: { pings: number }; events: { type: 'PING'; from: string } },
  actions: planActions,
}).createMachine({
  id: 'counter',
  context: { pings: 0 },
  on: {
    PING: {
      actions: [
        assign({ pings: ({ context }) => context.pings + 1 }),
        { type: 'send', params: ({ event }) => ({ to: event.from, type: 'PONG', reply: true }) },
      ],
    },
  },
});

/** Keeps the time of the last PING, but only once it has seen two. */
const clocked = setup({
  types: {} as {
    context: { pings: number; at: number };
    events: { type: 'PING'; from: string; now: number };
  },
}).createMachine({
  id: 'clocked',
  context: { pings: 0, at: -1 },
  on: {
    PING: {
      actions: assign(({ context, event }) => ({
        pings: context.pings + 1,
        at: context.pings >= 1 ? event.now : context.at,
      })),
    },
  },
});

/** Keeps the last event itself (its clock included) without reading it. */
const keeper = setup({
  types: {} as { context: { last: unknown }; events: { type: 'PING'; from: string } },
}).createMachine({
  id: 'keeper',
  context: { last: null },
  on: { PING: { actions: assign({ last: ({ event }) => event }) } },
});

/** Takes every PING, to a state equal to the one it was in. */
const steady = setup({
  types: {} as { context: { n: number }; events: { type: 'PING'; from: string } },
}).createMachine({
  id: 'steady',
  context: { n: 0 },
  on: { PING: { actions: assign({ n: 0 }) } },
});

const ping: Message = {
  id: 'client->server#1',
  from: 'client',
  to: 'server',
  type: 'PING',
  payload: {},
  reply: false,
  sync: false,
  lane: 'main',
};

describe('the stepper keys a transition without the clock when it does not read it', () => {
  it('a transition that never reads `now` is timeless, computed once for every clock', () => {
    const stepper = createStepper();
    const start = stepper.initial(counter, null).state;
    const early = stepper.deliverMessage(counter, start, ping, 3);
    const late = stepper.deliverMessage(counter, start, ping, 40);
    expect(isTimeless(early)).toBe(true);
    expect(late).toBe(early);
    expect(stepper.stats.misses).toBe(2);
    expect(early.state.context).toEqual({ pings: 1 });
    expect(early.plans).toEqual([{ kind: 'send', to: 'client', type: 'PONG', reply: true }]);
  });

  it('a transition that reads `now` is kept per clock, and gives what the plain stepper gives', () => {
    const memo = createStepper();
    const plain = createStepper({ memoize: false });
    const start = memo.initial(clocked, null).state;
    // The first PING does not read the clock; the second does.
    const once = memo.deliverMessage(clocked, start, ping, 1);
    expect(isTimeless(once)).toBe(true);
    for (const now of [5, 9, 5]) {
      const twice = memo.deliverMessage(clocked, once.state, ping, now);
      expect(isTimeless(twice)).toBe(false);
      expect(twice.state.context).toEqual({ pings: 2, at: now });
      expect(twice.state).toEqual(plain.deliverMessage(clocked, once.state, ping, now).state);
    }
    // initial, the first PING, and the second at two clocks (the third call is a hit).
    expect(memo.stats.misses).toBe(4);
  });

  it('a transition that keeps the event itself keeps its clock: it is kept per clock', () => {
    const memo = createStepper();
    const start = memo.initial(keeper, null).state;
    const early = memo.deliverMessage(keeper, start, ping, 3);
    const late = memo.deliverMessage(keeper, start, ping, 40);
    expect(isTimeless(early)).toBe(false);
    expect([early.state.context, late.state.context]).toMatchObject([
      { last: { now: 3 } },
      { last: { now: 40 } },
    ]);
  });

  it('a transition kept from an equal state still makes a new state, as xstate does', () => {
    const memo = createStepper();
    const plain = createStepper({ memoize: false });
    const start = memo.initial(steady, null).state;
    const first = memo.deliverMessage(steady, start, ping, 1);
    expect(first.state).not.toBe(start);
    expect(plain.deliverMessage(steady, first.state, ping, 2).state).not.toBe(first.state);
    // The same (clock-free) transition, now from the state it made: a new object again.
    const second = memo.deliverMessage(steady, first.state, ping, 2);
    expect(second.state).not.toBe(first.state);
    expect(second.state).toEqual(first.state);
  });
});

describe("the stepper's initial state", () => {
  it("is xstate's initialTransition, for every actor of every scenario, fix and granularity", () => {
    const stepper = createStepper({ memoize: false });
    let actors = 0;
    for (const s of SCENARIOS)
      for (const fix of s.fixes)
        for (const granularity of ['operations', 'messages'] as const) {
          const model = s.build({ fix: fix.id, granularity, params: paramsOf(s) });
          for (const spec of model.actors) {
            const [snapshot, actions] = initialTransition(spec.machine, spec.input);
            const plans = actions.filter((a) =>
              ['send', 'startTimer', 'cancelTimer'].includes(a.type),
            );
            const got = stepper.initial(spec.machine, spec.input);
            // Twice: the scope made once per machine keeps nothing from one call to the next.
            for (const result of [got, stepper.initial(spec.machine, spec.input)]) {
              expect(result.state).toEqual({
                value: snapshot.value,
                context: snapshot.context,
                status: snapshot.status,
              });
              expect(result.plans).toEqual(
                plans.map((a) => ({ kind: a.type, ...(a.params as object) })),
              );
            }
            actors++;
          }
        }
    expect(actors).toBeGreaterThan(50);
  });
});
