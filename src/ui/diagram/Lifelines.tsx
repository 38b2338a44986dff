/**
 * Lifelines (the vertical lines) and their headers (actor label and role). The headers are
 * drawn in their own group so the zoom adapter can keep them pinned to the top.
 */
import type { DiagramLayout } from '../../viz/types';
import { useContext } from 'react';
import { OpaqueBackdrop } from './backdrop';
import { FONT, PALETTE } from './palette';

/** Header font size: 15px, smaller for long labels (down to 11px). */
function headerFont(label: string, boxWidth: number): number {
  return Math.max(11, Math.min(15, Math.floor((boxWidth - 14) / (label.length * 0.6))));
}

/** The header label, cut with an ellipsis when even 11px does not fit (full label in the title). */
function headerText(label: string, boxWidth: number): string {
  const max = Math.floor((boxWidth - 14) / (11 * 0.6));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
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
  const boxWidth = Math.min(144, layout.columnWidth - 14);
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
              x={l.x}
              y={h / 2 - 1}
              textAnchor="middle"
              fontSize={headerFont(l.label, boxWidth)}
              fontWeight={700}
              fill={server ? PALETTE.serverText : PALETTE.ink}
            >
              {headerText(l.label, boxWidth)}
            </text>
            <text
              x={l.x}
              y={h / 2 + 14}
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
