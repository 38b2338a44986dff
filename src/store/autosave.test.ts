import { describe, expect, it } from 'vitest';
import {
  AutosaveSlots,
  KEPT_KEY,
  restoredState,
  sameWork,
  sessionRecord,
  SESSION_KEY,
  worthKeeping,
  type KeyValueStore,
} from './autosave';
import { createAppStore } from './index';

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

function workedStore() {
  const store = createAppStore();
  store.getState().step();
  store.getState().step();
  store.getState().setTitle('Mine');
  store.getState().setNote(2, 'second step');
  return store;
}

describe('autosave', () => {
  it('records a session that restores to the same state, notes included', () => {
    const s = workedStore().getState();
    const saved = sessionRecord(s, 1000);
    expect(worthKeeping(saved)).toBe(true);
    expect(saved).toMatchObject({ v: 1, label: 'Mine', steps: 2, savedAt: 1000 });
    const state = restoredState(saved)!;
    expect(state.schedule).toEqual(s.schedule);
    expect(state.annotations).toEqual(s.annotations);
    expect(worthKeeping(sessionRecord(createAppStore().getState(), 0))).toBe(false);
  });

  it('keeps sessions newest first, once each, at most five, and forgets a restored one', () => {
    const memory = new MemoryStore();
    const slots = new AutosaveSlots(memory);
    const base = sessionRecord(workedStore().getState(), 1);
    const records = [1, 2, 3, 4, 5, 6].map((n) => ({ ...base, link: `${base.link}&n=${n}` }));
    for (const r of records) expect(slots.keep(r)).toBe(true);
    expect(slots.keep(records[5]!)).toBe(true);
    expect(slots.kept().map((k) => k.link)).toEqual(
      records
        .slice(1)
        .reverse()
        .map((r) => r.link),
    );
    expect(slots.forget(records[5]!)).toBe(true);
    expect(slots.kept()).toHaveLength(4);
    expect(sameWork(records[0]!, { ...records[0]!, savedAt: 99 })).toBe(true);
  });

  it('reports failures instead of throwing, and reads damaged data as nothing', () => {
    const memory = new MemoryStore();
    const slots = new AutosaveSlots(memory);
    const saved = sessionRecord(workedStore().getState(), 1);
    memory.failWrites = true;
    expect(slots.save(saved)).toBe(false);
    expect(slots.keep(saved)).toBe(false);
    memory.data.set(SESSION_KEY, '{not json');
    memory.data.set(KEPT_KEY, '[{"v":1,"link":5}, 7]');
    expect(slots.session()).toBeNull();
    expect(slots.kept()).toEqual([]);
    const none = new AutosaveSlots(null);
    expect(none.save(saved)).toBe(false);
    expect(none.session()).toBeNull();
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    expect(new AutosaveSlots(throwing).session()).toBeNull();
    expect(new AutosaveSlots(throwing).kept()).toEqual([]);
  });

  it('cleans what it reads back: hostile notes stay capped text', () => {
    const memory = new MemoryStore();
    const saved = sessionRecord(workedStore().getState(), 1);
    memory.data.set(
      SESSION_KEY,
      JSON.stringify({
        ...saved,
        annotations: { title: 'x'.repeat(999), notes: { '0': 'bad', '2': 'ok\u0000' } },
      }),
    );
    const back = new AutosaveSlots(memory).session()!;
    expect(back.annotations.title).toHaveLength(120);
    expect(back.annotations.notes).toEqual({ '2': 'ok' });
  });
});
