/**
 * Lifelines (the vertical lines) and their headers (actor label and role). The headers are
 * drawn in their own group so the zoom adapter can keep them pinned to the top.
 */
import { headerBoxWidth } from '../../viz/header';
import type { DiagramLayout, Lifeline } from '../../viz/types';
import { useContext } from 'react';
import { OpaqueBackdrop } from './backdrop';
import { FONT, PALETTE } from './palette';

/** Returns the baseline of each line of a header's name, centred above the role line. */
function nameBaselines(l: Lifeline, headerHeight: number): number[] {
  const line = l.fontSize + 2;
  const top = 12;
  const bottom = headerHeight - 15 - 13;
  const first = top + (bottom - top - l.lines.length * line) / 2 + l.fontSize;
  return l.lines.map((_, i) => first + i * line);
}

/** Returns the vertical lifelines, spanning the whole diagram below the headers. */
export function LifelineLines({ layout }: { layout: DiagramLayout }) {
  return (
    <g aria-hidden="true">
      {layout.lifelines.map((l) => (
        <line
          key={l.id}
          x1={l.x}
          x2={l.x}
          y1={layout.headerHeight}
          y2={layout.height}
          stroke={PALETTE.lifeline}
          strokeWidth={1.5}
        />
      ))}
    </g>
  );
}

/** Returns the header strip: a white background and one labelled box per lifeline. */
export function LifelineHeaders({ layout }: { layout: DiagramLayout }) {
  const h = layout.headerHeight;
  const boxWidth = headerBoxWidth(layout.columnWidth);
  const opaque = useContext(OpaqueBackdrop);
  return (
    <g fontFamily={FONT}>
      <rect
        x={-4000}
        y={-4000}
        width={layout.width + 8000}
        height={4000 + h}
        fill={opaque ? PALETTE.background : 'none'}
      />
      <line x1={-4000} x2={layout.width + 4000} y1={h} y2={h} stroke={PALETTE.lifeline} />
      {layout.lifelines.map((l) => {
        const server = l.role === 'server';
        return (
          <g key={l.id} data-testid={`lifeline-${l.id}`}>
            <rect
              x={l.x - boxWidth / 2}
              y={8}
              width={boxWidth}
              height={h - 16}
              rx={8}
              fill={server ? PALETTE.serverFill : PALETTE.processFill}
              stroke={server ? PALETTE.serverFill : PALETTE.processStroke}
              strokeWidth={1.5}
            />
            <title>{`${l.label} (${l.role})`}</title>
            <text
              data-testid="lifeline-name"
              textAnchor="middle"
              fontSize={l.fontSize}
              fontWeight={700}
              fill={server ? PALETTE.serverText : PALETTE.ink}
            >
              {nameBaselines(l, h).map((y, i) => (
                <tspan key={i} x={l.x} y={y}>
                  {l.lines[i]}
                </tspan>
              ))}
            </text>
            <text
              x={l.x}
              y={h - 15}
              textAnchor="middle"
              fontSize={11}
              letterSpacing={0.6}
              fill={server ? '#cbd5e1' : PALETTE.subtle}
            >
              {l.role === 'server' ? 'SERVER' : 'PROCESS'}
            </text>
          </g>
        );
      })}
    </g>
  );
}
