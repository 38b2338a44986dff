/**
 * The scenario picker: a button with the current title that opens a menu listing every
 * registered scenario (PickerMenu, fetched when first opened or when the page is idle). Enter
 * opens the scenario; Esc closes the menu.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store/index';
import { useScenario } from '../hooks';

const PickerMenu = lazy(() => import('./PickerMenu').then((m) => ({ default: m.PickerMenu })));

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
        <Suspense fallback={null}>
          <PickerMenu
            current={scenario.id}
            granularity={granularity}
            onPick={(id) => {
              setOpen(false);
              void import('../../scenarios/catalog')
                .then((m) => m.loadScenario(id))
                .then((loaded) => loaded && selectScenario(id));
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
