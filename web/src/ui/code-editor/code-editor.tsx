import { lazy, Suspense } from 'react';

export interface CodeEditorProps {
  value: string;
  /** Editor language id: javascript, typescript, python, java, c, cpp, rust, go, ruby, php, sql. */
  language: string;
  onChange?: (value: string) => void;
  onBlur?: () => void;
  readOnly?: boolean;
  /** The accessible name of the editing area. */
  label: string;
}

const CodeMirrorEditor = lazy(() => import('./codemirror-editor'));

/** A code editor that loads CodeMirror on first use; until then a read-only copy of the text stands in. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<pre className="code-editor-loading" aria-label={props.label}>{props.value}</pre>}>
      <CodeMirrorEditor {...props} />
    </Suspense>
  );
}
