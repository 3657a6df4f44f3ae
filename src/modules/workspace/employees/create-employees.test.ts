import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, uniqueEmail, type TenantFixture } from '../../../../test/support/fixtures.js';
import { effectivePermissions } from '../../../platform/auth/permissions.js';
import { hashSecret } from '../../../platform/ids.js';
import { mailOutbox } from '../../../platform/mail/schema.js';
import { workspaceInvites } from '../../identity/schema.js';
import { memberships } from '../../identity/workspaces/schema.js';
import { createEmployees, type CreatedEmployee, type NewEmployee } from './create-employees.js';

/** More than two statements' worth of rows (1000 a statement), so every batch crosses a boundary. */
const BULK = 2500;

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t.close();
});

const hire = (tenant: TenantFixture, people: object[]) =>
  t.app.inject({ method: 'POST', url: '/workspace/users', headers: tenant.keyHeaders, payload: { users: people } });

const tokenOf = (link: string) => decodeURIComponent(link.split('/auth/invite/')[1]);

/** What the bulk wrote for the workspace: invites, invitation e-mails, and how many of those a delivery job carries. */
async function writtenFor(workspaceId: string) {
  const invites = await t.database.db.select().from(workspaceInvites).where(eq(workspaceInvites.workspaceId, workspaceId));
  const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.workspaceId, workspaceId));
  const [jobs] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from job_outbox j cross join jsonb_array_elements_text(j.data->'outboxIds') as o(id)
       join mail_outbox m on m.id = o.id where m.workspace_id = $1 and j.name = 'mail.deliver'`,
    [workspaceId],
  );
  const members = await t.database.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  return { invites, mails, mailsInJobs: jobs.n, members: members.length };
}

describe('creating employees in bulk', () => {
  it(`invites ${BULK} people in one request: one invite and e-mail each, every e-mail in a delivery job, answered in the order sent`, async () => {
    const tenant = await createTenant(t.runtime, 'Bulk Co');
    const earlier = (await hire(tenant, [{ email: uniqueEmail('earlier'), roles: 'hunter' }])).json()[0] as CreatedEmployee;
    const emails = Array.from({ length: BULK }, (_, i) => uniqueEmail(`bulk${i}`));
    const people: object[] = emails.map((email, i) => ({ email, displayName: `Person ${i}`, roles: i % 3 === 0 ? 'manager' : 'user' }));
    // People who already are employees, among the new ones: answered as they are, not invited again.
    people.splice(10, 0, { email: earlier.email, roles: 'admin' });
    people.splice(1500, 0, { email: tenant.admin.email });

    const res = await hire(tenant, people);

    expect(res.statusCode).toBe(201);
    const answer = res.json<CreatedEmployee[]>();
    expect(answer.map((a) => a.email)).toEqual(people.map((p) => (p as { email: string }).email));
    expect(answer[10]).toMatchObject({ _id: earlier._id, roles: 'hunter', status: 'invited', invited: false, link: null, expires: null });
    expect(answer[1500]).toMatchObject({ _id: tenant.admin.id, roles: 'admin', status: 'active', invited: false, link: null, expires: null });
    const fresh = answer.filter((a) => a.invited);
    expect(fresh).toHaveLength(BULK);
    expect(fresh.every((a, k) => a.roles === (k % 3 === 0 ? 'manager' : 'user') && a.status === 'invited')).toBe(true);
    expect(new Set(fresh.map((a) => a.link)).size).toBe(BULK);

    const written = await writtenFor(tenant.workspace.id);
    expect(written.members).toBe(BULK + 2);
    expect(written.invites).toHaveLength(BULK + 1);
    expect(written.mails).toHaveLength(BULK + 1);
    expect(written.mailsInJobs).toBe(BULK + 1);
    // Each answered link opens the invite stored for that person, with the answered expiry, and was e-mailed to them.
    const inviteByHash = new Map(written.invites.map((row) => [row.tokenHash, row]));
    const mailByTo = new Map(written.mails.map((mail) => [mail.to, mail]));
    for (const a of fresh) {
      const row = inviteByHash.get(hashSecret(tokenOf(a.link!)));
      expect(row).toMatchObject({ email: a.email, roles: a.roles });
      expect(row!.expiresAt.toISOString()).toBe(a.expires);
      expect(mailByTo.get(a.email)).toMatchObject({ template: 'workspace_invite', data: { name: a.displayName, link: a.link, workspace: 'Bulk Co' } });
    }
    for (const a of [fresh[0], fresh[BULK - 1]]) {
      const view = await t.app.inject({ method: 'GET', url: `/auth/invite/${tokenOf(a.link!)}` });
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({ company: { _id: tenant.workspace.id }, invited: { email: a.email, roles: a.roles, registered: true } });
    }
  });

  it('writes nothing when the last person names an unknown subaccount', async () => {
    const tenant = await createTenant(t.runtime, 'Refused Co');
    const people: object[] = Array.from({ length: BULK }, () => ({ email: uniqueEmail('refused') }));
    people.push({ email: uniqueEmail('last'), subaccount_ids: ['0123456789abcdef01234567'] });

    const res = await hire(tenant, people);

    expect(res.statusCode).toBe(404);
    expect(res.json().details[0].field).toBe(`body/users/${BULK}/subaccount_ids/0`);
    expect(await writtenFor(tenant.workspace.id)).toEqual({ invites: [], mails: [], mailsInJobs: 0, members: 1 });
  });

  it('writes nothing when a statement fails after accounts and memberships were inserted', async () => {
    const tenant = await createTenant(t.runtime, 'Rolled Back Co');
    const emails = Array.from({ length: BULK }, () => uniqueEmail('rolled'));
    // The database refuses a NUL character: the third membership statement fails after the accounts and two statements were written.
    const people: NewEmployee[] = emails.map((email, i) => ({ email, tags: i === BULK - 1 ? ['bad\u0000tag'] : [] }));
    const context = {
      db: t.database.db,
      config: t.runtime.config,
      tenant: { workspaceId: tenant.workspace.id, allowedSubaccountIds: [], role: 'admin' as const, permissions: effectivePermissions('admin', []) },
      actorId: tenant.admin.id,
      language: 'en' as const,
    };

    await expect(createEmployees(context, people)).rejects.toThrow(/insert into "memberships"/);

    expect(await writtenFor(tenant.workspace.id)).toEqual({ invites: [], mails: [], mailsInJobs: 0, members: 1 });
    const [accounts] = await t.database.query<{ n: number }>('select count(*)::int as n from users where email = any($1::text[])', [emails]);
    expect(accounts.n).toBe(0);
  });
});
