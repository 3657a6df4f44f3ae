import { Type } from 'typebox';
import { roles } from '../../../platform/auth/permissions.js';
import type { User } from '../users.js';
import { accountUserFields } from '../session.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

export const Email = Type.String({ format: 'email', maxLength: 254, description: 'E-mail address', example: 'john.doe@company.com' });
/** argon2 takes any length; the cap only keeps a huge body from becoming a huge hash input. */
export const newPassword = (description = 'At least 8 characters') => Type.String({ minLength: 8, maxLength: 1024, description });
export const AnyPassword = Type.String({ minLength: 1, maxLength: 1024 });
export const RoleName = Type.Union(roles.map((r) => Type.Literal(r)), { description: 'user, business, hunter, manager or admin' });
export const Token = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }) });

export const Message = Type.Object({ message: Type.String() }, { title: 'Message' });

/** Profile fields shared by sign-up and invite acceptance (the seed lists the same ones for both). */
export const ProfileFields = {
  email: Email,
  displayName: Type.Optional(Type.String({ maxLength: 200, description: 'Full display name (alternative to firstName + lastName)' })),
  firstName: Type.Optional(Type.String({ maxLength: 100, description: 'Required with lastName when displayName is not sent' })),
  lastName: Type.Optional(Type.String({ maxLength: 100, description: 'Required with firstName when displayName is not sent' })),
  roles: Type.Optional(RoleName),
  invite: Type.Optional(Type.String({ maxLength: 512, description: 'Workspace invite token' })),
  address: Type.Optional(Type.Object({}, { description: 'User address information' })),
  privacy: Type.Optional(Type.Object({}, { description: 'Privacy consent settings' })),
  origin: Type.Optional(Type.String({ maxLength: 200, description: 'UTM origin' })),
  content: Type.Optional(Type.String({ maxLength: 200, description: 'UTM content' })),
  medium: Type.Optional(Type.String({ maxLength: 200, description: 'UTM medium' })),
  campaign: Type.Optional(Type.String({ maxLength: 200, description: 'UTM campaign' })),
  term: Type.Optional(Type.String({ maxLength: 200, description: 'UTM term' })),
};

export const AccountUser = Type.Object(
  accountUserFields,
  { title: 'AccountUser' },
);

export const MessageWithUser = Type.Object({ message: Type.String(), user: AccountUser }, { title: 'MessageWithUser' });

export function accountUser(user: User) {
  return {
    _id: user.id,
    email: user.email,
    displayName: user.displayName,
    firstName: user.firstName,
    lastName: user.lastName,
    provider: user.provider,
    confirmed: user.confirmedAt !== null,
    created: user.created.toISOString(),
  };
}

export const ApiKeyMetadata = Type.Object(
  {
    _id: Type.String(),
    name: Type.String({ example: 'Production API Key' }),
    prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
    last_used: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    created: Type.String({ format: 'date-time' }),
    provider: Type.String(),
    company: Type.String({ description: 'Name of the workspace the key belongs to' }),
    company_id: Type.String({ description: 'Id of the workspace the key belongs to (send it as x-workspace-id, or omit it: a key acts only there)' }),
    parent_key_id: Type.Union([Type.String(), Type.Null()], { description: 'The key that made this one (revoking it revokes this one); null when a user or the CLI made it' }),
    author: Type.Union([Type.String(), Type.Null()], { description: 'Display name of the user who created the key' }),
  },
  { title: 'ApiKeyMetadata' },
);

/** What a route taking a workspace invite token (in the path or the body) can answer besides success. */
export const inviteErrors = {
  404: errorResponse('The invite token is unknown (`invite_not_found`).'),
  410: errorResponse('The invite has expired or was already used (`invite_expired`).'),
};

/** What a route taking an e-mailed link token (password reset, account confirmation) can answer besides success. */
export const linkTokenErrors = {
  404: errorResponse('The link token is unknown (`token_not_found`).'),
  410: errorResponse('The link has expired or was already used (`token_expired`).'),
};
