/**
 * The CodeMirror 6 editor for models: YAML highlighting in the app's colours (light and dark),
 * completion from the format's schema, line numbers, undo, and inline errors (lint
 * diagnostics placed at the line and column the validator gives). Loaded only with the editor.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { AuthoringError } from '../../authoring/source';
import { completionsAt } from './completions';

/** Colours from the app's tokens, so light and dark both keep AA contrast. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent-strong)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--good)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.keyword], color: 'var(--warn)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.typeName, tags.labelName], color: 'var(--diag-ink)' },
  {
    tag: [tags.punctuation, tags.separator, tags.brace, tags.squareBracket],
    color: 'var(--ink-2)',
  },
]);

const theme = EditorView.theme({
  '&': {
    height: '100%',
    fontSize: 'max(12px, 0.86rem)',
    color: 'var(--ink)',
    backgroundColor: 'var(--panel)',
  },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--ink)' },
  '.cm-cursor': { borderLeftColor: 'var(--ink)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel-2)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--line)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--accent-soft)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--ink)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--accent-line) !important',
  },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel)',
    color: 'var(--ink)',
    border: '1px solid var(--line-strong)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-ink)',
  },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.85', marginLeft: '0.75em' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad)' },
  '.cm-diagnosticText': { color: 'var(--ink)' },
});

function complete(context: CompletionContext): CompletionResult | null {
  const found = completionsAt(context.state.doc.toString(), context.pos);
  if (!found) return null;
  if (found.from === context.pos && !context.explicit) {
    // Right after `key: ` or at a fresh line, open only on request or once a letter is typed.
    const before = context.state.sliceDoc(Math.max(0, context.pos - 2), context.pos);
    if (!/:\s$|\s\s$|- $|\{\s?$|, $/.test(before)) return null;
  }
  return {
    from: found.from,
    options: found.options.map((o) => ({
      label: o.label,
      type: o.type,
      ...(o.detail ? { detail: o.detail } : {}),
    })),
    validFor: /^[\w$-]*$/,
  };
}

/** Returns the diagnostics for `errors` in `doc`: each at its line and column, to the word's end. */
export function diagnosticsFor(doc: Text, errors: readonly AuthoringError[]): Diagnostic[] {
  return errors.map((error) => {
    const line = doc.line(Math.min(Math.max(1, error.line), doc.lines));
    const from = Math.min(line.from + Math.max(0, error.column - 1), line.to);
    const rest = doc.sliceString(from, line.to);
    const length = /^[^\s,{}[\]]+/.exec(rest)?.[0].length ?? 0;
    const to = Math.max(from + length, Math.min(from + 1, line.to));
    return {
      from,
      to,
      severity: 'error',
      message: `${error.path ? `${error.path}: ` : ''}${error.message}`,
    };
  });
}

/** Creates the editor in `parent` on `text`; `onChange` hears every change of the text. */
export function createEditor(
  parent: HTMLElement,
  text: string,
  onChange: (text: string) => void,
): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(highlight),
        autocompletion({ override: [complete], icons: false }),
        lintGutter(),
        EditorState.tabSize.of(2),
        EditorView.lineWrapping,
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        EditorView.contentAttributes.of({
          'aria-label': 'Model (YAML)',
          // Named as focusable, so its scrolling container is reachable by keyboard (axe).
          tabindex: '0',
          'data-testid': 'model-editor-text',
        }),
        theme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Shows `errors` as the editor's diagnostics (none clears them). */
export function showErrors(view: EditorView, errors: readonly AuthoringError[]): void {
  view.dispatch(setDiagnostics(view.state, diagnosticsFor(view.state.doc, errors)));
}

/** Replaces the editor's text (when it changed elsewhere: a file, a link, New incident). */
export function replaceText(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/** Moves the cursor to `line`:`column` and focuses the editor. */
export function goTo(view: EditorView, line: number, column: number): void {
  const doc = view.state.doc;
  const at = doc.line(Math.min(Math.max(1, line), doc.lines));
  const pos = Math.min(at.from + Math.max(0, column - 1), at.to);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}
