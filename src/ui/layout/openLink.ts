/**
 * Opens the link in the address into the store (`openAddress`, before the first render, so the
 * first diagram is the linked one; then `load` on back/forward, from the address sync in
 * `./urlSync`). Opening a link loads its exact state, compare view included (or says why it
 * cannot and opens the default scenario). An authored model travels in the link as its packed
 * text (`am=`): opening such a link loads the model first (the authoring code is fetched then),
 * and a model that does not load opens in the editor, so nothing is lost. The link code here
 * reads links only: writing them (and fflate's deflate) is the address sync's, after the first
 * paint, and fflate's inflate is fetched only for a link with packed fields.
 */
import { loadScenario, needsLoading } from '../../scenarios/catalog';
import { DEFAULT_SCENARIO, findScenario, isAuthoredId } from '../../scenarios/registry';
import { defaultFix } from '../../scenarios/session';
import { hasLink, scenarioIdOfLink } from '../../share/address';
import { splitModelField } from '../../share/authoredLink';
import { hasPackedFields, readLink, type PackedFields } from '../../share/linkRead';
import { loadModel, nextTask, selectModel, useAppStore } from '../../store/index';
import { lifelineOrder } from '../../viz/order';

// The model a link is opened with travels in this chunk: as a chunk of its own it was fetched
// beside this one, for no earlier start (this chunk's own imports hold the live model).
export { loadModelFor } from '../../store/linkModel';

/** The authoring client, fetched when the address sync starts (authored models need it). */
type Client = typeof import('../authoring/authoredClient');
let client: Client | null = null;
export const loadClient = (): Promise<Client> =>
  import('../authoring/authoredClient').then((module) => (client = module));

/** Returns the authoring client if it has loaded, or null. */
export function authoringClient(): Client | null {
  return client;
}

/** What reads a link's packed fields (fflate's inflate), once loaded: links without any do not. */
let reader: PackedFields | null = null;
const loadPacked = (): Promise<PackedFields> =>
  import('../../share/packedFields').then((module) => (reader = module.PACKED_FIELDS));

/** Puts what reads packed fields at hand (the address sync has it: it writes links). */
export function setPackedFields(fields: PackedFields): void {
  reader = fields;
}

/** The address as opened, for a notice about a refused link. */
const addressOf = (hash: string) =>
  window.location.href.split('#')[0] + (hash.startsWith('#') ? hash : `#${hash}`);

/**
 * Opens a link that carries an authored model: the model is loaded first (one that does not
 * load opens in the editor with its errors), then the run.
 */
async function loadAuthoredLink(hash: string, rest: string, packed: string): Promise<void> {
  const store = useAppStore.getState();
  const { editText, loadModelCodec, registerText } = await loadClient();
  const { decodeModelLink } = await loadModelCodec();
  const decoded = decodeModelLink(packed);
  if (!decoded.ok) {
    store.notify(
      'error',
      `This link's authored model cannot be opened: ${decoded.error}. Opened the default scenario instead.`,
      addressOf(hash),
    );
    openDefault();
    return;
  }
  const result = await registerText(decoded.text);
  if (!result.ok) {
    store.notify(
      'error',
      `The authored model in this link does not load (${result.errors.length === 1 ? 'one error' : `${result.errors.length} errors`}); it is open in the editor with its errors, so nothing is lost.`,
      addressOf(hash),
    );
    editText(decoded.text);
    return;
  }
  store.openAuthored(result.scenario.id, decoded.text);
  const run = readLink(rest, reader ?? (await loadPacked()));
  if (!run.ok) {
    store.notify('warning', `The model opened, but not its run: ${run.error}`, addressOf(hash));
    return;
  }
  store.loadShared(run.state);
  store.setCompare(run.state.compare ?? null);
  for (const warning of run.warnings) store.notify('warning', warning);
}

/**
 * Opens the default scenario. Under a link to another scenario its model was not loaded with
 * the page's model: it is loaded first (as a load under way, which `openAddress` awaits).
 */
function openDefault(): void {
  const scenario = findScenario(DEFAULT_SCENARIO);
  if (!scenario) {
    const pending: Promise<void> = loadScenario(DEFAULT_SCENARIO).then(() => {
      if (loading === pending) openDefault();
    });
    loading = pending;
    return;
  }
  useAppStore.getState().loadShared({
    scenarioId: scenario.id,
    fix: defaultFix(scenario),
    granularity: 'operations',
    params: {},
    seed: 1,
    schedule: [],
    cursor: 0,
  });
  useAppStore.getState().setCompare(null);
}

/**
 * Set while a link with an authored model, or a built-in whose model (or a link whose packed
 * fields' reader) is not loaded yet, loads: the address is left alone until then.
 */
let loading: Promise<void> | null = null;

/** Returns the load under way (`load`), if any. */
export function pendingLoad(): Promise<void> | null {
  return loading;
}

/** Ends `pending` if it is still the load under way; returns whether it was. */
export function settled(pending: Promise<void>): boolean {
  if (loading !== pending) return false;
  loading = null;
  return true;
}

/** Loads the state in `hash` into the store (the default scenario, with a message, when refused). */
export function load(hash: string): boolean {
  loading = null;
  if (!hasLink(hash)) {
    openDefault();
    return true;
  }
  const { rest, packed } = splitModelField(hash);
  if (packed !== null) {
    loading = loadAuthoredLink(hash, rest, packed);
    return true;
  }
  const named = scenarioIdOfLink(rest) ?? '';
  const unpacking = reader === null && hasPackedFields(hash);
  if (needsLoading(named) || unpacking) {
    const pending: Promise<void> = Promise.all([
      loadScenario(named).catch(() => null),
      unpacking ? loadPacked().catch(() => null) : null,
    ]).then(() => {
      // Unless another address has been opened meanwhile.
      if (loading === pending) decodeInto(hash, rest, named);
    });
    loading = pending;
    return true;
  }
  return decodeInto(hash, rest, named);
}

/** Decodes the link in `hash` (its scenario at hand) into the store. */
function decodeInto(hash: string, rest: string, named: string): boolean {
  const store = useAppStore.getState();
  const result = readLink(hash, reader);
  if (!result.ok && isAuthoredId(named) && !findScenario(named)) {
    store.notify(
      'warning',
      'This link is of an authored model that did not fit in it. Drop the model’s .yaml file onto this page (or open it in the editor) to see the run.',
      addressOf(hash),
    );
    void loadClient().then((c) => c.waitForModel(named, rest));
    openDefault();
    return false;
  }
  if (!result.ok) {
    // Say which link was refused, so it can be reported: the address bar moves on.
    store.notify('error', `${result.error} Opened the default scenario instead.`, addressOf(hash));
    openDefault();
    return false;
  }
  store.loadShared(result.state);
  store.setCompare(result.state.compare ?? null);
  for (const warning of result.warnings) store.notify('warning', warning);
  return true;
}

/** The address opened before the first render (`openAddress`), not opened again at start. */
let openedAtStart: string | null = null;

/** Returns the address opened before the first render (once; null after). */
export function takeOpenedAtStart(): string | null {
  const at = openedAtStart;
  openedAtStart = null;
  return at;
}

/**
 * Opens the link in the address into the store, before the app is first drawn, so the first
 * diagram is the linked one; resolves once it is open (an authored model or a built-in's model
 * loaded too).
 */
export async function openAddress(): Promise<void> {
  // What reads packed fields is fetched beside the model, for a link that has some.
  const hash = window.location.hash;
  if (splitModelField(hash).packed === null && hasPackedFields(hash))
    void loadPacked().catch(() => null);
  // The model first: opening a link replays its run.
  await loadModel();
  openedAtStart = window.location.hash;
  load(openedAtStart);
  // A built-in's model is awaited; an authored model (the authoring code, then its compile) is
  // not: the page is drawn meanwhile, and the run opens once the model has loaded.
  // A refused link opens the default scenario, whose model may be loaded then: awaited too.
  if (splitModelField(openedAtStart).packed !== null) return;
  for (let awaited = null; loading !== awaited;) {
    awaited = loading;
    await awaited;
  }
  // The opened model's lifeline order (cached per model) in a task of its own, not in the
  // first render's layout of the diagram: it runs the model from the start as the Step button
  // does, the first time its machines take those transitions. Only a head start: what fails
  // here fails again where it is drawn, and says so there.
  await nextTask();
  try {
    lifelineOrder(selectModel(useAppStore.getState()));
  } catch {
    // drawn below
  }
}
