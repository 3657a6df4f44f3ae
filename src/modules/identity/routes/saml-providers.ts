import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../../platform/config.js';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import {
  createSamlProvider,
  deleteSamlProvider,
  getSamlProvider,
  listSamlProviders,
  samlAcsUrl,
  samlMetadataUrl,
  type SamlProvider,
} from '../saml/providers.js';

const SamlProviderView = Type.Object(
  {
    _id: Type.String(),
    name: Type.String(),
    domains: Type.Array(Type.String(), { description: 'E-mail domains that sign in through this provider' }),
    entry_point: Type.String({ description: 'IdP single sign-on URL (HTTP-Redirect binding)' }),
    idp_issuer: Type.Union([Type.String(), Type.Null()], { description: 'IdP entity id; assertions from another issuer are refused' }),
    idp_cert: Type.String({ description: 'IdP signing certificate (PEM)' }),
    sp_entity_id: Type.String({ description: 'Our entity id at the IdP: the Audience the assertions must name' }),
    acs_url: Type.String({ description: 'Assertion consumer service URL to register at the IdP' }),
    metadata_url: Type.String({ description: 'Service-provider metadata to import at the IdP' }),
    created: Type.String({ format: 'date-time' }),
  },
  { title: 'SamlProvider' },
);

const NewSamlProviderBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, example: 'Okta' }),
    domains: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { minItems: 1, maxItems: 50, description: 'E-mail domains of the people who sign in here', example: ['company.com'] }),
    entry_point: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'IdP single sign-on URL' }),
    idp_issuer: Type.String({ minLength: 1, maxLength: 1024, description: 'IdP entity id (Issuer of its assertions)' }),
    idp_cert: Type.String({ minLength: 1, maxLength: 20_000, description: 'IdP signing certificate, PEM or base64' }),
    sp_entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'Our entity id at the IdP; defaults to the metadata URL' })),
  },
  { title: 'NewSamlProvider' },
);

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

function view(config: Config, provider: SamlProvider) {
  return {
    _id: provider.id,
    name: provider.name,
    domains: provider.domains,
    entry_point: provider.entryPoint,
    idp_issuer: provider.idpIssuer,
    idp_cert: provider.idpCert,
    sp_entity_id: provider.spEntityId,
    acs_url: samlAcsUrl(config),
    metadata_url: samlMetadataUrl(config, provider.id),
    created: provider.created.toISOString(),
  };
}

/** A workspace's SAML identity providers; workspace admins only. */
export function samlProviderRoutes(app: FastifyInstance, runtime: Runtime): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = runtime.database.db;
  const config = runtime.config;
  const adminOnly = { auth: 'workspace' as const, roles: ['admin' as const] };

  typed.post('/saml-providers', {
    config: adminOnly,
    schema: {
      operationId: 'createSamlProvider',
      tags: ['SSO'],
      summary: 'Configure a SAML identity provider for the workspace',
      description: '409 `saml_domain_taken` when a domain already belongs to another provider; 400 for public webmail domains or a certificate that does not parse.',
      body: NewSamlProviderBody,
      response: { 201: SamlProviderView },
    },
  }, async (request, reply) => {
    const b = request.body;
    const provider = await createSamlProvider(db, config, tenantOf(request).workspaceId, {
      name: b.name,
      domains: b.domains,
      entryPoint: b.entry_point,
      idpIssuer: b.idp_issuer,
      idpCert: b.idp_cert,
      spEntityId: b.sp_entity_id,
    });
    return reply.status(201).send(view(config, provider));
  });

  typed.get('/saml-providers', {
    config: adminOnly,
    schema: {
      operationId: 'listSamlProviders',
      tags: ['SSO'],
      summary: 'The workspace\'s SAML identity providers, oldest first',
      response: { 200: Type.Array(SamlProviderView) },
    },
  }, async (request) => (await listSamlProviders(db, tenantOf(request).workspaceId)).map((p) => view(config, p)));

  typed.get('/saml-providers/:id', {
    config: adminOnly,
    schema: { operationId: 'getSamlProvider', tags: ['SSO'], summary: 'One SAML identity provider', params: IdParams, response: { 200: SamlProviderView } },
  }, async (request) => view(config, await getSamlProvider(db, tenantOf(request).workspaceId, request.params.id)));

  typed.delete('/saml-providers/:id', {
    config: adminOnly,
    schema: { operationId: 'deleteSamlProvider', tags: ['SSO'], summary: 'Remove a SAML identity provider', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteSamlProvider(db, tenantOf(request).workspaceId, request.params.id);
    return reply.status(204).send(null);
  });
}
