/**
 * Authored models in the page: the editor's checks as you type (debounced, in the authoring
 * worker), opening a model that loads (compiled here for the diagram, explored in the explore
 * worker), New incident, Edit a copy, files opened or dropped, and the .yaml download. The
 * authoring code (YAML parser, schema) is loaded only when first needed.
 */
import { findScenario, isAuthoredId, registerAuthored } from '../../scenarios/registry';
import type { AuthoredResult } from '../../share/authored';
import { decodeLink } from '../../share/link';
import type { ModelLink } from '../../share/model';
import { useAppStore } from '../../store/index';
import { findRace } from '../explore/onDemand';
import { download } from '../export/download';
import { checkModel } from './checkClient';
import { NEW_INCIDENT_TEMPLATE } from './template';

/** Quiet time after the last keystroke before the model is checked. */
export const CHECK_DEBOUNCE_MS = 300;
/** Largest file accepted when opened or dropped (the format caps the text far below). */
const MAX_FILE_BYTES = 256 * 1024;

type Codec = typeof import('../../share/model');
let authoring: Promise<typeof import('../../share/authored')> | null = null;
let codecLoading: Promise<Codec> | null = null;
let codec: Codec | null = null;

/** Loads the authoring code once. */
export function loadAuthoring(): Promise<typeof import('../../share/authored')> {
  authoring ??= import('../../share/authored');
  return authoring;
}

/** Loads the model link codec once. */
export function loadModelCodec(): Promise<Codec> {
  codecLoading ??= import('../../share/model').then((module) => (codec = module));
  return codecLoading;
}

/** The model link codec, once loaded (it is before any authored model is opened). */
export function modelCodec(): Codec | null {
  return codec;
}

let packedModel: { text: string; link: ModelLink } | null = null;

/**
 * Returns the packed model text for a link (the last one is kept: the link is rewritten often),
 * or null while the codec is not loaded (it is, once any authored model has been opened).
 */
export function modelLinkOf(text: string): ModelLink | null {
  if (!codec) return null;
  if (packedModel?.text !== text) packedModel = { text, link: codec.encodeModelLink(text) };
  return packedModel.link;
}

/** A link waiting for its authored model (too large to travel in it): its app id and link. */
let waiting: { id: string; link: string } | null = null;

/** Remembers a link whose model `id` is not loaded: opening that model opens its run. */
export function waitForModel(id: string, link: string): void {
  waiting = { id, link };
}

/** Opens the run of the link waiting for model `id`, if there is one. */
function openWaitingRun(id: string): void {
  if (waiting?.id !== id) return;
  const { link } = waiting;
  waiting = null;
  const run = decodeLink(link);
  const store = useAppStore.getState();
  if (!run.ok)
    return store.notify('warning', `The model opened, but not the link's run: ${run.error}`);
  store.loadShared(run.state);
  for (const warning of run.warnings) store.notify('warning', warning);
}

/** Compiles `text` here and registers it under its app id when it loads. */
export async function registerText(text: string): Promise<AuthoredResult> {
  const [{ loadAuthored }] = await Promise.all([loadAuthoring(), loadModelCodec()]);
  const result = loadAuthored(text);
  if (result.ok && !findScenario(result.scenario.id)) registerAuthored(result.scenario);
  return result;
}

/** Opens a model that loads (as checked in the worker) and finds its race. */
async function openChecked(text: string): Promise<void> {
  const result = await registerText(text);
  const store = useAppStore.getState();
  if (!result.ok) {
    store.draftChecked(text, result.errors);
    return;
  }
  if (store.editor.draft === text || !store.editor.open) {
    store.draftChecked(text, []);
  }
  if (store.scenarioId === result.scenario.id) return;
  store.openAuthored(result.scenario.id, text);
  if (waiting?.id === result.scenario.id) openWaitingRun(result.scenario.id);
  else findRace();
}

/** Checks `text` now: errors go to the editor; a model that loads is opened. */
export async function checkNow(text: string): Promise<void> {
  const response = await checkModel(text);
  if (useAppStore.getState().editor.draft !== text) return;
  if (response.modelId === null) useAppStore.getState().draftChecked(text, response.errors);
  else await openChecked(text);
}

let timer: number | undefined;

/** Records the editor's text and checks it once typing pauses. */
export function draftChanged(text: string): void {
  useAppStore.getState().setDraft(text);
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void checkNow(text), CHECK_DEBOUNCE_MS);
}

/** Opens the editor on `text` and checks it at once. */
export function editText(text: string): void {
  window.clearTimeout(timer);
  useAppStore.getState().openEditor(text);
  void checkNow(text);
}

/** "New incident": the editor on a small template. */
export function newIncident(): void {
  editText(NEW_INCIDENT_TEMPLATE);
}

/** The example files, loaded only when asked for. */
const EXAMPLES = import.meta.glob<string>('../../../examples/*.yaml', {
  query: '?raw',
  import: 'default',
});

/** Returns the example file written for built-in `scenarioId`, or null when there is none. */
async function exampleFor(scenarioId: string): Promise<string | null> {
  const texts = await Promise.all(Object.values(EXAMPLES).map((load) => load()));
  const line = new RegExp(`^id: ${scenarioId.replace(/[^a-z0-9-]/g, '')}\\s*$`, 'm');
  return texts.find((text) => line.test(text)) ?? null;
}

/**
 * "Edit a copy of this scenario": an authored model's own text, a built-in's example file, or
 * a message saying there is none yet.
 */
export async function editCopy(): Promise<void> {
  const s = useAppStore.getState();
  if (isAuthoredId(s.scenarioId)) {
    if (s.authored?.id === s.scenarioId) editText(s.authored.text);
    return;
  }
  const title = findScenario(s.scenarioId)?.title ?? s.scenarioId;
  const text = await exampleFor(s.scenarioId);
  if (text === null) {
    s.notify(
      'info',
      `“${title}” is not written in the authoring format yet, so there is no copy to edit. Start from New incident, or open one of the examples (cache-aside, duplicate-insert, QueryPilot).`,
    );
    return;
  }
  editText(text);
}

/** Opens a `.yaml` file (picked or dropped) in the editor. */
export async function openFile(file: File): Promise<void> {
  const store = useAppStore.getState();
  if (file.size > MAX_FILE_BYTES) {
    store.notify('error', `“${file.name}” is too large to be a model (${file.size} bytes).`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    store.notify('error', `“${file.name}” could not be read.`);
    return;
  }
  editText(text);
}

/** Returns a file name for the model: its id when it has one, else `incident`. */
export function fileNameOf(text: string): string {
  const id = /^id:\s*([a-z][a-z0-9-]{0,39})\s*$/m.exec(text)?.[1];
  return `${id ?? 'incident'}.yaml`;
}

/** Downloads `text` as a `.yaml` file. */
export function downloadModel(text: string): void {
  download(fileNameOf(text), new Blob([text], { type: 'application/yaml' }));
}
