import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { testDatabase } from '../../../test/support/app.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { migrate } from '../../platform/db/migrate.js';
import { apiKeyPrincipal } from './authenticate.js';
import { createApiKeyCommand, parseOptions } from './cli.js';
import { createWorkspace } from './workspaces/create-workspace.js';

/** A database with no rows: a fresh PGlite, or a throw-away database on the PostgreSQL server. */
async function emptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await testDatabase();
    return { database, drop: () => database.close() };
  }
  const name = `assay_cli_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // CREATE DATABASE copies template1 and fails (55006) while another session does the same: retry.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
  await migrate(database);
  return {
    database,
    async drop() {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

describe('create-api-key command', () => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    empty = await emptyDatabase();
  });
  afterAll(async () => empty?.drop());

  it('bootstraps the first workspace on an empty database, then needs --workspace', async () => {
    const db = empty.database.db;
    const result = await createApiKeyCommand(db, ['--workspace-name', 'First Co', '--name=bootstrap']);
    expect(result.bootstrapped).toBe(true);
    expect(result.lines[0]).toContain(result.workspaceId);
    expect(result.lines.at(-1)).toBe(result.key);
    const principal = await apiKeyPrincipal(db, result.key);
    expect(principal).toMatchObject({ kind: 'apiKey', workspaceId: result.workspaceId });

    await expect(createApiKeyCommand(db, ['--name', 'again'])).rejects.toThrow(/--workspace/);
    const second = await createApiKeyCommand(db, ['--workspace', result.workspaceId, '--name', 'second']);
    expect(second).toMatchObject({ workspaceId: result.workspaceId, bootstrapped: false, lines: [second.key] });
  });
});

describe('create-api-key on a database in use', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.close());

  it('creates a key for the named workspace and refuses unknown ones', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Named Co' });
    const result = await createApiKeyCommand(database.db, ['--workspace', workspace.id, '--name', 'ci']);
    expect((await apiKeyPrincipal(database.db, result.key)).kind).toBe('apiKey');
    await expect(createApiKeyCommand(database.db, ['--workspace', 'f'.repeat(24)])).rejects.toThrow(/not found/);
    await expect(createApiKeyCommand(database.db, ['--workspace', 'nope'])).rejects.toThrow(/not found/);
  });

  it('parses --name value and --name=value, and rejects stray arguments', () => {
    expect(parseOptions(['--workspace', 'abc', '--name=my key'])).toEqual({ workspace: 'abc', name: 'my key' });
    expect(() => parseOptions(['--name'])).toThrow(/needs a value/);
    expect(() => parseOptions(['stray'])).toThrow(/unexpected/);
  });
});

describe('npx assay create-api-key', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // The child always uses its own embedded database, also when this suite runs on PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/assay.mjs'), 'create-api-key', ...args], { env, encoding: 'utf8' });

  it('prints the new workspace and key through bin/assay.mjs', () => {
    const first = run('--name', 'first');
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.trim().split('\n');
    const workspaceId = /workspace ([0-9a-f]{24})/.exec(lines[0])?.[1];
    expect(workspaceId).toBeDefined();
    expect(lines.at(-1)).toMatch(new RegExp(`^ak_${workspaceId}_`));
    const second = run('--workspace', workspaceId!, '--name', 'second');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toMatch(/^ak_/);
    expect(run('--name', 'third').status).not.toBe(0);
  }, 120_000);
});
