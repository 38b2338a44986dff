/**
 * The Export menu: the whole run as SVG, PNG (2×, white or transparent), Mermaid text
 * (download or copy) or JSON, the code that embeds the run's read-only view in another page,
 * and opening an exported JSON run. What each item does (exportRun, and the SVG renderer it
 * uses) is loaded on demand, so it costs nothing until used.
 */
import { useEffect, useRef, useState } from 'react';
import { loadModel, useAppStore } from '../../store/index';
import type { Format } from './exportRun';

// The model first: an export replays the run.
const exportRun = () => loadModel().then(() => import('./exportRun'));

const ITEMS: readonly (readonly [Format, string])[] = [
  ['svg', 'SVG'],
  ['png', 'PNG (2×, white)'],
  ['png-transparent', 'PNG (2×, transparent)'],
  ['mermaid', 'Mermaid'],
  ['mermaid-copy', 'Copy Mermaid'],
  ['json', 'JSON (with every step’s state)'],
  ['embed', 'Copy embed code (read-only view)'],
];

/** Returns the Export button and its menu. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const notify = useAppStore((s) => s.notify);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    // Fetch what the items do while the menu is read.
    void exportRun();
    const close = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', close);
    ref.current?.addEventListener('keydown', escape);
    const node = ref.current;
    return () => {
      document.removeEventListener('mousedown', close);
      node?.removeEventListener('keydown', escape);
    };
  }, [open]);
  const run = (format: Format) => {
    exportRun()
      .then((m) => m.exportAs(format))
      .then(setStatus, (error: unknown) => notify('error', `Export failed: ${String(error)}`));
  };
  return (
    <div className="export" ref={ref}>
      <button
        type="button"
        className="btn"
        data-testid="export-toggle"
        aria-expanded={open}
        aria-controls="export-menu"
        title="Export the run: SVG, PNG, Mermaid, JSON"
        onClick={() => setOpen(!open)}
      >
        Export ▾
      </button>
      {open && (
        <div className="export-menu" id="export-menu" data-testid="export-menu">
          {ITEMS.map(([format, label]) => (
            <button
              key={format}
              type="button"
              className="export-item"
              data-testid={`export-${format}`}
              onClick={() => run(format)}
            >
              {label}
            </button>
          ))}
          <label className="export-item export-open">
            Open a JSON run…
            <input
              type="file"
              accept="application/json,.json"
              data-testid="import-json"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file)
                  void exportRun()
                    .then((m) => m.importJson(file))
                    .then(() => setOpen(false));
              }}
            />
          </label>
          <p className="export-status" role="status" data-testid="export-status">
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
