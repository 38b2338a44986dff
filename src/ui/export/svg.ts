/**
 * The diagram as a self-contained SVG document: `StaticDiagram` rendered to markup (every
 * colour, size and font as a presentation attribute, no script), the whole run with its notes,
 * and the diagram's font inlined as a `@font-face` when its bytes are given. Used by the Export
 * menu (loaded on demand) and the CLI's `export --format svg`.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Trace } from '../../engine/replay';
import type { Model } from '../../engine/types';
import type { ScenarioDef } from '../../scenarios/types';
import type { DivergenceInput } from '../../viz/divergence';
import { StaticDiagram } from '../diagram/StaticDiagram';
import { embedFont } from './font';

export interface SvgExportInput {
  readonly scenario: ScenarioDef;
  readonly model: Model;
  readonly trace: Trace;
  readonly title?: string;
  readonly notes?: Readonly<Record<string, string>>;
  readonly divergence?: DivergenceInput | null;
  /** White (default) or transparent. */
  readonly background?: 'white' | 'none';
  /** The diagram's font file in base64, inlined as a `@font-face` (see ./font.ts). */
  readonly font?: string;
}

/** Returns the SVG document of the whole run (every step happened). */
export function diagramSvg(input: SvgExportInput): string {
  const markup = renderToStaticMarkup(
    createElement(StaticDiagram, {
      scenario: input.scenario,
      model: input.model,
      trace: input.trace,
      cursor: input.trace.records.length,
      ...(input.title ? { title: input.title } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      divergence: input.divergence ?? null,
      background: input.background ?? 'white',
    }),
  );
  const svg = input.font ? embedFont(markup, input.font) : markup;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
