/**
 * Keeps the address bar's hash and the store in step (loaded after the first paint, or before
 * it when the address holds a link: `openAddress`). Opening a link loads its exact state,
 * compare view included (or says why it cannot and opens the default scenario); changes of
 * scenario, fix, loaded schedule (Find the race, Undo) or compare view push a history entry,
 * steps and notes replace it; back/forward reload the state of the entry, so Back after Find the race
 * restores the run it replaced. An authored model travels in the link as its packed text
 * (`am=`, up to `MAX_MODEL_LINK`): opening such a link loads the model first (the authoring
 * code is fetched then), and a model that does not load opens in the editor, so nothing is lost.
 */
import { loadScenario, needsLoading } from '../../scenarios/catalog';
import { DEFAULT_SCENARIO, findScenario, isAuthoredId } from '../../scenarios/registry';
import { defaultFix } from '../../scenarios/session';
import { hasLink } from '../../share/address';
import { joinModelField, splitModelField } from '../../share/authoredLink';
import { decodeLink, encodeShare, scenarioIdOfLink, type EncodedLink } from '../../share/link';
import {
  authoredTextOf,
  loadModel,
  selectPinnedTrace,
  selectShareState,
  useAppStore,
  type AppState,
} from '../../store/index';

/** The authoring client, fetched when the address sync starts (authored models need it). */
type Client = typeof import('../authoring/authoredClient');
let client: Client | null = null;
const loadClient = (): Promise<Client> =>
  import('../authoring/authoredClient').then((module) => (client = module));

/**
 * The link of the state: the whole pinned run, written where it was pinned, its notes, and an
 * authored model's text when it fits (`modelTooLarge` says when it does not).
 */
function linkOf(s: AppState): EncodedLink & { modelTooLarge: number | null } {
  const state = { ...selectShareState(s), annotations: s.annotations };
  const link = encodeShare(state, selectPinnedTrace(s).worlds);
  const model = authoredTextOf(s);
  if (model === null) return { ...link, modelTooLarge: null };
  // The authoring client is loaded before any authored model is open.
  const packed = client?.modelLinkOf(model) ?? null;
  if (packed === null) return { ...link, modelTooLarge: null };
  return packed.ok
    ? { ...link, text: joinModelField(link.text, packed.packed), modelTooLarge: null }
    : { ...link, modelTooLarge: packed.length };
}

const modelTooLarge = (length: number) =>
  `This model is too long to travel in a link (${length.toLocaleString('en')} characters packed; a link carries up to ${(client?.modelCodec()?.MAX_MODEL_LINK ?? 0).toLocaleString('en')}). The link opens its run only where the model is loaded: share the .yaml file too (Download .yaml in the editor), and drop it onto the page that opens the link.`;

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
  const run = decodeLink(rest);
  if (!run.ok) {
    store.notify('warning', `The model opened, but not its run: ${run.error}`, addressOf(hash));
    return;
  }
  store.loadShared(run.state);
  store.setCompare(run.state.compare ?? null);
  for (const warning of run.warnings) store.notify('warning', warning);
}

const NOTES_TOO_LONG =
  'The notes make the link too long to share, so the link (and Copy link) carries the run without them. Shorten the notes, or export JSON to keep them.';

function openDefault(): void {
  const scenario = findScenario(DEFAULT_SCENARIO);
  if (!scenario) return;
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
 * Set while a link with an authored model, or a built-in whose model is not loaded yet, loads:
 * the address is left alone until then.
 */
let loading: Promise<void> | null = null;

/** Loads the state in `hash` into the store (the default scenario, with a message, when refused). */
function load(hash: string): boolean {
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
  if (needsLoading(named)) {
    const pending: Promise<void> = loadScenario(named)
      .catch(() => null)
      .then(() => {
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
  const result = decodeLink(hash);
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

/**
 * Opens the link in the address into the store, before the app is first drawn, so the first
 * diagram is the linked one; resolves once it is open (an authored model or a built-in's model
 * loaded too).
 */
export async function openAddress(): Promise<void> {
  // The model first: opening a link replays its run.
  await loadModel();
  openedAtStart = window.location.hash;
  load(openedAtStart);
  // A built-in's model is awaited; an authored model (the authoring code, then its compile) is
  // not: the page is drawn meanwhile, and the run opens once the model has loaded.
  if (splitModelField(openedAtStart).packed === null) await loading;
}

/** Wires the URL hash to the store until the returned function is called. */
export function startUrlSync(): () => void {
  void loadClient();
  let written = window.location.hash;
  let dropped = false;
  let tooLarge = false;
  const write = (s: AppState, push: boolean) => {
    if (loading) return;
    let hash: string;
    try {
      const link = linkOf(s);
      hash = `#${link.text}`;
      // Say so once when the notes stop fitting, not on every keystroke.
      if (link.notesDropped !== null && !dropped) s.notify('warning', NOTES_TOO_LONG);
      dropped = link.notesDropped !== null;
      if (link.modelTooLarge !== null && !tooLarge)
        s.notify('warning', modelTooLarge(link.modelTooLarge));
      tooLarge = link.modelTooLarge !== null;
    } catch {
      return; // Keep the last good address rather than break the page.
    }
    if (hash === written) return;
    written = hash;
    const url = `${window.location.pathname}${window.location.search}${hash}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };
  /** Loads `hash`; when it loads asynchronously (an authored model), writes once it has. */
  const openHash = (hash: string) => {
    load(hash);
    afterLoading();
  };
  const afterLoading = () => {
    const pending = loading;
    if (!pending) return;
    void pending.finally(() => {
      if (loading !== pending) return;
      loading = null;
      write(useAppStore.getState(), false);
    });
  };
  // The address opened before the first render is in the store already (or still loading).
  // Without a link, the store holds what the page opened with, and whatever was done since.
  if (openedAtStart === written) afterLoading();
  else if (hasLink(written)) openHash(written);
  openedAtStart = null;
  write(useAppStore.getState(), false);

  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (
      s.schedule === prev.schedule &&
      s.cursor === prev.cursor &&
      s.pinnedUnder === prev.pinnedUnder &&
      s.fix === prev.fix &&
      s.scenarioId === prev.scenarioId &&
      s.granularity === prev.granularity &&
      s.params === prev.params &&
      s.seed === prev.seed &&
      s.compareFix === prev.compareFix &&
      s.annotations === prev.annotations &&
      s.authored === prev.authored
    )
      return;
    write(s, s.navigation !== prev.navigation);
  });
  const onNavigate = () => {
    if (window.location.hash === written) return;
    written = window.location.hash;
    openHash(written);
    write(useAppStore.getState(), false);
  };
  window.addEventListener('popstate', onNavigate);
  window.addEventListener('hashchange', onNavigate);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener('hashchange', onNavigate);
  };
}
