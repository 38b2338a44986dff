import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli/args';
import { runRequest } from '../src/cli/run';
import { parseRunJson } from '../src/share/runJson';
import { diagramFontFromDisk } from '../src/ui/export/fontFile';
import { diagramSvg } from '../src/ui/export/svg';

// The renderer as `npm run interleave` wires it (src/interleave.ts): the font inlined.
const renderSvg: typeof diagramSvg = (input) =>
  diagramSvg({ ...input, font: diagramFontFromDisk() });
const run = (argv: string[]) => runRequest(parseCli(argv), undefined, { renderSvg });
const RACE = 'reader->cache,reader->db,writer->db,writer->cache,reader->cache';

describe('CLI export', () => {
  it('writes a self-contained SVG of the run, with its notes', () => {
    const out = run([
      'export',
      'cache-aside-set-after-delete',
      '--schedule',
      RACE,
      '--format',
      'svg',
      '--note',
      '3=<script>alert(1)</script>',
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/,
    );
    expect(out.stdout.trim().endsWith('</svg>')).toBe(true);
    // Styles are attributes: no class, no script; the one stylesheet is the inlined font.
    expect(out.stdout).not.toMatch(/class=|<script|href=/);
    const styles = out.stdout.match(/<style>[^<]*<\/style>/g) ?? [];
    expect(styles).toHaveLength(1);
    expect(styles[0]).toMatch(
      /^<style>@font-face\{font-family:'Inter Variable';[^}]*src:url\(data:font\/woff2;base64,d09GM/,
    );
    expect(out.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.stdout).toContain('data-testid="violation-mark"');
  });

  it('writes Mermaid and JSON; JSON reads back to the same run', () => {
    const mermaid = run([
      'export',
      'cache-aside-set-after-delete',
      '--schedule',
      RACE,
      '--format',
      'mermaid',
    ]);
    expect(mermaid.stdout.startsWith('sequenceDiagram\n')).toBe(true);
    const json = run([
      'export',
      'cache-aside-set-after-delete',
      '--format',
      'json',
      '--title',
      'T',
    ]);
    const state = parseRunJson(json.stdout);
    expect(typeof state === 'object' && state.schedule.join(',')).toBe(RACE);
    expect(typeof state === 'object' && state.annotations?.title).toBe('T');
  });

  it('refuses unknown formats and bad notes, and says when the schedule stops early', () => {
    expect(() => parseCli(['export', 'x', '--format', 'png'])).toThrow(
      /--format must be svg, mermaid or json/,
    );
    expect(() => parseCli(['export', 'x', '--note', 'three=x'])).toThrow(
      /--note expects step=text/,
    );
    const out = run([
      'export',
      'cache-aside-set-after-delete',
      '--schedule',
      'reader->db',
      '--format',
      'mermaid',
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/step 1 "reader->db" is not possible here/);
    expect(() => runRequest(parseCli(['export', 'cache-aside-set-after-delete']))).toThrow(
      /needs the diagram renderer/,
    );
  });
});
