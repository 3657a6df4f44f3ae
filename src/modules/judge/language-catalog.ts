import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LANGUAGES, toolchainInstalled, type Language } from './languages.js';
import { sandboxHost } from './sandbox/host.js';

const run = promisify(execFile);

export interface LanguageStatus {
  language: Language;
  available: boolean;
  /** The installed toolchain's version, e.g. "3.11.2"; null when unavailable. */
  version: string | null;
  /** Why the language cannot run here; null when available. */
  reason: string | null;
}

let catalog: Promise<LanguageStatus[]> | undefined;

/** Every judge language with whether it runs on this machine, detected once per process. Never throws. */
export function languageCatalog(): Promise<LanguageStatus[]> {
  catalog ??= detect();
  return catalog;
}

async function detect(): Promise<LanguageStatus[]> {
  const sandbox = await sandboxHost();
  return Promise.all(
    LANGUAGES.map(async (language): Promise<LanguageStatus> => {
      if (!sandbox.available) return { language, available: false, version: null, reason: sandbox.reason };
      if (!toolchainInstalled(language)) return { language, available: false, version: null, reason: `${language.toolchain} is not installed` };
      return { language, available: true, version: await versionOf(language), reason: null };
    }),
  );
}

async function versionOf(language: Language): Promise<string | null> {
  try {
    const [command, ...args] = language.version;
    const { stdout, stderr } = await run(command, args, { timeout: 15_000 });
    return /\d+\.\d+(\.\d+)?/.exec(`${stdout}\n${stderr}`)?.[0] ?? null;
  } catch {
    return null;
  }
}

/** The status of one language (primary id or alias); undefined for an unknown id. */
export async function languageStatus(id: number): Promise<LanguageStatus | undefined> {
  return (await languageCatalog()).find((status) => status.language.id === id || status.language.aliases.includes(id));
}
