import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { loadEditorLanguage } from './editor-languages';
import type { CodeEditorProps } from './code-editor';

const theme = EditorView.theme({
  '&': { border: '1px solid #c9ced8', borderRadius: '6px', fontSize: '14px', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '3px solid #f59e0b', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '14rem', maxHeight: '32rem' },
  '.cm-gutters': { backgroundColor: '#f4f5f8', color: '#4b5262', borderRight: '1px solid #c9ced8' },
});

/**
 * CodeMirror 6 (loaded with this module only, never in the first bundle). Tab is left to the page,
 * so a keyboard user can leave the editor; the content carries the field's accessible name.
 */
export default function CodeMirrorEditor({ value, language, onChange, onBlur, readOnly = false, label }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [languageSlot] = useState(() => new Compartment());
  const [readOnlySlot] = useState(() => new Compartment());
  const callbacks = useRef({ onChange, onBlur });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onBlur };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
          theme,
          languageSlot.of([]),
          readOnlySlot.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) callbacks.current.onBlur?.();
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; value, language and readOnly changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let current = true;
    void loadEditorLanguage(language).then((extension) => {
      if (current) view.current?.dispatch({ effects: languageSlot.reconfigure(extension) });
    });
    return () => {
      current = false;
    };
  }, [language, languageSlot]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnlySlot.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly, readOnlySlot]);

  // A value set from outside (a stub loaded, another language picked) replaces the text.
  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="code-editor" />;
}
