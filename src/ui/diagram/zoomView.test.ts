import { zoom, zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import {
  actualView,
  boundsOf,
  constrain,
  fitView,
  PHONE_MIN_SCALE,
  scrollToShow,
  scrollToShowX,
  settleScroll,
  transformText,
  widthScale,
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

  it('on a phone never goes under the floor: a wide diagram shows from its left edge', () => {
    // 460 wide on a 358 px screen: fitted to the width it would be at 0.78.
    const phone = fitView(358, 500, 460, 400, 0, { floor: PHONE_MIN_SCALE });
    expect(phone).toEqual({ k: 1, x: 0, y: 0 });
    expect(fitView(358, 500, 460, 400, 0).k).toBeCloseTo(358 / 460);
    // A narrow one is still fitted (and centred) as before.
    expect(fitView(358, 500, 300, 200, 0, { floor: 1 })).toEqual(fitView(358, 500, 300, 200, 0));
    expect(widthScale(358, 460, 1)).toBe(1);
    expect(widthScale(358, 460)).toBeCloseTo(358 / 460);
    expect(widthScale(800, 400, 1)).toBe(1.6);
  });

  it('presenting on a phone fills the screen the longer way', () => {
    const whole = { width: 460, height: 520 };
    // Upright: the run's height fills the stage; it pans sideways.
    const upright = fitView(390, 620, 460, 300, 0, { large: true, whole, floor: 1 });
    expect(upright.k).toBeCloseTo(620 / 520);
    expect(upright.x).toBe(0);
    // On its side: the width fills the stage; it scrolls down the run.
    const side = fitView(560, 390, 460, 520, 400, { large: true, whole, floor: 1 });
    expect(side.k).toBeCloseTo(560 / 460);
    expect(520 * side.k + side.y).toBeCloseTo(390);
    // Never under the floor, nor over 1.5 (which pans sideways far enough).
    expect(fitView(300, 200, 460, 520, 0, { large: true, whole, floor: 1 }).k).toBe(1);
    expect(
      fitView(390, 2000, 460, 100, 0, { large: true, whole: { width: 460, height: 100 }, floor: 1 })
        .k,
    ).toBe(1.5);
    // Without a floor the presentation fits as before: all of it, down to a readable scale.
    expect(fitView(1280, 560, 718, 520, 0, { large: true, whole }).k).toBe(1.17);
    expect(fitView(1280, 800, 718, 520, 0, { large: true, whole }).k).toBeCloseTo(800 / 520);
  });

  it('scrolls sideways just enough to show a span right of the pinned axis', () => {
    const t = { k: 1, x: 0, y: 0 };
    expect(scrollToShowX(t, 358, 50, 100, 300)).toBe(0);
    // Off to the right: moved left until its right end is in view.
    expect(scrollToShowX(t, 358, 50, 300, 420)).toBe(-66);
    // Under the axis after a pan: moved right until it clears it.
    expect(scrollToShowX({ k: 1, x: -200, y: 0 }, 358, 50, 100, 200)).toBe(154);
    // Wider than the room: its left end is shown.
    expect(scrollToShowX(t, 358, 50, 60, 500)).toBe(-6);
    expect(scrollToShowX({ k: 1, x: -300, y: 0 }, 358, 50, 200, 900)).toBe(154);
    // A label reaching under the axis does not move the view right of the diagram's edge.
    expect(scrollToShowX(t, 358, 50, 40, 200)).toBe(0);
    expect(scrollToShowX({ k: 1, x: -10, y: 0 }, 358, 50, 40, 200)).toBe(10);
    expect(scrollToShowX({ k: 2, x: 0, y: 0 }, 358, 50, 200, 300)).toBe(-123);
  });

  it('keeps the room asked for clear at the bottom', () => {
    // A long diagram scrolled to its focus, and a presentation scrolled to its last step.
    const plain = fitView(358, 400, 460, 1000, 800, { floor: 1 });
    const roomy = fitView(358, 400, 460, 1000, 800, { floor: 1, room: 40 });
    expect(roomy.y).toBeCloseTo(plain.y - 0.6 * 40);
    const side = fitView(560, 390, 460, 520, 400, { large: true, floor: 1, room: 40 });
    expect(520 * side.k + side.y).toBeCloseTo(350);
    expect(scrollToShow({ k: 1, x: 0, y: 0 }, 600, 50, 700, 800, 40)).toBe(-240);
  });
});
