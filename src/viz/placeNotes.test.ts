import { describe, expect, it } from 'vitest';
import { fitNote, freeSpans, lineRange, noteLineBoxes, wrapTo } from './placeNotes';
import { crosses, type Segment } from './segments';
import type { ViolationMark } from './types';

const note = {
  text: 'cache holds v1 for user:1 but the database has v2, with no TTL: stale forever',
  more: '(+1 more)',
};
/** A line slanting down to the right through a note row starting at y 100. */
const slant: Segment = { id: 'a', x1: 200, y1: 60, x2: 400, y2: 200 };

describe('violation notes clear of lines', () => {
  it('finds the gaps the lines leave', () => {
    const level: Segment = { id: 'b', x1: 100, y1: 50, x2: 100, y2: 150 };
    expect(freeSpans([level], 90, 110, 74, 600)).toEqual([
      [74, 96],
      [104, 600],
    ]);
    expect(freeSpans([level], 200, 220, 74, 600)).toEqual([[74, 600]]);
  });

  it('wraps a note around a slanted line, every line of text clear of it', () => {
    const place = fitNote(note, [slant], 100, 6, 74, 700);
    expect(place).not.toBeNull();
    if (!place) return;
    expect(place.lines.join(' ')).toBe(`${note.text} ${note.more}`);
    const v = { noteX: place.noteX, noteY: 113, lines: place.lines } as ViolationMark;
    for (const b of noteLineBoxes(v)) expect(crosses(slant, b.x0, b.x1, b.y0, b.y1)).toBe(false);
    const [y0, y1] = lineRange(100, 0);
    expect(y1 - y0).toBeCloseTo(15.6);
  });

  it('says when a note does not fit, and cuts it short only when asked', () => {
    const wall = [0, 1, 2, 3].map((k) => ({
      id: `w${k}`,
      x1: 200 + 90 * k,
      y1: 0,
      x2: 200 + 90 * k,
      y2: 400,
    }));
    expect(fitNote(note, wall, 100, 2, 74, 560)).toBeNull();
    expect(wrapTo(note, [20, 20])).toBeNull();
    const cut = wrapTo(note, [20, 20, 20], true);
    expect(cut).toEqual(['cache holds v1 for', 'user:1 but the …', '(+1 more)']);
  });
});
