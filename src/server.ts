import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Runtime } from './platform/runtime.js';
import { validatorCompiler, checkResponse } from './platform/http/validation.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { AccessLog } from './platform/http/access-log.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { AppError } from './platform/errors.js';
import type { AssayModule } from './platform/modules/define-module.js';
import { runtimeModules } from './platform/create-runtime.js';
import { modules as appModules } from './modules/index.js';

export interface ServerOptions {
  /** Check every response against its schema and fail with 500 on drift (tests, development). */
  validateResponses?: boolean;
  /** The modules whose routes to mount: the ones the runtime was built with (default: src/modules/index.ts). */
  modules?: readonly AssayModule[];
}

/** Builds the HTTP app around a runtime. No side effects: listening is the caller's business. */
export async function buildServer(runtime: Runtime, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log as unknown as FastifyBaseLogger,
    bodyLimit: runtime.config.bodyLimit,
    trustProxy: runtime.config.trustProxy,
    logController: new AccessLog(runtime.config.logRequests),
    ajv: { customOptions: { strict: false } },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  registerErrorHandling(app);
  await registerRateLimit(app, runtime.config, runtime.database.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: '0.1.0',
        description:
          'Open-source talent platform. The core API follows the Coodesh contract (x-api-key, x-workspace-id, x-subaccount-id, x-language). ' +
          'Each operation lists the seed endpoints it implements in `x-seed`.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const auth = route.config?.auth ?? 'workspace';
      const security: Array<Record<string, string[]>> = auth === 'public' ? [] : auth === 'user' ? [{ bearer: [] }] : [{ apiKey: [] }, { bearer: [] }];
      return { schema: { ...(schema ?? {}), security } as unknown as typeof schema, url };
    },
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), auth: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());

  if (options.validateResponses) {
    app.addHook('preSerialization', async (request, reply, payload) => {
      const schemas = request.routeOptions.schema?.response as Record<string, object> | undefined;
      const schema = schemas?.[String(reply.statusCode)] ?? schemas?.[`${String(reply.statusCode)[0]}xx`];
      if (!schema || reply.statusCode >= 400) return payload;
      const problem = checkResponse(schema, payload);
      if (problem) throw new AppError(500, 'response_schema_drift', `${request.method} ${request.routeOptions.url}: ${problem}`);
      return payload;
    });
  }

  const modules = runtimeModules(options.modules ?? appModules);
  const authenticators = modules.flatMap((module) => (module.authenticator ? [module.authenticator] : []));
  if (authenticators.length !== 1) throw new Error(`exactly one module must provide the authenticator (found ${authenticators.length})`);
  registerRequestContext(app, authenticators[0](runtime));
  for (const module of modules) {
    for (const routes of module.routes ?? []) await app.register(routes, { runtime });
  }
  return app;
}
