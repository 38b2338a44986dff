/**
 * The scenario picker: a button with the current title that opens a menu listing every
 * registered scenario with its one-line story, tags and how many of its fixes hold (by the
 * committed verdicts at the current granularity). Arrow keys, Home and End move in the menu;
 * Enter opens the scenario; Esc closes it.
 */
import { useEffect, useRef, useState } from 'react';
import type { Granularity } from '../../engine/types';
import { BUILT_IN_INFO, loadAllScenarios, loadScenario } from '../../scenarios/catalog';
import { findScenario } from '../../scenarios/registry';
import { holdingCount, holdingLine } from '../../scenarios/verdictBrief';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

/** How many of a scenario's fixes hold, once its model is loaded ('' before). */
function holdingOf(id: string, granularity: Granularity): string {
  const scenario = findScenario(id);
  return scenario ? holdingLine(holdingCount(scenario, granularity)) : '';
}

/**
 * Returns the scenario picker. Its title is the page's heading, unless `heading` is false (on
 * a phone, where the header holds the heading and the picker sits in the drawer).
 */
export function ScenarioPicker({ heading = true }: { heading?: boolean }) {
  const Title = heading ? 'h1' : 'span';
  const scenario = useScenario();
  const selectScenario = useAppStore((s) => s.selectScenario);
  const granularity = useAppStore((s) => s.granularity);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // The holding counts need each scenario's model: shown once loaded (usually long before).
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (!open) return;
    void loadAllScenarios().then(() => setLoaded((n) => n + 1));
  }, [open]);

  const listRef = useRef<HTMLUListElement>(null);
  // Opening puts focus on the current scenario, so arrow keys start from there.
  useEffect(() => {
    if (open) listRef.current?.querySelector<HTMLButtonElement>('.is-current')?.focus();
  }, [open]);
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

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      ref.current?.querySelector<HTMLButtonElement>('.picker-button')?.focus();
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div className="picker" ref={ref}>
      <button
        type="button"
        className="picker-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="scenario-picker"
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (!open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Title className="picker-title">{scenario.title}</Title>
        <span className="picker-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul
          className="picker-menu"
          role="listbox"
          aria-label="Scenarios"
          ref={listRef}
          onKeyDown={onListKey}
        >
          {BUILT_IN_INFO.map((s) => (
            <li key={s.id} role="option" aria-selected={s.id === scenario.id}>
              <button
                type="button"
                className={s.id === scenario.id ? 'picker-item is-current' : 'picker-item'}
                data-testid={`scenario-${s.id}`}
                onClick={() => {
                  setOpen(false);
                  void loadScenario(s.id).then((loaded) => loaded && selectScenario(s.id));
                }}
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
      )}
    </div>
  );
}
