import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Runtime } from '../../platform/runtime.js';

const Status = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) }, { title: 'Status' });

export async function systemRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  app.get('/health', {
    config: { auth: 'public' },
    schema: { operationId: 'health', tags: ['System'], summary: 'Liveness: the process answers', response: { 200: Status } },
  }, async () => ({ status: 'ok' }));

  app.get('/ready', {
    config: { auth: 'public' },
    schema: {
      operationId: 'ready',
      tags: ['System'],
      summary: 'Readiness: the database answers',
      response: { 200: { ...Status, description: 'The database answers' }, 503: { ...Status, description: 'The database does not answer' } },
    },
  }, async (_request, reply) => {
    try {
      await runtime.database.query('SELECT 1');
      return { status: 'ok', database: runtime.database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: runtime.database.kind });
    }
  });
}
