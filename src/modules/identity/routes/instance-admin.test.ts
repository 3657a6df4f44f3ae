import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../../../test/support/app.js';
import { uniqueEmail } from '../../../../test/support/fixtures.js';
import { workerDatabase } from '../../../../test/support/worker-database.js';
import { createRuntime } from '../../../platform/create-runtime.js';
import type { Runtime } from '../../../platform/runtime.js';
import { modules } from '../../index.js';
import type { Database } from '../../../platform/db/client.js';
import { buildServer } from '../../../server.js';
import { users } from '../schema.js';

/** The app over a database of its own with no account at all (the shared test database has many). */
async function emptyInstance(): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const own = await workerDatabase();
  const database = await own.open();
  const runtime: Runtime = await createRuntime(testConfig(), { modules, database, logger: pino({ level: 'silent' }) });
  const app = await buildServer(runtime, { validateResponses: true });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await runtime.close();
      await database.close();
      await own.drop();
    },
  };
}

const signUp = (app: FastifyInstance, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/auth/signup', payload });
const account = (email: string, extra: Record<string, unknown> = {}) => ({ email, password: 'P@ssw0rd!long', displayName: 'First Admin', ...extra });

async function isSuperAdmin(database: Database, email: string): Promise<boolean | undefined> {
  const [row] = await database.db.select({ is: users.isSuperAdmin }).from(users).where(eq(users.email, email));
  return row?.is;
}

describe('sign-up with instanceAdmin', () => {
  let instance: Awaited<ReturnType<typeof emptyInstance>> | undefined;
  afterEach(async () => {
    await instance?.close();
    instance = undefined;
  });

  it('makes the first account of an empty instance its super admin, who may then grant credits', async () => {
    instance = await emptyInstance();
    const email = uniqueEmail('first');
    const first = await signUp(instance.app, account(email, { instanceAdmin: true, companyName: 'Operator Co' }));
    expect(first.statusCode, first.body).toBe(202);
    expect(await isSuperAdmin(instance.database, email)).toBe(true);
    // The first account is confirmed at once, so its password opens a session.
    const signIn = await instance.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password: 'P@ssw0rd!long' } });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const { token, user } = signIn.json<{ token: string; user: { company: string } }>();
    const grant = await instance.app.inject({
      method: 'POST',
      url: '/workspace/credits/grants',
      headers: { authorization: `Bearer ${token}`, 'x-workspace-id': user.company },
      payload: { type: 'hard_skills', amount: 10 },
    });
    expect(grant.statusCode, grant.body).toBe(201);
  });

  it('is refused with 403 once any account exists, and creates nothing', async () => {
    instance = await emptyInstance();
    const plain = uniqueEmail('plain');
    expect((await signUp(instance.app, account(plain))).statusCode).toBe(202);
    expect(await isSuperAdmin(instance.database, plain)).toBe(false);

    const late = uniqueEmail('late');
    const refused = await signUp(instance.app, account(late, { instanceAdmin: true, companyName: 'Late Co' }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'instance_not_empty' });
    expect(await isSuperAdmin(instance.database, late)).toBeUndefined();
    const [{ total }] = await instance.database.db.select({ total: sql<number>`count(*)::int` }).from(users);
    expect(total).toBe(1);
  });

  it('lets only one of two simultaneous claims win', async () => {
    instance = await emptyInstance();
    const emails = [uniqueEmail('racer'), uniqueEmail('racer')];
    const answers = await Promise.all(emails.map((email) => signUp(instance!.app, account(email, { instanceAdmin: true }))));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([202, 403]);
    const admins = await instance.database.db.select({ email: users.email }).from(users).where(eq(users.isSuperAdmin, true));
    expect(admins).toHaveLength(1);
  });
});
