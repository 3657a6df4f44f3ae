import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { documentedResponses, ErrorResponse } from './error-responses.js';

const logo = readFileSync(new URL('./assay-logo.svg', import.meta.url));
const icon = readFileSync(new URL('./assay-icon.svg', import.meta.url));

type Document = { paths?: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: { required?: unknown[] } }> } }>> };

/** @fastify/swagger marks every body required; one whose fields are all optional may be left out (it is then `{}`). */
function markOptionalBodies(document: Document): Document {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item)) {
      const body = operation?.requestBody;
      const schema = body?.content?.['application/json']?.schema;
      if (body && schema && !(schema.required ?? []).length) body.required = false;
    }
  }
  return document;
}

/**
 * The OpenAPI document (`/openapi.json`) generated from the route schemas, and the reference page
 * (`/docs`). Security, error responses and success descriptions are filled in here, once, from
 * each route's declared auth, inputs and limits.
 */
export async function registerApiReference(app: FastifyInstance, options: { bodyLimit: number }): Promise<void> {
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: '0.1.0',
        description:
          'Open-source talent platform. The core API follows the Coodesh contract (x-api-key, x-workspace-id, x-subaccount-id, x-language). ' +
          'Each operation lists the seed endpoints it implements in `x-seed`. Every error has the `ErrorResponse` shape.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: ({ schema, url, route }) => {
      const auth = route.config?.auth ?? 'workspace';
      const security: Array<Record<string, string[]>> = auth === 'public' ? [] : auth === 'user' ? [{ bearer: [] }] : [{ apiKey: [] }, { bearer: [] }];
      const own = (schema ?? {}) as Record<string, unknown>;
      if (own.hide) return { schema, url };
      const response = documentedResponses({
        method: route.method,
        url,
        auth,
        schema: own,
        rateLimited: Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit),
        bodyLimit: route.bodyLimit ?? options.bodyLimit,
      });
      return { schema: { ...own, security, response }, url };
    },
    transformObject: (document) =>
      'openapiObject' in document ? (markOptionalBodies(document.openapiObject as Document) as typeof document.openapiObject) : document.swaggerObject,
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), auth: 'public' };
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    logo: { type: 'image/svg+xml', content: logo, href: '/docs' },
    theme: {
      title: 'Assay API reference',
      favicon: [{ filename: 'assay.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: icon }],
    },
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());
}
