import { zoom, zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import {
  actualView,
  boundsOf,
  constrain,
  fitView,
  scrollToShow,
  settleScroll,
  transformText,
} from './zoomView';

const d3Constrain = zoom().constrain();

describe('zoomView', () => {
  it('keeps the view within bounds exactly as d3-zoom does', () => {
    const screen = [
      [0, 0],
      [800, 600],
    ] as const;
    for (const [width, height] of [
      [300, 200],
      [1200, 5000],
      [900, 400],
    ] as const) {
      const bounds = boundsOf(width, height, 600);
      for (const k of [0.2, 1, 1.6, 3])
        for (const x of [-2000, -100, 0, 50, 900])
          for (const y of [-9000, -300, 0, 40, 700]) {
            const ours = constrain({ k, x, y }, screen, bounds);
            const theirs = d3Constrain(
              zoomIdentity.translate(x, y).scale(k),
              screen as unknown as [[number, number], [number, number]],
              bounds as unknown as [[number, number], [number, number]],
            );
            expect([ours.k, ours.x, ours.y]).toEqual([theirs.k, theirs.x, theirs.y]);
          }
    }
  });

  it('writes the transform as d3-zoom does', () => {
    const t = zoomIdentity.translate(12.5, -40).scale(0.75);
    expect(transformText({ k: t.k, x: t.x, y: t.y })).toBe(t.toString());
  });

  it('fits a short diagram whole and centred, a long one by its width', () => {
    expect(fitView(800, 600, 400, 300, 0)).toEqual({ k: 1.6, x: 80, y: 0 });
    const long = fitView(800, 600, 400, 4000, 3000);
    expect(long.k).toBe(1.6);
    expect(long.y).toBeLessThan(0);
    // The focus row sits at 60% of the height.
    expect(3000 * long.k + long.y).toBeCloseTo(360);
    expect(actualView(800, 600, 400, 300, 0)).toEqual({ k: 1, x: 200, y: 0 });
  });

  it('scrolls back down only as far as leaves no blank under a scrolled diagram', () => {
    expect(settleScroll({ k: 1, x: 0, y: -500 }, 600, 1000)).toBe(100);
    expect(settleScroll({ k: 1, x: 0, y: -50 }, 600, 400)).toBe(50);
    expect(settleScroll({ k: 1, x: 0, y: 0 }, 600, 400)).toBe(0);
    expect(settleScroll({ k: 2, x: 0, y: -1000 }, 600, 700)).toBe(100);
  });

  it('scrolls just enough to show a band below the headers', () => {
    const t = { k: 1, x: 0, y: 0 };
    expect(scrollToShow(t, 600, 50, 100, 200)).toBe(0);
    expect(scrollToShow(t, 600, 50, 700, 800)).toBe(-208);
    expect(scrollToShow({ k: 2, x: 0, y: -400 }, 600, 50, 100, 150)).toBe(154);
  });
});
