import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, uniqueEmail } from '../../../test/support/fixtures.js';
import { addMember } from './workspaces/create-workspace.js';
import { createUser } from './users.js';
import { signUpThroughApi } from '../../../test/support/sign-up.js';

/**
 * Security review P4: only an `active` membership may act in a workspace. Adding someone's address
 * as an employee makes an `invited` membership; it counts only once they accept the invitation.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ rateLimit: { max: 1000, windowMs: 60_000 } });
});
afterAll(async () => t.close());

const listEmployees = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/workspace/users', headers });

async function signUp(email: string, password: string): Promise<string> {
  return (await signUpThroughApi(t, { email, password, displayName: 'Early Bird' })).token;
}

describe('memberships that are not active', () => {
  it('an invited membership does not pass the gate until the invitation is accepted', async () => {
    const email = uniqueEmail('future');
    const token = await signUp(email, 'Squatter-pass-1');
    const corp = await createTenant(t.runtime, 'Corp');
    const add = await t.app.inject({ method: 'POST', url: '/workspace/users', headers: corp.adminHeaders, payload: { users: [{ email, roles: 'manager' }] } });
    expect(add.json()[0]).toMatchObject({ status: 'invited', invited: true });
    const asInvited = { authorization: `Bearer ${token}`, 'x-workspace-id': corp.workspace.id };

    const before = await listEmployees(asInvited);
    expect(before.statusCode).toBe(404);
    expect(before.json().code).toBe('workspace_not_found');

    const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', headers: { 'x-workspace-id': corp.workspace.id }, payload: { email, password: 'Squatter-pass-1' } });
    expect(signIn.json().user).toMatchObject({ company: null, roles: null, companies: [] });

    const inviteToken = String(add.json()[0].link).split('/auth/invite/')[1];
    const accepted = await t.app.inject({ method: 'POST', url: `/auth/invite/${inviteToken}`, payload: { email, password: 'Squatter-pass-1' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().user.companies.map((c: { _id: string }) => c._id)).toEqual([corp.workspace.id]);
    expect((await listEmployees({ ...asInvited, authorization: `Bearer ${accepted.json().token}` })).statusCode).toBe(200);
  });

  it('a draft membership does not pass the gate and is not offered at sign-in', async () => {
    const corp = await createTenant(t.runtime, 'Drafts');
    const email = uniqueEmail('draft');
    const user = await createUser(t.database.db, { email, password: 'Draft-pass-123', confirmed: true });
    await addMember(t.database.db, corp.workspace.id, user.id, { roles: 'admin', status: 'draft' });
    const token = await t.runtime.tokens.sign({ sub: user.id, wid: corp.workspace.id, provider: 'local' });
    expect((await listEmployees({ authorization: `Bearer ${token}`, 'x-workspace-id': corp.workspace.id })).statusCode).toBe(404);
    const signIn = await t.app.inject({ method: 'POST', url: '/auth/signin', payload: { email, password: 'Draft-pass-123' } });
    expect(signIn.json().user.companies).toEqual([]);
  });
});
