import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../runtime.js';
import { tenantOf } from '../http/request-context.js';
import { idPattern } from '../ids.js';
import { findOperation } from './find-operation.js';
import { Operation, operationView } from './operation-view.js';

/** Progress of the bulk operations run as background jobs, whatever module started them. */
export async function operationRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/operations/:id', {
    schema: {
      operationId: 'getOperation',
      tags: ['Operations'],
      summary: 'Get the progress of a bulk operation',
      description:
        'Status and counts of a bulk operation that a route ran as a background job (its 202 names it, e.g. POST /assessments/attempts/bulk/recalculate). ' +
        'Progress is written with each committed batch, so `processed` never counts work that was rolled back. Readable by members holding the permission ' +
        'of the route that started it, within their subaccounts; 404 for another workspace\'s or after it expires.',
      params: Type.Object({ id: Type.String({ pattern: idPattern }) }),
      response: { 200: Operation },
    },
  }, async (request) => operationView(await findOperation(runtime.database.db, tenantOf(request), request.params.id)));
}
