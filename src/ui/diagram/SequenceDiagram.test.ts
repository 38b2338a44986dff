import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { explore } from '../../engine/explore';
import { replay } from '../../engine/replay';
import type { Model } from '../../engine/types';
import type { Trace } from '../../engine/replay';
import { cacheAside } from '../../scenarios/cacheAside';
import { paramsOf } from '../../scenarios/index';
import { longTrace } from '../../../test/support/longTrace';
import { renderDiagram } from '../../../test/support/renderDiagram';
import { StaticDiagram } from './StaticDiagram';

function render(model: Model, trace: Trace, cursor: number): string {
  return renderDiagram(model, trace, cursor, { title: 'Race <b>' });
}

const model = cacheAside.build({
  fix: 'none',
  granularity: 'operations',
  params: paramsOf(cacheAside),
});
const trace = replay(model, explore(model).shortest ?? []);

describe('SequenceDiagram', () => {
  it('renders the diagram with its test ids and accessible ghost buttons', () => {
    const html = render(model, trace, 2);
    expect(html).toContain('data-testid="sequence-diagram"');
    expect(html).toContain('data-testid="cursor-line"');
    expect(html).toContain('data-testid="violation-mark"');
    expect(html).toContain('data-testid="arrow-reader-&gt;cache#1"');
    expect(html).toMatch(
      /role="button" tabindex="0" aria-label="Deliver UPDATE user:1 from Writer to Database next" data-testid="ghost-writer--db"/,
    );
    expect(html).toContain('Race &lt;b&gt;');
  });

  it('renders identical markup for the same input', () => {
    expect(render(model, trace, 3)).toBe(render(model, trace, 3));
  });

  it('renders only the rows in view for a long trace', () => {
    const big = cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: paramsOf(cacheAside, { readers: 3, writers: 3 }),
    });
    const html = render(big, longTrace(big, 1000), 0);
    const rows = html.match(/data-testid="row-\d+"/g) ?? [];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
  });
});

describe('StaticDiagram', () => {
  it('renders the whole diagram as a self-contained svg', () => {
    const big = cacheAside.build({
      fix: 'none',
      granularity: 'messages',
      params: paramsOf(cacheAside, { readers: 2 }),
    });
    const long = longTrace(big, 400);
    const svg = renderToStaticMarkup(
      createElement(StaticDiagram, { scenario: cacheAside, model: big, trace: long, cursor: 400 }),
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+(\.\d+)? \d+(\.\d+)?"/);
    expect(svg).not.toMatch(/\sstyle="/);
    expect(svg).not.toContain('role="button"');
    expect(svg.match(/data-testid="row-\d+"/g)).toHaveLength(401);
  });
});
