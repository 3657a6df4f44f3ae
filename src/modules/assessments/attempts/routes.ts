import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../../platform/runtime.js';
import { candidateRoutes } from './routes-candidate.js';
import { inviteRoutes } from './routes-invite.js';

/** Attempts: inviting people, and the candidate's API that takes an attempt end to end. */
export async function attemptRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  await app.register(inviteRoutes, { runtime });
  await app.register(candidateRoutes, { runtime });
}
