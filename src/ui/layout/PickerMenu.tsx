/**
 * The scenario picker's menu (fetched when it is first opened, or when the page is idle): every
 * registered scenario with its one-line story, tags and how many of its fixes hold (by the
 * committed verdicts at the current granularity). Arrow keys, Home and End move in it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Granularity } from '../../engine/types';
import { BUILT_IN_INFO, loadAllScenarios } from '../../scenarios/catalog';
import { findScenario } from '../../scenarios/registry';
import { holdingCount, holdingLine } from '../../scenarios/verdictBrief';

/** How many of a scenario's fixes hold, once its model is loaded ('' before). */
function holdingOf(id: string, granularity: Granularity): string {
  const scenario = findScenario(id);
  return scenario ? holdingLine(holdingCount(scenario, granularity)) : '';
}

interface PickerMenuProps {
  readonly current: string;
  readonly granularity: Granularity;
  /** Called with the scenario chosen. */
  onPick(id: string): void;
}

/** Returns the menu; it takes focus on the current scenario when it opens. */
export function PickerMenu({ current, granularity, onPick }: PickerMenuProps) {
  const listRef = useRef<HTMLUListElement>(null);
  // The holding counts need each scenario's model: shown once loaded (usually long before).
  const [, setLoaded] = useState(0);
  useEffect(() => {
    void loadAllScenarios().then(() => setLoaded((n) => n + 1));
  }, []);
  // Opening puts focus on the current scenario, so arrow keys start from there.
  useEffect(() => {
    listRef.current?.querySelector<HTMLButtonElement>('.is-current')?.focus();
  }, []);
  /** Arrow keys, Home and End move between the scenarios. */
  const onListKey = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.picker-item') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next: Record<string, number> = {
      ArrowDown: Math.min(items.length - 1, at + 1),
      ArrowUp: Math.max(0, at - 1),
      Home: 0,
      End: items.length - 1,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    items[to]?.focus();
  };

  return (
    <ul
      className="picker-menu"
      role="listbox"
      aria-label="Scenarios"
      ref={listRef}
      onKeyDown={onListKey}
    >
      {BUILT_IN_INFO.map((s) => (
        <li key={s.id} role="option" aria-selected={s.id === current}>
          <button
            type="button"
            className={s.id === current ? 'picker-item is-current' : 'picker-item'}
            data-testid={`scenario-${s.id}`}
            onClick={() => onPick(s.id)}
          >
            <span className="picker-item-title">{s.title}</span>
            <span className="picker-item-story">{s.story}</span>
            <span className="tags">
              {s.tags.map((t) => (
                <span className="tag" key={t}>
                  {t}
                </span>
              ))}
              <span className="picker-item-verdicts" data-testid={`holding-${s.id}`}>
                {holdingOf(s.id, granularity)}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
