import { Type, type Static } from 'typebox';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.js';
import type { SessionTokens } from '../../platform/auth/jwt.js';
import { memberships, workspaces } from './workspaces/schema.js';
import { users } from './schema.js';
import type { User } from './users.js';
import { roleLabel } from '../../platform/auth/permissions.js';

/** The account as every auth answer shows it. */
export const accountUserFields = {
  _id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  provider: Type.String(),
  confirmed: Type.Boolean(),
  created: Type.String({ format: 'date-time' }),
};

export const SessionUser = Type.Object(
  {
    ...accountUserFields,
    roles: Type.Union([Type.String(), Type.Null()], { description: 'Role in the current workspace (company), if any' }),
    roles_formatted: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'The role in the x-language language' })),
    company: Type.Union([Type.String(), Type.Null()], { description: 'Current workspace id' }),
    companies: Type.Array(Type.Object({ _id: Type.String(), name: Type.String(), roles: Type.String() })),
  },
  { title: 'SessionUser' },
);

/** The Coodesh sign-in/sign-up answer: `{token, user, isNew, flow, provider}`. */
export const Session = Type.Object(
  {
    token: Type.String({ description: 'JWT to send as `Authorization: Bearer`' }),
    user: SessionUser,
    isNew: Type.Boolean({ description: 'true when this request created the account' }),
    flow: Type.String({ description: 'Where the client should continue: `dashboard` for workspace members, `candidate` otherwise' }),
    provider: Type.String({ description: '`local`, `google`, `github`, `linkedin`, `facebook` or `saml`' }),
  },
  { title: 'Session' },
);
export type Session = Static<typeof Session>;

/**
 * Signs the user in: records the login and answers the session. The workspace is the one asked
 * for (invite, SAML provider) or else the user's oldest active membership.
 */
export async function issueSession(
  db: DbOrTx,
  tokens: SessionTokens,
  user: User,
  options: { isNew: boolean; provider: string; workspaceId?: string; language?: string },
): Promise<Session> {
  const companies = await db
    .select({ _id: workspaces.id, name: workspaces.name, roles: memberships.roles })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(sql`${memberships.userId} = ${user.id} and ${memberships.status} = 'active'`)
    .orderBy(memberships.created);
  const current = companies.find((c) => c._id === options.workspaceId) ?? companies[0];
  // The version is read back from the row, so a session never carries a version older than the account's.
  const [signedIn] = await db
    .update(users)
    .set({ lastLogin: sql`now()`, lastAuthenticatedAt: sql`now()` })
    .where(eq(users.id, user.id))
    .returning({ sessionVersion: users.sessionVersion });
  const token = await tokens.sign({ sub: user.id, wid: current?._id, provider: options.provider, sv: signedIn?.sessionVersion ?? user.sessionVersion });
  return {
    token,
    user: {
      _id: user.id,
      email: user.email,
      displayName: user.displayName,
      firstName: user.firstName,
      lastName: user.lastName,
      provider: user.provider,
      confirmed: user.confirmedAt !== null,
      roles: current?.roles ?? null,
      roles_formatted: current ? roleLabel(current.roles, options.language ?? 'en') : null,
      company: current?._id ?? null,
      companies,
      created: user.created.toISOString(),
    },
    isNew: options.isNew,
    flow: current && current.roles !== 'user' ? 'dashboard' : 'candidate',
    provider: options.provider,
  };
}
