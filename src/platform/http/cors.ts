import type { FastifyInstance } from 'fastify';
import cors from '@fastify/cors';

/**
 * Cross-origin access for browser integrations, only for the origins configured (`CORS_ORIGINS`;
 * `*` for any). Nothing is registered without them: no CORS headers, preflights answer 404.
 * Credentials travel in headers (`x-api-key`, `Authorization`), never cookies, so no
 * `Access-Control-Allow-Credentials`. Preflights are answered before authentication.
 */
export async function registerCors(app: FastifyInstance, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['content-disposition', 'location', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
    maxAge: 600,
  });
}
