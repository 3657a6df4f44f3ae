import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../platform/runtime.js';
import { authRateLimit } from '../../../platform/http/rate-limit.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { unauthorized } from '../../../platform/errors.js';
import { createApiKey, getApiKeyView, listApiKeyViews, revokeApiKey, type NewApiKey } from '../api-keys.js';
import { ApiKeyMetadata } from './schemas.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const keysNeedAnAdmin = errorResponse('Only a workspace admin, signed in or with an API key of the workspace, manages API keys (`forbidden`).');

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
 * Who makes a key: a workspace admin, signed in or through a key. Keys have no scopes: every key
 * acts as the workspace's admin, so a key makes keys with exactly its own rights, in its own
 * workspace. A key made by a key is its child (author: the parent's author), and revoking a key
 * revokes its children, so a leaked key cannot mint replacements that outlive it.
 */
function keyMaker(request: FastifyRequest): Omit<NewApiKey, 'name'> {
  const principal = request.principal;
  if (principal?.kind === 'user') return { authorId: principal.userId };
  if (principal?.kind !== 'apiKey') throw unauthorized();
  return { authorId: principal.authorId, parentKeyId: principal.keyId };
}

const managedBy =
  'Workspace admins manage keys, signed in or with an API key of the workspace (keys act as its admin). A key made with a key is its child: ' +
  'revoking a key revokes every key made through it.';

export function apiKeyRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = runtime.database;

  typed.post('/api-keys', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'createApiKey',
      tags: ['API keys'],
      summary: 'Create an API key for the workspace; the key is in this answer only',
      description: managedBy,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', example: 'Production API Key' }) }, { title: 'CreateApiKeyBody' }),
      response: { 201: CreatedApiKey, 403: keysNeedAnAdmin },
    },
  }, async (request, reply) => {
    const { workspaceId } = tenantOf(request);
    const { key, apiKey } = await createApiKey(db, workspaceId, { ...keyMaker(request), name: request.body.name.trim() });
    const view = await getApiKeyView(db, workspaceId, apiKey.id);
    return reply.status(201).send({ ...view, key });
  });

  typed.get('/api-keys', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'listApiKeys',
      tags: ['API keys'],
      summary: "The workspace's live API keys (never the keys themselves), newest first",
      description: managedBy,
      response: { 200: Type.Array(ApiKeyMetadata), 403: keysNeedAnAdmin },
    },
  }, async (request) => listApiKeyViews(db, tenantOf(request).workspaceId));

  typed.delete('/api-keys/:id', {
    config: { roles: ['admin'] },
    schema: {
      operationId: 'revokeApiKey',
      tags: ['API keys'],
      summary: 'Revoke an API key, and the keys made through it; they stop working at once',
      description: managedBy,
      params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
      response: { 204: Type.Null({ description: 'Revoked' }), 403: keysNeedAnAdmin },
    },
  }, async (request, reply) => {
    await revokeApiKey(db, tenantOf(request).workspaceId, request.params.id);
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
