/**
 * The Export menu: the whole run as SVG, PNG (2×, white or transparent), Mermaid text
 * (download or copy) or JSON, the code that embeds the run's read-only view in another page,
 * and opening an exported JSON run. The SVG renderer and the font it inlines are loaded on
 * demand, so they cost nothing until used.
 */
import { useEffect, useRef, useState } from 'react';
import { embedCode } from '../../share/embedCode';
import { toMermaid } from '../../share/mermaid';
import { parseRunJson, toRunJson } from '../../share/runJson';
import { samePin, useAppStore, type AppState } from '../../store/index';
import { selectDivergence, selectModel, selectScenario, selectTrace } from '../../store/index';
import { divergenceInput } from '../../viz/divergence';
import { download, svgToPng } from './download';

type Format = 'svg' | 'png' | 'png-transparent' | 'mermaid' | 'mermaid-copy' | 'json' | 'embed';

function baseName(s: AppState): string {
  return `interleave-${s.scenarioId}-${s.fix}`;
}

function fixLabel(s: AppState): string {
  return selectScenario(s).fixes.find((f) => f.id === s.fix)?.label ?? s.fix;
}

async function svgOf(s: AppState, background: 'white' | 'none'): Promise<string> {
  const [{ diagramSvg }, { diagramFontBase64 }] = await Promise.all([
    import('./svg'),
    import('./fontAsset'),
  ]);
  const font = await diagramFontBase64();
  const scenario = selectScenario(s);
  const story = selectDivergence(s);
  return diagramSvg({
    scenario,
    model: selectModel(s),
    trace: selectTrace(s),
    title: `${s.annotations.title.trim() || scenario.title} (${fixLabel(s)})`,
    notes: s.annotations.notes,
    divergence: story ? divergenceInput(story) : null,
    background,
    font,
  });
}

function mermaidOf(s: AppState): string {
  return toMermaid({
    scenario: selectScenario(s),
    model: selectModel(s),
    trace: selectTrace(s),
    fixLabel: fixLabel(s),
    annotations: s.annotations,
  });
}

function jsonOf(s: AppState): string {
  const json = toRunJson({
    scenario: selectScenario(s),
    model: selectModel(s),
    config: { scenarioId: s.scenarioId, fix: s.fix, granularity: s.granularity, params: s.params },
    seed: s.seed,
    trace: selectTrace(s),
    cursor: s.cursor,
    annotations: s.annotations,
    ...(samePin(s.scenarioId, s.pinnedUnder, s) ? {} : { pinned: s.pinnedUnder }),
  });
  return JSON.stringify(json, null, 2) + '\n';
}

/** Carries out one export. */
async function exportAs(format: Format): Promise<string> {
  const s = useAppStore.getState();
  const name = baseName(s);
  if (format === 'svg') {
    download(`${name}.svg`, new Blob([await svgOf(s, 'white')], { type: 'image/svg+xml' }));
    return 'Saved the diagram as SVG.';
  }
  if (format === 'png' || format === 'png-transparent') {
    const background = format === 'png' ? 'white' : 'none';
    const svg = await svgOf(s, background);
    const size = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
    const png = await svgToPng(
      svg,
      Number(size?.[1] ?? 800),
      Number(size?.[2] ?? 600),
      2,
      background,
    );
    download(`${name}${background === 'none' ? '-transparent' : ''}.png`, png);
    return 'Saved the diagram as PNG (2×).';
  }
  if (format === 'mermaid') {
    download(`${name}.mmd`, new Blob([mermaidOf(s)], { type: 'text/plain' }));
    return 'Saved the run as Mermaid text.';
  }
  if (format === 'embed') {
    const title = s.annotations.title.trim() || selectScenario(s).title;
    const code = embedCode(window.location.href, window.location.hash.slice(1), title);
    try {
      await navigator.clipboard.writeText(code);
      return `Copied the embed code: ${code}`;
    } catch {
      return `Copy this embed code: ${code}`;
    }
  }
  if (format === 'mermaid-copy') {
    await navigator.clipboard.writeText(mermaidOf(s));
    return 'Copied the Mermaid text: paste it into a ```mermaid block.';
  }
  download(`${name}.json`, new Blob([jsonOf(s)], { type: 'application/json' }));
  return 'Saved the run as JSON.';
}

/** Opens an exported JSON run (replayed and checked first). */
async function importJson(file: File): Promise<void> {
  const store = useAppStore.getState();
  const state = parseRunJson(await file.text());
  if (typeof state === 'string') {
    store.notify('error', `Could not open “${file.name}”: ${state}`);
    return;
  }
  store.loadShared(state);
  store.setCompare(null);
  store.notify('info', `Opened the run in “${file.name}”.`);
}

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
    exportAs(format).then(setStatus, (error: unknown) =>
      notify('error', `Export failed: ${String(error)}`),
    );
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
                if (file) void importJson(file).then(() => setOpen(false));
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
