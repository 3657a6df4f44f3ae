import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

/**
 * Registers @fastify/rate-limit for the routes that opt in with `config: { rateLimit: authRateLimit(config) }`
 * (sign-in, sign-up, password reset, confirmation, API-key validation). Counters are per route and
 * client address, kept in the database so that every API process counts against the same limit.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config, db: Db): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: postgresRateLimitStore(db),
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'rate_limited', `Too many requests; retry in ${context.after}`),
  });
}

/** The per-route setting for the sensitive public routes, from the runtime configuration. */
export function authRateLimit(config: Config): { max: number; timeWindow: number } {
  return { max: config.rateLimit.max, timeWindow: config.rateLimit.windowMs };
}
