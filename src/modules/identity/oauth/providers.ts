import { AppError } from '../../../platform/errors.js';

export const oauthProviders = ['google', 'github', 'linkedin', 'facebook'] as const;
export type OAuthProvider = (typeof oauthProviders)[number];

/**
 * How each provider's token endpoint wants the client credentials. Google and GitHub take HTTP
 * Basic; LinkedIn and Facebook only read `client_id`/`client_secret` from the form body.
 */
export const clientAuthentication: Record<OAuthProvider, 'basic' | 'body'> = {
  google: 'basic',
  github: 'basic',
  linkedin: 'body',
  facebook: 'body',
};

/** What we keep of a provider's account, whatever shape its userinfo answer has. */
export interface ExternalProfile {
  provider: string;
  /** The provider's stable account id (`sub`, GitHub's numeric id, Facebook's id). */
  subject: string;
  email?: string;
  /** Whether the provider vouches that the person controls `email`. */
  emailVerified: boolean;
  displayName?: string;
  firstName?: string;
  lastName?: string;
}

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const profileInvalid = (provider: string) =>
  new AppError(503, 'oauth_provider_error', `${provider} answered an account without an id`);

function subjectOf(provider: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const subject = text(value);
  if (!subject) throw profileInvalid(provider);
  return subject;
}

/** OpenID Connect userinfo (Google, LinkedIn's "Sign In with LinkedIn using OpenID Connect"). */
function fromOidc(provider: OAuthProvider, info: Json): ExternalProfile {
  return {
    provider,
    subject: subjectOf(provider, info.sub),
    email: text(info.email),
    emailVerified: info.email_verified === true || info.email_verified === 'true',
    displayName: text(info.name),
    firstName: text(info.given_name),
    lastName: text(info.family_name),
  };
}

/**
 * GitHub's `/user`. Its `email` is the public profile e-mail, which GitHub only lets a person
 * choose among their verified addresses; when it is empty the caller asks `/user/emails`.
 */
function fromGithub(info: Json): ExternalProfile {
  return {
    provider: 'github',
    subject: subjectOf('github', info.id),
    email: text(info.email),
    emailVerified: text(info.email) !== undefined,
    displayName: text(info.name) ?? text(info.login),
  };
}

/** Facebook's Graph `/me`: it returns only an e-mail Facebook has confirmed, and no flag. */
function fromFacebook(info: Json): ExternalProfile {
  return {
    provider: 'facebook',
    subject: subjectOf('facebook', info.id),
    email: text(info.email),
    emailVerified: text(info.email) !== undefined,
    displayName: text(info.name),
    firstName: text(info.first_name),
    lastName: text(info.last_name),
  };
}

export function profileFromUserinfo(provider: OAuthProvider, info: Json): ExternalProfile {
  switch (provider) {
    case 'github':
      return fromGithub(info);
    case 'facebook':
      return fromFacebook(info);
    default:
      return fromOidc(provider, info);
  }
}

/** The primary verified address from GitHub's `/user/emails`, else any verified one. */
export function githubVerifiedEmail(emails: unknown): string | undefined {
  if (!Array.isArray(emails)) return undefined;
  const verified = emails.filter((e): e is Json => typeof e === 'object' && e !== null && (e as Json).verified === true && text((e as Json).email) !== undefined);
  const chosen = verified.find((e) => e.primary === true) ?? verified[0];
  return chosen ? text(chosen.email) : undefined;
}
