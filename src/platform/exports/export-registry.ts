import type { CsvExportDefinition } from './define-export.js';

/** The exports of the modules a runtime was built with, by their stored name. */
export interface ExportRegistry {
  get(name: string): CsvExportDefinition | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each export has its own parameters
export function exportRegistry(definitions: ReadonlyArray<CsvExportDefinition<any>>): ExportRegistry {
  const byName = new Map<string, CsvExportDefinition>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`two exports are named ${definition.name}`);
    byName.set(definition.name, definition as CsvExportDefinition);
  }
  return { get: (name) => byName.get(name) };
}
