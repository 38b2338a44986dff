/**
 * Ghost arrows: the steps enabled at the cursor, drawn as dashed arrows (or glyphs) in a band
 * just below the cursor line, each carrying the step key to take it. Pure.
 */
import type { Step } from '../engine/types';
import { boltPath, clockPath, crossPath, headPath, px, shaftPath } from './geometry';
import type { Grid } from './grid';
import { clip, messageLabel, safeKey, stepAriaLabel } from './labels';
import type { Ghost, GhostKind } from './types';

const LABEL_ROOM = 120;

function kindOf(step: Step): GhostKind {
  if (step.kind === 'fault') return step.fault.kind === 'drop' ? 'drop' : 'fault';
  return step.kind;
}

/** The lifeline and text of a step drawn as a glyph: a timer or an injected fault. */
function glyphTarget(step: Step): { actor: string; text: string } {
  if (step.kind === 'timer') return { actor: step.timer.owner, text: `${step.timer.name} timer` };
  if (step.kind === 'fault' && step.fault.kind === 'inject') {
    const ticks = step.fault.duration ?? 1;
    const text = ticks > 1 ? `${step.fault.event} ${ticks} ticks` : step.fault.event;
    return { actor: step.fault.actor, text };
  }
  if (step.kind === 'fault' && step.fault.kind === 'crash')
    return { actor: step.fault.actor, text: 'CRASH' };
  return { actor: '', text: step.key };
}

function ghostFor(grid: Grid, step: Step, y: number, label: (a: string) => string): Ghost {
  const kind = kindOf(step);
  const size = grid.metrics.headSize;
  const half = grid.metrics.ghostGap / 2;
  const base = { key: step.key, testKey: safeKey(step.key), kind, y: px(y) };
  const ariaLabel = stepAriaLabel(step, label);
  const message = step.kind === 'timer' ? undefined : step.message;
  if (message) {
    const x1 = grid.x(message.from);
    const xTo = grid.x(message.to);
    const x2 = kind === 'drop' ? (x1 + xTo) / 2 : xTo;
    const lo = Math.min(x1, x2);
    return {
      ...base,
      x1,
      x2,
      path: shaftPath(x1, y, x2, y, kind === 'drop' ? 0 : size * 0.8),
      head: kind === 'drop' ? '' : headPath(x1, y, x2, y, size),
      glyph: kind === 'drop' ? crossPath(x2, y, 6) : '',
      label:
        kind === 'drop'
          ? `drop ${messageLabel(message)}`
          : step.kind === 'fault'
            ? `delay ${messageLabel(message)}`
            : messageLabel(message),
      labelX: px((x1 + x2) / 2),
      labelY: px(y - 6),
      ariaLabel,
      hit: { x: lo - 8, y: px(y - half), width: Math.abs(x2 - x1) + 16, height: half * 2 },
    };
  }
  const { actor, text } = glyphTarget(step);
  const x = grid.x(actor);
  return {
    ...base,
    x1: x,
    x2: x,
    path: '',
    head: '',
    glyph: step.kind === 'timer' ? clockPath(x, y, 8) : boltPath(x, y, 9),
    label: clip(text),
    labelX: x + 16,
    labelY: px(y + 4),
    ariaLabel,
    hit: { x: x - 14, y: px(y - half), width: LABEL_ROOM + 14, height: half * 2 },
  };
}

/** Returns one ghost per enabled step, stacked in the band below the cursor. Pure. */
export function layoutGhosts(
  grid: Grid,
  enabled: readonly Step[],
  label: (actor: string) => string,
): Ghost[] {
  const top = grid.rowTop(grid.cursor + 1) - grid.bandHeight + grid.metrics.bandPad;
  return enabled.map((step, i) =>
    ghostFor(grid, step, top + (i + 0.5) * grid.metrics.ghostGap, label),
  );
}
