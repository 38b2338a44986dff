/**
 * Keeps the address bar's hash and the store in step (loaded after the first paint; a link in
 * the address was opened before it by `./openLink`): changes of scenario, fix, loaded schedule
 * (Find the race, Undo) or compare view push a history entry, steps and notes replace it;
 * back/forward reload the state of the entry, so Back after Find the race restores the run it
 * replaced. An authored model travels in the link as its packed text (`am=`, up to
 * `MAX_MODEL_LINK`).
 */
import { hasLink } from '../../share/address';
import { joinModelField } from '../../share/authoredLink';
import { encodeShare, type EncodedLink } from '../../share/link';
import { PACKED_FIELDS } from '../../share/packedFields';
import {
  authoredTextOf,
  selectPinnedTrace,
  selectShareState,
  useAppStore,
  type AppState,
} from '../../store/index';
import {
  authoringClient,
  load,
  loadClient,
  pendingLoad,
  settled,
  takeOpenedAtStart,
  setPackedFields,
} from './openLink';

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
  const packed = authoringClient()?.modelLinkOf(model) ?? null;
  if (packed === null) return { ...link, modelTooLarge: null };
  return packed.ok
    ? { ...link, text: joinModelField(link.text, packed.packed), modelTooLarge: null }
    : { ...link, modelTooLarge: packed.length };
}

const modelTooLarge = (length: number) =>
  `This model is too long to travel in a link (${length.toLocaleString('en')} characters packed; a link carries up to ${(authoringClient()?.modelCodec()?.MAX_MODEL_LINK ?? 0).toLocaleString('en')}). The link opens its run only where the model is loaded: share the .yaml file too (Download .yaml in the editor), and drop it onto the page that opens the link.`;

const NOTES_TOO_LONG =
  'The notes make the link too long to share, so the link (and Copy link) carries the run without them. Shorten the notes, or export JSON to keep them.';

/** Wires the URL hash to the store until the returned function is called. */
export function startUrlSync(): () => void {
  void loadClient();
  setPackedFields(PACKED_FIELDS);
  let written = window.location.hash;
  let dropped = false;
  let tooLarge = false;
  const write = (s: AppState, push: boolean) => {
    if (pendingLoad()) return;
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
  // A load may end in another (a refused link opens the default scenario, whose model may
  // have to be loaded first): the address is written once the last has ended.
  const afterLoading = () => {
    const pending = pendingLoad();
    if (!pending) return;
    void pending.finally(() => {
      if (settled(pending)) write(useAppStore.getState(), false);
      else if (pendingLoad()) afterLoading();
    });
  };
  // The address opened before the first render is in the store already (or still loading).
  // Without a link, the store holds what the page opened with, and whatever was done since.
  if (takeOpenedAtStart() === written) afterLoading();
  else if (hasLink(written)) openHash(written);
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
