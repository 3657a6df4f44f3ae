import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../../../../test/support/app.js';
import type { Database } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { createWorkspace } from '../../identity/workspaces/create-workspace.js';
import { consumeCredits, creditBalance, grantCredits, refundCredits } from './ledger.js';
import { creditEntries } from './schema.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

async function newTenant() {
  const workspace = await createWorkspace(database.db, { name: 'Ledger Co' });
  return { workspaceId: workspace.id };
}

describe('credits ledger', () => {
  it('parallel consumptions beyond the balance: exactly floor(balance/amount) succeed and the balance never goes negative', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 10 }));
    const attempts = Array.from({ length: 20 }, (_, i) =>
      database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount: 3, related: { type: 'attempt', id: String(i) } })),
    );
    const results = await Promise.allSettled(attempts);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(AppError);
      expect((r.reason as AppError).statusCode).toBe(402);
      expect((r.reason as AppError).code).toBe('insufficient_credits');
    }
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(1);
    const rows = await database.db.select().from(creditEntries).where(eq(creditEntries.workspaceId, tenant.workspaceId));
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(1);
  });

  it('types are separate balances', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'soft_skills', amount: 2 }));
    await expect(database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount: 1 }))).rejects.toMatchObject({ code: 'insufficient_credits' });
    await database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'soft_skills', amount: 2 }));
    expect(await creditBalance(database.db, tenant, 'soft_skills')).toBe(0);
  });

  it('a consumption rolled back with its transaction leaves no trace', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 5 }));
    await expect(
      database.db.transaction(async (tx) => {
        await consumeCredits(tx, tenant, { type: 'hard_skills', amount: 4 });
        throw new Error('unlock failed later in the same transaction');
      }),
    ).rejects.toThrow('unlock failed');
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(5);
  });

  it('expired grants stop counting and the expiry is written to the history on the next movement', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 5, expires: new Date(Date.now() - 1000) }));
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 10 }));
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(10);
    await expect(database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount: 11 }))).rejects.toMatchObject({ statusCode: 402 });
    await database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount: 8 }));
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(2);
    const expired = await database.db
      .select()
      .from(creditEntries)
      .where(and(eq(creditEntries.workspaceId, tenant.workspaceId), eq(creditEntries.action, 'credits_expired')));
    expect(expired.map((e) => e.amount)).toEqual([-5]);
  });

  it('consumption counts against the grant that expires first', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 10, expires: new Date(Date.now() + 3_600_000) }));
    await database.db.transaction((tx) => grantCredits(tx, tenant, { type: 'hard_skills', amount: 4 }));
    await database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount: 12 }));
    // 10 came from the expiring grant, 2 from the lasting one: when the first lapses, 2 remain.
    await database.db
      .update(creditEntries)
      .set({ expires: new Date(Date.now() - 1000) })
      .where(and(eq(creditEntries.workspaceId, tenant.workspaceId), eq(creditEntries.amount, 10)));
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(2);
  });

  it('refunds add back and amounts must be positive integers', async () => {
    const tenant = await newTenant();
    await database.db.transaction((tx) => refundCredits(tx, tenant, { type: 'hard_skills', amount: 3 }));
    expect(await creditBalance(database.db, tenant, 'hard_skills')).toBe(3);
    for (const amount of [0, -1, 1.5]) {
      await expect(database.db.transaction((tx) => consumeCredits(tx, tenant, { type: 'hard_skills', amount }))).rejects.toMatchObject({ statusCode: 400 });
    }
  });
});
