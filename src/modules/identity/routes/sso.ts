import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { issueSession, Session } from '../session.js';
import { oauthProviders, type OAuthProvider } from '../oauth/providers.js';
import { signInWithOAuth } from '../oauth/sign-in-with-oauth.js';
import { startSamlLogin } from '../saml/start-saml-login.js';
import { completeSamlLogin } from '../saml/complete-saml-login.js';
import { findSamlProviderById } from '../saml/providers.js';
import { samlClient } from '../saml/saml-client.js';
import { samlProviderRoutes } from './saml-providers.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const providerNames: Record<OAuthProvider, string> = { google: 'Google', github: 'GitHub', linkedin: 'LinkedIn', facebook: 'Facebook' };

const OAuthBody = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'OAuth authorization code returned by the provider (exchanged with the server\'s client credentials)' })),
    access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 8192, description: 'OAuth access token if already obtained from the provider (used when no code is sent)' })),
    redirectUri: Type.Optional(Type.String({ maxLength: 2048, description: 'OAuth redirect URI used in the authorization flow; must match the one the code was issued for' })),
    scope: Type.Optional(Type.String({ maxLength: 1024, description: 'OAuth scopes requested from the provider (informational)' })),
  },
  { title: 'OAuthSignInBody', description: 'One of code or access_token is required' },
);

const SamlLoginBody = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'User e-mail; its domain selects the SAML identity provider', example: 'john.doe@company.com' })),
    id: Type.Optional(Type.String({ maxLength: 64, description: 'SAML provider id, to start SSO with it directly', example: '507f1f77bcf86cd799439011' })),
  },
  { title: 'SamlLoginBody', description: 'One of email or id is required' },
);

const SamlLoginStart = Type.Object(
  {
    redirect_url: Type.String({ description: 'Identity provider URL carrying the AuthnRequest (HTTP-Redirect binding): send the browser there' }),
    provider_id: Type.String({ description: 'The SAML provider chosen' }),
    relay_state: Type.String({ description: 'Returned by the IdP with the SAMLResponse; the callback needs it unchanged' }),
  },
  { title: 'SamlLoginStart' },
);

const SamlCallbackBody = Type.Object(
  {
    SAMLResponse: Type.String({ minLength: 1, maxLength: 512 * 1024, description: 'SAML response XML (base64 encoded) returned by the identity provider' }),
    RelayState: Type.String({ minLength: 1, maxLength: 256, description: 'Relay state passed through the SAML flow (relay_state from POST /auth/saml)' }),
  },
  { title: 'SamlCallbackBody' },
);

function headerText(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** Social sign-in (Google, GitHub, LinkedIn, Facebook), SAML 2.0 SSO, and the admin routes for SAML providers. */
export async function ssoRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = runtime.database.db;

  // IdPs deliver the SAMLResponse as an HTML form post (HTTP-POST binding).
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  for (const provider of oauthProviders) {
    typed.post(`/auth/${provider}`, {
      config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
      schema: {
        operationId: `signInWith${providerNames[provider]}`,
        tags: ['Authentication'],
        summary: `Sign in or sign up with ${providerNames[provider]} (OAuth 2.0 code or access token)`,
        description:
          `Exchanges \`code\` at ${providerNames[provider]}'s token endpoint (or uses \`access_token\` once ${providerNames[provider]} confirms it was issued to this server's client id), reads the account, and signs in the user ` +
          'linked to it, else the user with the same verified e-mail (linking it), else a new confirmed user (`isNew: true`) when SIGNUP allows it: ' +
          '403 `signup_closed` (SIGNUP=closed) or `signup_invite_only` (SIGNUP=invite-only and the address holds no pending invitation). ' +
          'Errors: 400 `provider_not_configured` when the server has no client credentials for the provider; 401 when the provider rejects the code or token ' +
          '(`oauth_token_wrong_client` for a token issued to another application); ' +
          '422 when the provider shares no verified e-mail.',
        'x-seed': [`coodesh:auth/${provider}`],
        body: OAuthBody,
        response: {
          200: Session,
          401: errorResponse('The provider rejected the code or token (`oauth_code_invalid`, `oauth_token_invalid`, `oauth_token_wrong_client`).'),
          422: errorResponse('The provider shares no verified e-mail (`oauth_email_missing`, `oauth_email_unverified`).'),
          503: errorResponse('The provider could not be reached or rejected this server\'s client credentials (`oauth_provider_unavailable`, `oauth_client_rejected`).'),
        },
      },
    }, async (request) => {
      const { user, isNew } = await signInWithOAuth(db, runtime.config, provider, {
        code: request.body.code,
        accessToken: request.body.access_token,
        redirectUri: request.body.redirectUri,
      });
      return issueSession(db, runtime.tokens, user, {
        isNew,
        provider,
        workspaceId: headerText(request.headers['x-workspace-id']),
        language: request.language,
      });
    });
  }

  typed.post('/auth/saml', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'startSamlLogin',
      tags: ['Authentication'],
      summary: 'Start SAML SSO: find the identity provider by e-mail domain or id and build the AuthnRequest',
      description: 'Answers `{redirect_url, provider_id, relay_state}`; 404 `saml_provider_not_found` when no provider serves the e-mail\'s domain or id.',
      'x-seed': ['coodesh:auth/login-saml'],
      body: SamlLoginBody,
      response: { 200: SamlLoginStart, 404: errorResponse('No SAML provider serves the e-mail\'s domain or id (`saml_provider_not_found`).') },
    },
  }, async (request) => {
    const started = await startSamlLogin(db, runtime.config, request.body);
    return { redirect_url: started.redirectUrl, provider_id: started.providerId, relay_state: started.relayState };
  });

  typed.post('/auth/saml/callback', {
    config: { auth: 'public', rateLimit: authRateLimit(runtime.config) },
    schema: {
      operationId: 'samlCallback',
      tags: ['Authentication'],
      summary: 'SAML assertion consumer: validate the IdP response and sign the user in (JSON or form post)',
      description:
        'The assertion must be signed by the provider\'s certificate, come from its issuer, be addressed to this service provider, be within its ' +
        'validity window (60 s skew) and answer the request named by RelayState, once. The user (matched or created by the asserted e-mail, which ' +
        'must be in one of the provider\'s domains) becomes a member of the provider\'s workspace. 401 `saml_response_invalid` otherwise. ' +
        'A new account is opened only when SIGNUP allows it, as for social sign-in (403 `signup_closed` / `signup_invite_only`). ' +
        'A provider whose domains are not verified only creates new (unconfirmed) accounts and signs in the ones it created: 409 ' +
        '`account_exists_link_required` for any other account with that e-mail.',
      'x-seed': ['coodesh:auth/saml'],
      consumes: ['application/json', 'application/x-www-form-urlencoded'],
      body: SamlCallbackBody,
      response: {
        200: Session,
        401: errorResponse('The SAML response is not valid for this service provider and request (`saml_response_invalid`).'),
        403: errorResponse('The e-mail is outside the provider\'s domains (`saml_email_domain_mismatch`), or the membership is suspended (`membership_inactive`).'),
        409: errorResponse('An account with this e-mail exists and the provider\'s domains are not verified (`account_exists_link_required`).'),
      },
    },
  }, async (request) => {
    const { user, isNew, workspaceId } = await completeSamlLogin(db, runtime.config, {
      samlResponse: request.body.SAMLResponse,
      relayState: request.body.RelayState,
    });
    return issueSession(db, runtime.tokens, user, { isNew, provider: 'saml', workspaceId, language: request.language });
  });

  typed.get('/auth/saml/:id/metadata', {
    config: { auth: 'public' },
    schema: {
      operationId: 'samlServiceProviderMetadata',
      tags: ['Authentication'],
      summary: 'SAML service-provider metadata (entity id, assertion consumer URL) to register Assay at the IdP',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      produces: ['application/samlmetadata+xml'],
      response: { 200: Type.String({ description: 'SAML 2.0 EntityDescriptor XML' }) },
    },
  }, async (request, reply) => {
    const provider = await findSamlProviderById(db, request.params.id);
    const xml = samlClient(runtime.config, provider).generateServiceProviderMetadata(null, null);
    return reply.type('application/samlmetadata+xml').send(xml);
  });

  samlProviderRoutes(app, runtime);
}
