import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { forbidden, unauthorized } from '../../../platform/errors.js';
import { createApiKey, getApiKeyView, listApiKeyViews, revokeApiKey } from '../api-keys.js';
import { ApiKeyMetadata } from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const keysNeedAUser = errorResponse('Only a workspace admin manages API keys (`forbidden`), signed in: an API key gets `user_required`.');

const CreatedApiKey = Type.Object(
  {
    ...ApiKeyMetadata.properties,
    key: Type.String({ description: 'The key itself: shown only in this answer, store it now' }),
  },
  { title: 'CreatedApiKey' },
);

const ApiKeyHeaders = Type.Object({
  'x-api-key': Type.Optional(Type.String({ description: 'The API key to validate (required; a missing or invalid key is 401)' })),
});

/**
 * Keys are managed by signed-in admins, not by other keys: a leaked key must not be able to mint
 * replacements that survive its own revocation.
 */
function requireAdminUser(request: FastifyRequest): { workspaceId: string; userId: string } {
  const tenant = tenantOf(request);
  if (request.principal?.kind !== 'user') throw forbidden('API keys are managed by a signed-in admin', 'user_required');
  return { workspaceId: tenant.workspaceId, userId: request.principal.userId };
}

export function apiKeyRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.post('/api-keys', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'createApiKey',
      tags: ['API keys'],
      summary: 'Create an API key for the workspace; the key is in this answer only',
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'Production API Key' }) }, { title: 'CreateApiKeyBody' }),
      response: { 201: CreatedApiKey, 403: keysNeedAUser },
    },
  }, async (request, reply) => {
    const { workspaceId, userId } = requireAdminUser(request);
    const { key, apiKey } = await createApiKey(db, workspaceId, { name: request.body.name.trim(), authorId: userId });
    const view = await getApiKeyView(db, workspaceId, apiKey.id);
    return reply.status(201).send({ ...view, key });
  });

  typed.get('/api-keys', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'listApiKeys',
      tags: ['API keys'],
      summary: "The workspace's live API keys (never the keys themselves), newest first",
      response: { 200: Type.Array(ApiKeyMetadata), 403: keysNeedAUser },
    },
  }, async (request) => listApiKeyViews(db, requireAdminUser(request).workspaceId));

  typed.delete('/api-keys/:id', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'revokeApiKey',
      tags: ['API keys'],
      summary: 'Revoke an API key; it stops working at once',
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 204: Type.Null({ description: 'Revoked' }), 403: keysNeedAUser },
    },
  }, async (request, reply) => {
    await revokeApiKey(db, requireAdminUser(request).workspaceId, request.params.id);
    return reply.status(204).send(null);
  });

  const validate = {
    config: { auth: 'public' as const, rateLimit: authRateLimit(runtime.config) },
    schema: {
      tags: ['Authentication'],
      summary: 'Validate the key sent in X-Api-Key and return its metadata',
      'x-seed': ['coodesh:auth/validate-api-key'],
      headers: ApiKeyHeaders,
      response: { 200: ApiKeyMetadata },
    },
  };
  const handler = async (request: FastifyRequest) => {
    const principal = request.principal;
    if (principal?.kind !== 'apiKey') throw unauthorized('Send the API key in the X-Api-Key header', 'invalid_api_key');
    return getApiKeyView(db, principal.workspaceId, principal.keyId);
  };
  // The seed's proposed path and the older documented one both answer.
  typed.get('/auth/validate', { ...validate, schema: { ...validate.schema, operationId: 'validateApiKey' } }, handler);
  typed.get('/api-keys/validate', { ...validate, schema: { ...validate.schema, operationId: 'validateApiKeyAlias' } }, handler);
}
