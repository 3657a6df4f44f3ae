import type { Extension } from '@codemirror/state';
import { StreamLanguage } from '@codemirror/language';

/**
 * Syntax highlighting per editor language id (the judge's `editor` names, and `sql`), each loaded
 * on demand: a candidate downloads the grammar of the language they write in only.
 */
const loaders: Record<string, () => Promise<Extension>> = {
  javascript: async () => (await import('@codemirror/lang-javascript')).javascript(),
  typescript: async () => (await import('@codemirror/lang-javascript')).javascript({ typescript: true }),
  python: async () => (await import('@codemirror/lang-python')).python(),
  java: async () => (await import('@codemirror/lang-java')).java(),
  c: async () => (await import('@codemirror/lang-cpp')).cpp(),
  cpp: async () => (await import('@codemirror/lang-cpp')).cpp(),
  rust: async () => (await import('@codemirror/lang-rust')).rust(),
  go: async () => (await import('@codemirror/lang-go')).go(),
  php: async () => (await import('@codemirror/lang-php')).php(),
  sql: async () => (await import('@codemirror/lang-sql')).sql({ dialect: (await import('@codemirror/lang-sql')).PostgreSQL }),
  ruby: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/ruby')).ruby),
};

export const editorLanguages = Object.keys(loaders);

/** The language's extension, or none (plain text) for an id without a grammar here. */
export async function loadEditorLanguage(id: string): Promise<Extension> {
  return loaders[id] ? loaders[id]() : [];
}
