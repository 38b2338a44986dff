import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropTypeWarmup, warmUpType } from './typeWarmup';

interface Group {
  hidden: boolean;
  isConnected: boolean;
  dataset: { media?: string; font?: string };
}

/** A page with a warm-up of `groups`, frames run by hand, and a web font that loads on call. */
function page(groups: Group[]) {
  const frames: (() => void)[] = [];
  let fontLoaded: () => void = () => undefined;
  const loads: string[] = [];
  const warmup = { children: groups, remove: vi.fn() };
  const doc = {
    getElementById: (id: string) => (id === 'type-warmup' ? warmup : null),
    fonts: {
      load: (font: string) => {
        loads.push(font);
        return new Promise<void>((resolve) => (fontLoaded = resolve));
      },
    },
  } as unknown as Document;
  vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: q === '(max-width: 760px)' }));
  const frame = () => frames.shift()?.();
  return { doc, frame, frames, loads, loadFont: () => fontLoaded(), warmup };
}

const group = (dataset: Group['dataset'] = {}): Group => ({
  hidden: true,
  isConnected: true,
  dataset,
});

afterEach(() => vi.unstubAllGlobals());

describe('warmUpType', () => {
  it('shows one group a frame, skips those for another layout, waits for a web font', async () => {
    const groups = [
      group(),
      group({ media: '(min-width: 761px)' }),
      group({ media: '(max-width: 760px)' }),
      group({ font: 'Inter Variable' }),
    ];
    const p = page(groups);
    warmUpType(p.doc);
    expect(groups.map((g) => g.hidden)).toEqual([true, true, true, true]);
    p.frame();
    expect(groups.map((g) => g.hidden)).toEqual([false, true, true, true]);
    // The desktop's group is skipped (this is a phone): the phone's comes in the next frame.
    p.frame();
    expect(groups.map((g) => g.hidden)).toEqual([false, true, false, true]);
    // Inter's group waits for its font, not for a frame.
    expect(p.loads).toEqual(['1em "Inter Variable"']);
    expect(p.frames).toHaveLength(0);
    p.loadFont();
    await Promise.resolve();
    await Promise.resolve();
    p.frame();
    expect(groups.map((g) => g.hidden)).toEqual([false, true, false, false]);
    expect(p.frames).toHaveLength(0);
  });

  it('stops once the warm-up has been removed', () => {
    const groups = [group(), group()];
    const p = page(groups);
    warmUpType(p.doc);
    p.frame();
    for (const g of groups) g.isConnected = false;
    p.frame();
    expect(groups.map((g) => g.hidden)).toEqual([false, true]);
  });

  it('does nothing on a page without a warm-up', () => {
    const doc = { getElementById: () => null } as unknown as Document;
    expect(() => warmUpType(doc)).not.toThrow();
    expect(() => dropTypeWarmup(doc)).not.toThrow();
  });

  it('drops the warm-up', () => {
    const p = page([group()]);
    dropTypeWarmup(p.doc);
    expect(p.warmup.remove).toHaveBeenCalledOnce();
  });
});
