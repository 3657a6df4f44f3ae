import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { testDatabase } from '../support/app.js';
import { createWorkspace } from '../../src/modules/identity/workspaces/create-workspace.js';
import { workspaceInvites } from '../../src/modules/identity/schema.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import type { Database } from '../../src/platform/db/client.js';
import { newId } from '../../src/platform/ids.js';
import { insertMany, insertManyReturning } from '../../src/platform/db/insert-many.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => database?.close());

describe('insertMany', () => {
  it('stores arrays, jsonb, timestamps and nulls as .values() would, with defaults for columns left out', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Insert many' });
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    const rows = Array.from({ length: 5_001 }, (_, i) => ({
      workspaceId: workspace.id,
      id: newId(),
      tokenHash: `hash-${i}`,
      email: i % 2 ? `p${i}@example.test` : null,
      roles: 'hunter',
      permissions: ['view_talent_data', 'with "quote", comma and {brace}'],
      subaccountIds: [] as string[],
      expiresAt,
    }));
    expect(await insertMany(database.db, workspaceInvites, rows)).toBe(5_001);
    const stored = await database.db.select().from(workspaceInvites).where(eq(workspaceInvites.workspaceId, workspace.id));
    expect(stored).toHaveLength(5_001);
    const last = stored.find((row) => row.id === rows[5_000].id)!;
    expect(last).toMatchObject({ tokenHash: 'hash-5000', email: null, roles: 'hunter', permissions: rows[0].permissions, subaccountIds: [], acceptedAt: null, expiresAt });
    expect(last.created).toBeInstanceOf(Date);

    const data = { name: 'Zoë', nested: { link: 'https://x.test/?a=1&b=2' } };
    const id = newId();
    await insertMany(database.db, mailOutbox, [{ id, to: 'a@example.test', template: 'welcome', data }]);
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(mail).toMatchObject({ data, status: 'queued', language: 'en', attempts: 0 });
  });

  it('skips conflicting rows when asked and answers the ones it inserted', async () => {
    const workspace = await createWorkspace(database.db, { name: 'Insert many conflicts' });
    const row = (id: string, tokenHash: string) => ({ workspaceId: workspace.id, id, tokenHash, expiresAt: new Date() });
    const first = newId();
    await insertMany(database.db, workspaceInvites, [row(first, 'h1')]);
    const second = newId();
    const inserted = await insertManyReturning(database.db, workspaceInvites, [row(first, 'h1'), row(second, 'h2')], workspaceInvites.id, { onConflictDoNothing: true });
    expect(inserted).toEqual([second]);
    await expect(insertMany(database.db, workspaceInvites, [row(newId(), 'h1')])).rejects.toThrow();
    const ids = await database.db.select({ id: workspaceInvites.id }).from(workspaceInvites).where(and(eq(workspaceInvites.workspaceId, workspace.id), inArray(workspaceInvites.id, [first, second])));
    expect(ids).toHaveLength(2);
  });

  it('refuses rows that set different columns', async () => {
    await expect(
      insertMany(database.db, mailOutbox, [
        { id: newId(), to: 'a@example.test', template: 'welcome', data: {} },
        { id: newId(), to: 'b@example.test', template: 'welcome', data: {}, language: 'pt' },
      ]),
    ).rejects.toThrow(/same columns/);
  });
});
