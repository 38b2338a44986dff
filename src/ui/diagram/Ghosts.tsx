/**
 * Ghost arrows: the enabled steps, drawn dashed blue below the cursor. Each is a focusable
 * button; click, Enter or Space delivers that step next.
 */
import { useState, type KeyboardEvent } from 'react';
import type { DiagramLayout, Ghost } from '../../viz/types';
import { FONT, HALO, PALETTE } from './palette';

/** Takes a step; `viaKeyboard` when Enter or Space chose it. */
export type Choose = (key: string, viaKeyboard: boolean) => void;

interface GhostsProps {
  layout: DiagramLayout;
  onChoose: Choose;
}

function GhostButton({ ghost: g, onChoose }: { ghost: Ghost; onChoose: Choose }) {
  const [active, setActive] = useState(false);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onChoose(g.key, true);
    }
  };
  const glyphFill = g.kind === 'fault' ? PALETTE.fault : 'none';
  const glyphStroke = g.kind === 'fault' || g.kind === 'drop' ? PALETTE.fault : PALETTE.ghost;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={g.ariaLabel}
      data-testid={`ghost-${g.testKey}`}
      data-key={g.key}
      cursor="pointer"
      onClick={(event) => {
        event.stopPropagation();
        onChoose(g.key, false);
      }}
      onKeyDown={onKeyDown}
      onMouseEnter={() => setActive(true)}
      onMouseLeave={() => setActive(false)}
      onFocus={() => setActive(true)}
      onBlur={() => setActive(false)}
    >
      <title>{g.ariaLabel}</title>
      <rect
        {...g.hit}
        rx={6}
        fill={active ? PALETTE.ghostHover : '#000000'}
        fillOpacity={active ? 1 : 0}
        stroke={active ? PALETTE.ghost : 'none'}
        strokeWidth={1.5}
      />
      {g.path ? (
        <path
          d={g.path}
          fill="none"
          stroke={PALETTE.ghost}
          strokeWidth={active ? 2.6 : 2}
          strokeDasharray="7 5"
        />
      ) : null}
      {g.head ? (
        <path d={g.head} fill={PALETTE.ghost} stroke={PALETTE.ghost} strokeLinejoin="round" />
      ) : null}
      {g.glyph ? (
        <path
          d={g.glyph}
          fill={glyphFill}
          stroke={glyphStroke}
          strokeWidth={g.kind === 'drop' ? 3 : 1.8}
          strokeLinecap="round"
        />
      ) : null}
      <text
        x={g.labelX}
        y={g.labelY}
        textAnchor={g.path ? 'middle' : 'start'}
        fontSize={12.5}
        fontWeight={650}
        fill={PALETTE.ghost}
        {...HALO}
      >
        {g.label}
      </text>
    </g>
  );
}

/** Returns the ghost arrows of the enabled steps. */
export function Ghosts({ layout, onChoose }: GhostsProps) {
  return (
    <g fontFamily={FONT}>
      {layout.ghosts.map((g) => (
        <GhostButton key={g.key} ghost={g} onChoose={onChoose} />
      ))}
    </g>
  );
}
