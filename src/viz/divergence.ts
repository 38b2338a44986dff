/**
 * The divergence marker: a row after the last step of a replay that stops early, saying at
 * which step the pinned run cannot be followed under the configuration on screen, and why.
 * Pure.
 */
import type { DivergenceStory } from '../scenarios/divergence';
import { px } from './geometry';
import { wrap } from './labels';
import type { DivergenceMark } from './types';

/** What the marker says: which pinned step is not possible, and the explanation. */
export interface DivergenceInput {
  /** Index (0-based) of the pinned step that cannot be taken. */
  readonly index: number;
  /** Steps in the pinned run. */
  readonly pinnedSteps: number;
  /** One line naming the fix, e.g. `With “Single-flight”, the pinned run stops here`. */
  readonly headline: string;
  /** The step that is not possible and what can happen instead. */
  readonly detail: string;
  /** The whole explanation, for a tooltip. */
  readonly title: string;
}

/** Returns what the marker says for a divergence explained in plain words. Pure. */
export function divergenceInput(story: DivergenceStory): DivergenceInput {
  return {
    index: story.index,
    pinnedSteps: story.pinnedSteps,
    headline: `With ${story.setting}, the pinned run stops here: step ${story.index + 1} of ${story.pinnedSteps} is not possible.`,
    detail: [`It would be: ${story.blocked}.`, story.instead, story.restore]
      .filter(Boolean)
      .join(' '),
    title: story.text,
  };
}

const LINE = 16;
const PAD = 14;
const CHAR = 7;

/**
 * Returns the marker placed at `top` (below everything else), its text wrapped to the width
 * between `left` and `right`. Pure.
 */
export function layoutDivergence(
  input: DivergenceInput,
  top: number,
  left: number,
  right: number,
): DivergenceMark {
  const textX = left + 34;
  const chars = Math.max(24, Math.floor((right - textX - 12) / CHAR));
  const headline = wrap(input.headline, chars, 2);
  const lines = [...headline, ...wrap(input.detail, chars, 4)];
  const height = PAD * 2 + lines.length * LINE;
  return {
    step: input.index + 1,
    pinnedSteps: input.pinnedSteps,
    top: px(top),
    height,
    x: left,
    width: right - left,
    textX,
    textY: px(top + PAD + LINE - 4),
    headlineLines: headline.length,
    lines,
    title: input.title,
  };
}
