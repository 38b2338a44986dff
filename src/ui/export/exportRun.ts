/**
 * What the Export menu does: the run as SVG, PNG, Mermaid, JSON or embed code, and opening an
 * exported JSON run. Loaded by the menu on first use, so none of it is in the initial chunk.
 */
import { embedCode } from '../../share/embedCode';
import { toMermaid } from '../../share/mermaid';
import { loadAllScenarios } from '../../scenarios/catalog';
import { parseRunJson, runModelText, toRunJson } from '../../share/runJson';
import { authoredTextOf } from '../../store/autosave';
import { samePin, useAppStore, type AppState } from '../../store/index';
import { selectDivergence, selectModel, selectScenario, selectTrace } from '../../store/index';
import { divergenceInput } from '../../viz/divergence';
import { download, svgToPng } from './download';

export type Format =
  'svg' | 'png' | 'png-transparent' | 'mermaid' | 'mermaid-copy' | 'json' | 'embed';

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
  const modelText = authoredTextOf(s);
  const json = toRunJson({
    scenario: selectScenario(s),
    model: selectModel(s),
    config: { scenarioId: s.scenarioId, fix: s.fix, granularity: s.granularity, params: s.params },
    seed: s.seed,
    trace: selectTrace(s),
    cursor: s.cursor,
    annotations: s.annotations,
    ...(samePin(s.scenarioId, s.pinnedUnder, s) ? {} : { pinned: s.pinnedUnder }),
    ...(modelText !== null ? { modelText } : {}),
  });
  return JSON.stringify(json, null, 2) + '\n';
}

/** Carries out one export. */
export async function exportAs(format: Format): Promise<string> {
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

/**
 * Opens the authored model a run carries (registered under the id its text gives), or says why
 * it does not load and opens it in the editor with its errors. Returns its id, or null.
 */
async function openRunModel(name: string, model: string): Promise<string | null> {
  const { editText, registerText } = await import('../authoring/authoredClient');
  const result = await registerText(model);
  if (result.ok) return result.scenario.id;
  const count = result.errors.length === 1 ? 'one error' : `${result.errors.length} errors`;
  useAppStore
    .getState()
    .notify(
      'error',
      `Could not open “${name}”: the authored model it carries does not load (${count}); it is open in the editor with its errors.`,
    );
  editText(model);
  return null;
}

/** Opens an exported JSON run (replayed and checked first), with its authored model if any. */
export async function importJson(file: File): Promise<void> {
  const store = useAppStore.getState();
  const text = await file.text();
  // The run may be of any built-in: their models are checked against it.
  await loadAllScenarios().catch(() => undefined);
  const model = runModelText(text);
  const modelId = model === null ? undefined : await openRunModel(file.name, model);
  if (modelId === null) return;
  const state = parseRunJson(text, modelId);
  if (typeof state === 'string') {
    store.notify('error', `Could not open “${file.name}”: ${state}`);
    return;
  }
  if (model !== null && modelId !== undefined) store.openAuthored(modelId, model);
  store.loadShared(state);
  store.setCompare(null);
  store.notify('info', `Opened the run in “${file.name}”.`);
}
