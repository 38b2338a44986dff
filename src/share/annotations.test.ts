import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomWalk } from '../engine/random';
import { SCENARIOS } from '../scenarios/index';
import { buildModel } from '../scenarios/session';
import {
  cleanText,
  decodeAnnotations,
  encodeAnnotations,
  MAX_NOTE,
  MAX_NOTES,
  MAX_TITLE,
  NO_ANNOTATIONS,
  withNote,
  withTitle,
  type Annotations,
} from './annotations';
import { toBase64Url } from './base64url';
import { decodeLink, encodeLink, encodeShare, type ShareState } from './link';
import { MAX_LINK_LENGTH } from './schema';

const scenario = SCENARIOS[0]!;
const config = {
  scenarioId: scenario.id,
  fix: 'none',
  granularity: 'operations' as const,
  params: {},
};
const schedule = randomWalk(buildModel(config), 3).schedule;
const base: ShareState = { ...config, seed: 3, schedule, cursor: schedule.length };

function annotated(title: string, notes: [number, string][]): Annotations {
  let a = withTitle(NO_ANNOTATIONS, title);
  for (const [step, text] of notes) a = withNote(a, step, text);
  return a;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"&a=1&v=9#x%20%zz',
  '__proto__',
  'constructor.prototype.polluted = 1',
  'javascript:alert(1)',
  'emoji 🧪 and 中文 and ümlaut',
  ']]><!--',
];

describe('annotations in the link', () => {
  it('round-trip: the title and every note come back exactly, in a v3 link', () => {
    const annotations = annotated('The lost invalidation', [
      [1, 'The reader misses.'],
      [4, 'Here the writer deletes —\nbut the reader still holds v1.'],
    ]);
    const link = encodeLink({ ...base, annotations });
    expect(link).toMatch(/^v=3&/);
    expect(decodeLink(link)).toEqual({
      ok: true,
      state: { ...base, annotations },
      warnings: [],
    });
  });

  it('round-trips arbitrary text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.string({ maxLength: 600 })), {
          maxLength: 12,
        }),
        (title, notes) => {
          const annotations = annotated(title, notes);
          const decoded = decodeLink(encodeLink({ ...base, annotations }));
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          const back = decoded.state.annotations ?? NO_ANNOTATIONS;
          expect(back.title).toBe(annotations.title.trim());
          const trimmed = Object.fromEntries(
            Object.entries(annotations.notes)
              .map(([k, v]) => [k, v.trim()])
              .filter(([, v]) => v !== ''),
          );
          expect(back.notes).toEqual(trimmed);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('keeps hostile text as inert text', () => {
    const notes = HOSTILE.map((text, i) => [i + 1, text] as [number, string]);
    const annotations = annotated(HOSTILE[0]!, notes);
    const decoded = decodeLink(encodeLink({ ...base, annotations }));
    expect(decoded.ok && decoded.state.annotations).toEqual(annotations);
    // Nothing leaked onto prototypes.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('removes control characters and bidi overrides; titles are one line', () => {
    expect(cleanText('a\u0000b\u001b[31mc\u202ed', 50, false)).toBe('ab[31mcd');
    expect(cleanText('line one\nline two\r\nthree', 50, false)).toBe('line one line two three');
    expect(cleanText('line one\nline two\r\nthree', 50, true)).toBe('line one\nline two\nthree');
  });

  it('caps the title, each note and the number of notes', () => {
    const a = annotated('t'.repeat(500), [[1, 'n'.repeat(5000)]]);
    expect(a.title).toHaveLength(MAX_TITLE);
    expect(a.notes['1']).toHaveLength(MAX_NOTE);
    let many = NO_ANNOTATIONS;
    for (let step = 1; step <= MAX_NOTES + 20; step++) many = withNote(many, step, `note ${step}`);
    expect(Object.keys(many.notes)).toHaveLength(MAX_NOTES);
    // A blank note removes it; steps outside 1..MAX_STEPS are refused.
    expect(withNote(many, 1, '   ').notes['1']).toBeUndefined();
    expect(withNote(NO_ANNOTATIONS, 0, 'x')).toBe(NO_ANNOTATIONS);
    expect(withNote(NO_ANNOTATIONS, 1.5, 'x')).toBe(NO_ANNOTATIONS);
  });

  it('links without notes stay v1 or v2, and v1/v2 links still open', () => {
    expect(encodeLink({ ...base, annotations: NO_ANNOTATIONS })).toMatch(/^v=1&/);
    expect(encodeLink({ ...base, annotations: annotated('  ', []) })).toMatch(/^v=1&/);
    expect(encodeLink({ ...base, compare: 'leases' })).toMatch(/^v=2&/);
    const v1 = decodeLink(`v=1&s=${scenario.id}&f=none`);
    expect(v1.ok && v1.state.annotations).toBeUndefined();
    const v2 = decodeLink(`v=2&s=${scenario.id}&f=none&pf=leases`);
    expect(v2.ok).toBe(true);
  });

  it('refuses notes in a v1 or v2 link', () => {
    const a = encodeAnnotations(annotated('x', []));
    for (const v of ['1', '2']) {
      const result = decodeLink(`v=${v}&s=${scenario.id}&a=${a}`);
      expect(result).toEqual({ ok: false, error: expect.stringContaining('bad "a"') });
    }
  });

  it('opens the run without its notes when they are damaged, and says so', () => {
    const link = `v=3&s=${scenario.id}&f=none&a=AAAA`;
    const result = decodeLink(link);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.state.annotations).toBeUndefined();
    expect(result.warnings).toEqual([expect.stringContaining('notes could not be read')]);
    const wrongShape = toBase64Url(deflateSync(new TextEncoder().encode('{"title":1}')));
    expect(decodeAnnotations(wrongShape)).toBe('its notes are damaged');
  });

  it('refuses a zip bomb in the notes as too large', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(4_000_000).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(9000);
    expect(decodeAnnotations(bomb)).toBe('its notes are too large');
  });

  it('leaves the notes out, and says how long the link would be, when they do not fit', () => {
    // Text that does not compress: every note different.
    const rand = (n: number) =>
      Array.from({ length: MAX_NOTE }, (_, i) =>
        String.fromCharCode(0x4e00 + ((n * 7919 + i * 104729) % 20000)),
      ).join('');
    const notes = Array.from({ length: 40 }, (_, i) => [i + 1, rand(i)] as [number, string]);
    const encoded = encodeShare({ ...base, annotations: annotated('big', notes) });
    expect(encoded.notesDropped).toBeGreaterThan(MAX_LINK_LENGTH);
    expect(encoded.text).not.toContain('&a=');
    expect(encoded.text).toBe(encodeLink(base));
    const small = encodeShare({ ...base, annotations: annotated('small', [[1, 'hi']]) });
    expect(small.notesDropped).toBeNull();
    expect(small.text.length).toBeLessThan(150);
  });
});
