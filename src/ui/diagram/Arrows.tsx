/**
 * Message arrows (requests, replies, replication lanes, dropped messages) and the timer and
 * fault marks on lifelines.
 */
import { memo, useState } from 'react';
import type { Arrow, DiagramLayout } from '../../viz/types';
import { FONT, FUTURE_OPACITY, HALO, PALETTE } from './palette';
import { sameFields } from './sameFields';

function colourOf(a: Arrow): string {
  if (a.stale) return PALETTE.stale;
  if (a.dropped) return PALETTE.fault;
  if (a.kind === 'lane') return PALETTE.lane;
  return a.kind === 'reply' ? PALETTE.reply : PALETTE.request;
}

/** A message still in flight at the cursor: a dotted line from its sender to the cursor. */
function PendingView({ arrow: a }: { arrow: Arrow }) {
  return (
    <g data-testid={`pending-${a.id}`} data-kind={a.kind}>
      <title>{a.title}</title>
      <path
        d={a.path}
        fill="none"
        stroke={PALETTE.ghost}
        strokeOpacity={0.55}
        strokeWidth={1.6}
        strokeDasharray="2 4"
        strokeLinecap="round"
      />
    </g>
  );
}

function ArrowView({ arrow }: { arrow: Arrow }) {
  return arrow.pending ? <PendingView arrow={arrow} /> : <MessageView arrow={arrow} />;
}

function MessageView({ arrow: a }: { arrow: Arrow }) {
  // Hovering an arrow thickens it and its label, so it is clear which label is whose.
  const [hover, setHover] = useState(false);
  const colour = colourOf(a);
  const reply = a.kind === 'reply';
  const width = a.stale ? 2.6 : reply ? 1.4 : 1.9;
  return (
    <g
      data-testid={`arrow-${a.id}`}
      data-kind={a.kind}
      data-row={a.toRow}
      data-stale={a.stale ? 'true' : undefined}
      opacity={a.future && !hover ? FUTURE_OPACITY : 1}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
    >
      <title>{a.title}</title>
      <path d={a.path} fill="none" stroke="#000000" strokeOpacity={0} strokeWidth={12} />
      <path
        d={a.path}
        fill="none"
        stroke={colour}
        strokeWidth={hover ? width + 1.6 : width}
        strokeDasharray={reply || a.dropped ? '5 4' : undefined}
        strokeLinecap="round"
      />
      {a.head ? (
        <path d={a.head} fill={colour} stroke={colour} strokeWidth={1} strokeLinejoin="round" />
      ) : null}
      {a.cross ? (
        <path
          d={a.cross}
          fill="none"
          stroke={PALETTE.fault}
          strokeWidth={3}
          strokeLinecap="round"
        />
      ) : null}
      <text
        x={a.labelX}
        y={a.labelY}
        textAnchor="middle"
        fontSize={reply ? 12 : 13}
        fontWeight={hover ? 800 : reply ? 500 : 650}
        fontStyle={reply ? 'italic' : undefined}
        fill={a.stale ? PALETTE.staleText : reply ? PALETTE.subtle : colour}
        {...HALO}
      >
        {a.label}
      </text>
    </g>
  );
}

/** An arrow re-renders only when its own fields change (most do not when the cursor moves). */
const ArrowShape = memo(ArrowView, (before, after) => sameFields(before.arrow, after.arrow));

/** Returns every arrow of the (possibly culled) layout. */
export function Arrows({ layout }: { layout: DiagramLayout }) {
  return (
    <g fontFamily={FONT}>
      {layout.arrows.map((a) => (
        <ArrowShape key={a.id} arrow={a} />
      ))}
    </g>
  );
}

/** Returns the clock (timer expiry) and lightning (injected fault) glyphs with their labels. */
export function Marks({ layout }: { layout: DiagramLayout }) {
  return (
    <g fontFamily={FONT}>
      {layout.marks.map((m) => {
        const colour = m.kind === 'timer' ? PALETTE.timer : PALETTE.fault;
        return (
          <g key={m.id} data-testid={`${m.kind}-mark`} opacity={m.future ? FUTURE_OPACITY : 1}>
            <title>{m.title}</title>
            <circle
              cx={m.x}
              cy={m.y}
              r={12}
              fill={PALETTE.background}
              stroke={colour}
              strokeWidth={1.5}
            />
            <path
              d={m.glyph}
              fill={m.kind === 'fault' ? colour : 'none'}
              stroke={colour}
              strokeWidth={m.kind === 'timer' ? 1.8 : 1}
              strokeLinejoin="round"
            />
            <text
              x={m.labelX + 6}
              y={m.labelY}
              fontSize={12.5}
              fontWeight={650}
              fill={colour}
              {...HALO}
            >
              {m.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
