/**
 * The scenario picker: a button with the current title that opens a menu listing every
 * registered scenario with its one-line story, tags and how many of its fixes hold (by the
 * committed verdicts at the current granularity).
 */
import { useEffect, useRef, useState } from 'react';
import { SCENARIOS } from '../../scenarios/index';
import { holdingCount, holdingLine } from '../../scenarios/verdictBrief';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

/** Returns the scenario picker. */
export function ScenarioPicker() {
  const scenario = useScenario();
  const selectScenario = useAppStore((s) => s.selectScenario);
  const granularity = useAppStore((s) => s.granularity);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
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
      >
        <h1 className="picker-title">{scenario.title}</h1>
        <span className="picker-chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul className="picker-menu" role="listbox" aria-label="Scenarios">
          {SCENARIOS.map((s) => (
            <li key={s.id} role="option" aria-selected={s.id === scenario.id}>
              <button
                type="button"
                className={s.id === scenario.id ? 'picker-item is-current' : 'picker-item'}
                data-testid={`scenario-${s.id}`}
                onClick={() => {
                  setOpen(false);
                  selectScenario(s.id);
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
                    {holdingLine(holdingCount(s, granularity))}
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
