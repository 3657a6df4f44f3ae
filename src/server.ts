import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Runtime } from './platform/runtime.js';
import { validatorCompiler, checkResponse } from './platform/http/validation.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerRequestContext } from './platform/http/request-context.js';
import { AccessLog } from './platform/http/access-log.js';
import { SecretRedactor } from './platform/http/redact-secrets.js';
import { registerJsonBodyParser } from './platform/http/parse-json-body.js';
import { registerEmptyBodyAsObject } from './platform/http/empty-body.js';
import { registerApiReference } from './platform/http/api-reference.js';
import { registerRateLimit } from './platform/http/rate-limit.js';
import { registerCors } from './platform/http/cors.js';
import { AppError } from './platform/errors.js';
import type { AssayModule } from './platform/contract/define-module.js';
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
  // Every log line of the app (access log, error logs) goes through the one redaction rule.
  const secrets = new SecretRedactor();
  const app = Fastify({
    loggerInstance: runtime.log.child({}, { serializers: secrets.serializers() }) as unknown as FastifyBaseLogger,
    bodyLimit: runtime.config.bodyLimit,
    trustProxy: runtime.config.trustProxy,
    logController: new AccessLog(runtime.config.logRequests),
    ajv: { customOptions: { strict: false } },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onRoute', (route) => secrets.addRoute(route.url));
  app.setValidatorCompiler(validatorCompiler);
  registerJsonBodyParser(app);
  registerEmptyBodyAsObject(app);
  registerErrorHandling(app);
  await registerCors(app, runtime.config.corsOrigins);
  await registerRateLimit(app, runtime.config, runtime.database.db);

  await registerApiReference(app, { bodyLimit: runtime.config.bodyLimit });

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
