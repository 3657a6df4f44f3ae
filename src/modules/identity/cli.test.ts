import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { testDatabase } from '../../../test/support/app.js';
import { openDatabase, type Database } from '../../platform/db/client.js';
import { migrate } from '../../platform/db/migrate.js';
import { apiKeyPrincipal } from './authenticate.js';
import { createApiKeyFromCli } from './create-api-key-from-cli.js';
import { grantSuperAdmin, revokeSuperAdmin } from './super-admins.js';
import { createUser } from './users.js';
import { users } from './schema.js';
import { uniqueEmail } from '../../../test/support/fixtures.js';
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

const defaults = { name: 'CLI key', workspaceName: 'Default workspace' };

describe('create-api-key', () => {
  let empty: Awaited<ReturnType<typeof emptyDatabase>>;
  beforeAll(async () => {
    empty = await emptyDatabase();
  });
  afterAll(async () => empty?.drop());

  it('bootstraps the first workspace on an empty database, then lists the workspaces to choose from', async () => {
    const db = empty.database.db;
    const first = await createApiKeyFromCli(db, { ...defaults, workspaceName: 'First Co', name: 'bootstrap' });
    if (first.kind !== 'created') throw new Error(`expected a key, got ${first.kind}`);
    expect(first.createdWorkspace).toEqual({ id: first.workspaceId, name: 'First Co' });
    expect(await apiKeyPrincipal(db, first.key)).toMatchObject({ kind: 'apiKey', workspaceId: first.workspaceId });

    const second = await createWorkspace(db, { name: 'Second Co' });
    expect(await createApiKeyFromCli(db, { ...defaults, name: 'again' })).toEqual({
      kind: 'workspace_required',
      listed: [
        { id: first.workspaceId, name: 'First Co' },
        { id: second.id, name: 'Second Co' },
      ],
      total: 2,
    });
    const named = await createApiKeyFromCli(db, { ...defaults, workspaceId: second.id, name: 'second' });
    expect(named).toMatchObject({ kind: 'created', workspaceId: second.id });
    expect(named.kind === 'created' && named.createdWorkspace).toBeFalsy();
  });
});

describe('create-api-key on a database in use', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });
  afterAll(async () => database?.close());

  it('refuses an unknown workspace', async () => {
    await expect(createApiKeyFromCli(database.db, { ...defaults, workspaceId: 'f'.repeat(24) })).rejects.toThrow(/workspace f+ not found/);
    await expect(createApiKeyFromCli(database.db, { ...defaults, workspaceId: 'nope' })).rejects.toThrow(/not found/);
  });

  it('grants and revokes the super admin role by e-mail, in any letter case', async () => {
    const email = uniqueEmail('admin');
    const user = await createUser(database.db, { email, displayName: 'Admin' });
    const isSuperAdmin = async () => (await database.db.select({ is: users.isSuperAdmin }).from(users).where(eq(users.id, user.id)))[0].is;
    expect(await grantSuperAdmin(database.db, email.toUpperCase())).toEqual({ email, changed: true });
    expect(await isSuperAdmin()).toBe(true);
    expect(await grantSuperAdmin(database.db, email)).toEqual({ email, changed: false });
    expect(await revokeSuperAdmin(database.db, email)).toEqual({ email, changed: true });
    expect(await isSuperAdmin()).toBe(false);
    expect(await revokeSuperAdmin(database.db, email)).toEqual({ email, changed: false });
    await expect(grantSuperAdmin(database.db, uniqueEmail('nobody'))).rejects.toThrow(/no account with the e-mail/);
  });
});

describe('npx assay', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const bin = join(root, 'bin/assay.mjs');
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // The child always uses its own embedded database, also when this suite runs on PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  const errorLines = (stderr: string) => stderr.trim().split('\n');

  it('lists every command in --help, and each command has its own --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    const commands = ['start', 'worker', 'migrate', 'create-api-key', 'grant-super-admin', 'revoke-super-admin', 'coverage-seeds'];
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    // Each spawn loads the whole app: a few commands stand for all (they share one declaration path).
    for (const command of ['start', 'create-api-key', 'grant-super-admin']) {
      const own = run(command, '--help');
      expect(own.status, own.stderr).toBe(0);
      expect(own.stdout).toContain(`Usage: assay ${command}`);
      if (command === 'create-api-key') expect(own.stdout).toContain('--workspace <id>');
      if (command === 'grant-super-admin') expect(own.stdout).toContain('<email>');
    }
  }, 300_000);

  it('answers a wrong command or option with one line and exit code 1', () => {
    const unknown = run('nope');
    expect(unknown.status).toBe(1);
    expect(errorLines(unknown.stderr)).toEqual(["assay: unknown command 'nope'"]);
    const option = run('create-api-key', '--bogus');
    expect(option.status).toBe(1);
    expect(errorLines(option.stderr)).toEqual(["assay create-api-key: unknown option '--bogus'"]);
    const missing = run('grant-super-admin');
    expect(errorLines(missing.stderr)).toEqual(["assay grant-super-admin: missing required argument 'email'"]);
  }, 300_000);

  it('creates the first workspace and key, then lists the workspaces when --workspace is missing', () => {
    const first = run('create-api-key', '--name', 'first');
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.trim().split('\n');
    const workspaceId = /^workspace ([0-9a-f]{24}) \(Default workspace\)$/.exec(lines[0])?.[1];
    expect(workspaceId).toBeDefined();
    expect(lines.at(-1)).toMatch(new RegExp(`^ak_${workspaceId}_`));
    const second = run('create-api-key', '--workspace', workspaceId!, '--name=second');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toMatch(/^ak_/);

    const third = run('create-api-key', '--name', 'third');
    expect(third.status).toBe(1);
    expect(errorLines(third.stderr)).toEqual(['assay create-api-key: this database has 1 workspace: pass --workspace <id>', `  ${workspaceId}  Default workspace`]);
    const unknown = run('create-api-key', '--workspace', 'f'.repeat(24));
    expect(errorLines(unknown.stderr)).toEqual([`assay create-api-key: workspace ${'f'.repeat(24)} not found`]);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);

  it('grant-super-admin names an unknown account in one line; LOG_LEVEL=debug adds the stack', () => {
    const unknown = run('grant-super-admin', 'nobody@example.test');
    expect(unknown.status).toBe(1);
    expect(errorLines(unknown.stderr)).toEqual(['assay grant-super-admin: no account with the e-mail nobody@example.test']);
    const debug = spawnSync(process.execPath, [bin, 'grant-super-admin', 'nobody@example.test'], { env: { ...env, LOG_LEVEL: 'debug' }, encoding: 'utf8' });
    expect(debug.stderr).toMatch(/\n\s+at /);
  }, 300_000);

  it('starts on 127.0.0.1 by default, and says "stop the server first" while the server holds the embedded database', async () => {
    // No HOST: the default keeps the server on this machine, and the start-up line says so.
    const serverEnv: NodeJS.ProcessEnv = { ...env, PORT: '0', LOG_LEVEL: 'info', SMTP_URL: '' };
    delete serverEnv.HOST;
    const server = spawn(process.execPath, [bin, 'start'], { env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const startLine = await new Promise<string>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk) => {
          output += chunk;
          const line = /"msg":"(Assay listening on [^"]*)"/.exec(output)?.[1];
          if (line) resolve(line);
        });
        server.on('exit', (code) => reject(new Error(`server exited (${code})`)));
      });
      expect(startLine).toMatch(/^Assay listening on http:\/\/127\.0\.0\.1:\d+ \(this machine only\); sign-up: invite-only$/);
      for (const args of [['create-api-key'], ['grant-super-admin', 'someone@example.test'], ['migrate']]) {
        const locked = run(...args);
        expect(locked.status).toBe(1);
        const lines = errorLines(locked.stderr);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^assay ${args[0]}: the embedded database in .* is in use by process ${server.pid}: stop the server first`));
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }, 300_000);
});
