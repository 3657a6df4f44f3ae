import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

/**
 * Registers @fastify/rate-limit for the routes that opt in with `config: { rateLimit: authRateLimit(config) }`
 * (sign-in, sign-up, password reset, confirmation, API-key validation). Counters are per route and
 * client address, kept in process memory: with N API processes the effective limit is N × max.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(rateLimit, {
    global: false,
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
