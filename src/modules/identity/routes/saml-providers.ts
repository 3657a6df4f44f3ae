import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../../platform/config.js';
import type { Runtime } from '../../../platform/runtime.js';
import { tenantOf } from '../../../platform/http/request-context.js';
import { forbidden } from '../../../platform/errors.js';
import { markSamlProviderVerified, verifySamlProvider } from '../saml/verify-saml-provider.js';
import {
  createSamlProvider,
  deleteSamlProvider,
  getSamlProvider,
  listSamlProviders,
  samlAcsUrl,
  samlMetadataUrl,
  samlVerificationRecord,
  type SamlProvider,
} from '../saml/providers.js';
import { errorResponse } from '../../../platform/http/error-responses.js';

const samlDomainTaken = errorResponse('Another SAML provider already verified one of these domains (`saml_domain_taken`).');

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
    verified_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description: 'When the domains were proven; until then they claim nothing and the provider signs in only accounts it created',
    }),
    verification_txt: Type.String({ description: 'The TXT record to publish on each domain before POST /saml-providers/:id/verify' }),
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

const VerifyQuery = Type.Object({
  override: Type.Optional(Type.Boolean({ description: 'Instance super admins only: mark the domains verified without the DNS check' })),
});

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
    verified_at: provider.verifiedAt?.toISOString() ?? null,
    verification_txt: samlVerificationRecord(provider),
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
      description:
        'The provider starts unverified: publish `verification_txt` as a TXT record on each domain, then POST /saml-providers/:id/verify. ' +
        '409 `saml_domain_taken` when a verified provider already has a domain; 400 for public webmail domains or a certificate that does not parse.',
      body: NewSamlProviderBody,
      response: { 201: SamlProviderView, 409: samlDomainTaken },
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

  typed.post('/saml-providers/:id/verify', {
    config: adminOnly,
    schema: {
      operationId: 'verifySamlProvider',
      tags: ['SSO'],
      summary: 'Prove the provider\'s domains through their DNS TXT records',
      description:
        'Looks up `verification_txt` on every domain; once all have it the provider is verified and its domains are claimed installation-wide. ' +
        '422 `saml_domain_unverified` naming the domains without the record; 409 `saml_domain_taken` when another provider verified one first; ' +
        '503 `dns_unavailable`. With `?override=true` an instance super admin verifies without DNS (403 for anyone else).',
      params: IdParams,
      querystring: VerifyQuery,
      response: {
        200: SamlProviderView,
        403: errorResponse('`override=true` by anyone but an instance super admin (`super_admin_required`), or a role that may not manage SSO.'),
        409: samlDomainTaken,
        422: errorResponse('A domain has no `verification_txt` record yet (`saml_domain_unverified`; `details` name them).'),
        503: errorResponse('The DNS lookup failed (`dns_unavailable`); try again later.'),
      },
    },
  }, async (request) => {
    const workspaceId = tenantOf(request).workspaceId;
    if (!request.query.override) return view(config, await verifySamlProvider(db, config, workspaceId, request.params.id));
    const principal = request.principal;
    if (principal?.kind !== 'user' || !principal.isSuperAdmin) throw forbidden('Only an instance super admin may verify without DNS', 'super_admin_required');
    return view(config, await markSamlProviderVerified(db, workspaceId, request.params.id));
  });

  typed.delete('/saml-providers/:id', {
    config: adminOnly,
    schema: { operationId: 'deleteSamlProvider', tags: ['SSO'], summary: 'Remove a SAML identity provider', params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteSamlProvider(db, tenantOf(request).workspaceId, request.params.id);
    return reply.status(204).send(null);
  });
}
