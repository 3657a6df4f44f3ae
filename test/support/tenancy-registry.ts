import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Runtime } from '../../src/platform/runtime.js';
import { newId } from '../../src/platform/ids.js';
import { subaccounts } from '../../src/modules/identity/workspaces/schema.js';
import type { TenantFixture } from './fixtures.js';
import { modules } from '../../src/modules/index.js';

/**
 * The tenancy registry. Each module may export `tenancyFixtures` from
 * `src/modules/<module>/tenancy.fixtures.ts`,
 * mapping an operationId to a function that creates an object in the given tenant and answers the
 * path parameters (and, when the schema needs them, a valid body or query) that address it.
 * test/tenancy.test.ts calls every such operation with another tenant's credentials. See test/README.md.
 */
export interface TenancyContext {
  runtime: Runtime;
  /** The workspace that owns the object (tenant A). */
  tenant: TenantFixture;
}

export interface TenancyTarget {
  /** Path parameters naming the tenant's object, e.g. `{ id: apiKey.id }`. */
  params?: Record<string, string>;
  /** A valid query string, when the operation requires one. */
  query?: Record<string, string>;
  /** A valid JSON body, when the one generated from the schema would not pass validation. */
  body?: unknown;
}

export type TenancyFixture =
  | ((context: TenancyContext) => Promise<TenancyTarget>)
  /** The path parameters do not name a tenant object (a token, a format, a public slug...): say why. */
  | { skip: string };

/** operationId → fixture. */
export type TenancyFixtures = Record<string, TenancyFixture>;

const srcDir = fileURLToPath(new URL('../../src', import.meta.url));
export const fixtureFileName = 'tenancy.fixtures.ts';

function findFixtureFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findFixtureFiles(path));
    else if (entry === fixtureFileName) found.push(path);
  }
  return found.sort();
}

export interface LoadedFixture {
  fixture: TenancyFixture;
  /** The file that registered it, relative to src/. */
  file: string;
}

/**
 * Every registered fixture, from the `tenancy.fixtures.ts` files in the folders of the modules listed
 * in src/modules/index.ts. A fixture file anywhere else, or an operationId registered twice, is an error.
 */
export async function loadTenancyFixtures(): Promise<Map<string, LoadedFixture>> {
  const registry = new Map<string, LoadedFixture>();
  const folders = modules.map((module) => join(srcDir, 'modules', module.name) + sep);
  const files = findFixtureFiles(srcDir);
  const stray = files.filter((path) => !folders.some((folder) => path.startsWith(folder)));
  if (stray.length > 0) throw new Error(`fixture files outside a listed module's folder: ${stray.map((path) => relative(srcDir, path)).join(', ')}`);
  for (const path of files) {
    const file = relative(srcDir, path);
    const loaded = (await import(pathToFileURL(path).href)) as { tenancyFixtures?: TenancyFixtures };
    if (!loaded.tenancyFixtures) throw new Error(`src/${file} must export \`tenancyFixtures\``);
    for (const [operationId, fixture] of Object.entries(loaded.tenancyFixtures)) {
      const previous = registry.get(operationId);
      if (previous) throw new Error(`tenancy fixture ${operationId} is registered by src/${previous.file} and src/${file}`);
      registry.set(operationId, { fixture, file });
    }
  }
  return registry;
}

/** A subaccount of the workspace, written directly: the suites only need it to exist. */
export async function createSubaccount(runtime: Runtime, workspaceId: string, name = 'Tenancy subaccount'): Promise<string> {
  const id = newId();
  await runtime.database.db.insert(subaccounts).values({ workspaceId, id, name });
  return id;
}
