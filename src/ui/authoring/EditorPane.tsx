/**
 * The model editor beside the diagram (loaded only when opened): the YAML in CodeMirror, its
 * errors listed and marked inline, whether the model loads, one click to judge every fix,
 * the model's size in a link, and the .yaml download and file picker. The diagram and Find
 * the race follow the text as it is typed (see `authoredClient`).
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { isAuthoredId } from '../../scenarios/registry';
import { useAppStore } from '../../store/index';
import { compareAllFixes } from '../explore/onDemand';
import { useScenario } from '../hooks';
import { ExploreMatrix } from '../panels/ExploreMatrix';
import { downloadModel, draftChanged, modelLinkOf, modelCodec, openFile } from './authoredClient';
import { createEditor, goTo, replaceText, showErrors } from './codeEditor';

const number = (n: number) => n.toLocaleString('en');

/** The model's size in a link, or the offer to download it when it does not fit. */
function LinkSize({ text }: { text: string }) {
  const link = modelLinkOf(text);
  const max = modelCodec()?.MAX_MODEL_LINK ?? 0;
  if (!link) return null;
  if (link.ok)
    return (
      <p className="editor-note" data-testid="model-link-size">
        The link carries this model: {number(link.packed.length)} of {number(max)} characters.
      </p>
    );
  return (
    <p className="editor-note editor-note-warn" data-testid="model-too-large">
      Too long for a link ({number(link.length)} of {number(max)} characters packed). Share the
      .yaml file:{' '}
      <button type="button" className="btn btn-small" onClick={() => downloadModel(text)}>
        Download .yaml
      </button>
    </p>
  );
}

/** Returns the editor column. */
export default function EditorPane() {
  const draft = useAppStore((s) => s.editor.draft);
  const errors = useAppStore((s) => s.editor.errors);
  const checked = useAppStore((s) => s.editor.checked);
  const closeEditor = useAppStore((s) => s.closeEditor);
  const inView = useAppStore((s) =>
    isAuthoredId(s.scenarioId) && s.authored?.id === s.scenarioId ? s.authored.text : null,
  );
  const running = useAppStore((s) => s.explore.status === 'running');
  const scenario = useScenario();
  const [judging, setJudging] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    if (!host.current) return undefined;
    const editor = createEditor(host.current, useAppStore.getState().editor.draft, draftChanged);
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);
  // Text from elsewhere (New incident, a file, a link) replaces what the editor shows.
  useEffect(() => {
    if (view.current) replaceText(view.current, draft);
  }, [draft]);
  useEffect(() => {
    if (view.current) showErrors(view.current, errors);
  }, [errors, checked]);

  const pending = checked !== draft;
  const loads = !pending && errors.length === 0;
  const showsDraft = inView !== null && inView === draft;
  return (
    <section className="card editor" aria-label="Model editor" data-testid="model-editor">
      <div className="editor-head">
        <h2 className="card-title">Your model (YAML)</h2>
        <div className="editor-actions">
          <label className="btn btn-small editor-file">
            Open .yaml…
            <input
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml"
              data-testid="model-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void openFile(file);
                event.target.value = '';
              }}
            />
          </label>
          <button
            type="button"
            className="btn btn-small"
            data-testid="model-download"
            onClick={() => downloadModel(draft)}
          >
            Download .yaml
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            data-testid="model-editor-close"
            onClick={closeEditor}
          >
            Close
          </button>
        </div>
      </div>
      <div className="editor-host" ref={host} />
      <div className="editor-status" role="status" data-testid="model-status">
        {pending ? (
          <p className="editor-note">Checking…</p>
        ) : loads ? (
          <p className="editor-note editor-note-good">
            The model loads{showsDraft ? `: “${scenario.title}”, on the diagram.` : '.'}
          </p>
        ) : (
          <>
            <p className="editor-note editor-note-bad">
              {errors.length === 1 ? 'One error' : `${errors.length} errors`}: the diagram shows the
              last model that loaded.
            </p>
            <ul className="editor-errors" data-testid="model-errors">
              {errors.map((error, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => view.current && goTo(view.current, error.line, error.column)}
                  >
                    {error.line}:{error.column}
                  </button>{' '}
                  {error.path && <code>{error.path}</code>} {error.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {showsDraft && (
        <div className="editor-foot">
          <LinkSize text={draft} />
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="model-judge"
            disabled={running}
            title="Every fix's verdict over the model's sweep, judged by the explorer"
            onClick={() => {
              setJudging(true);
              compareAllFixes();
            }}
          >
            Judge every fix
          </button>
          {judging && <ExploreMatrix />}
        </div>
      )}
    </section>
  );
}
