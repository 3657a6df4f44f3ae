import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../runtime.js';
import { tenantOf } from '../http/request-context.js';
import { idPattern } from '../ids.js';
import { fileResponses, sendStoredFile } from '../storage/send-file.js';
import { csvResponse } from './csv-export.js';
import { ExportFile, exportFileView } from './export-file.js';
import { findExport, requireDone } from './find-export.js';
import { errorResponse } from '../http/error-responses.js';

const tags = ['Exports'];
const Params = Type.Object({ id: Type.String({ pattern: idPattern }) });

/**
 * The exports run as jobs (any POST export route with ?async=true), whatever module they belong
 * to: their status and their file. Registered once for all exports.
 */
export async function exportRoutes(app: FastifyInstance, { runtime }: { runtime: Runtime }) {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();

  typed.get('/exports/:id', {
    schema: {
      operationId: 'getExport',
      tags,
      summary: 'Get an export run as a job',
      description:
        'Status of an export asked for with ?async=true (or Prefer: respond-async) on a POST export route; `download_url` once done. ' +
        'Readable by members holding the permission of that export route, within their subaccounts; 404 after it expires.',
      params: Params,
      response: { 200: ExportFile },
    },
  }, async (request) => exportFileView(await findExport(runtime, tenantOf(request), request.params.id)));

  typed.get('/exports/:id/download', {
    schema: {
      operationId: 'downloadExport',
      tags,
      summary: 'Download a finished export',
      description:
        'The CSV file, byte for byte what the synchronous export would have streamed. On S3 storage: a 302 to a short-lived signed URL. ' +
        '409 while the export is queued or running, or when it failed.',
      params: Params,
      response: {
        200: csvResponse,
        206: fileResponses('The file')[206],
        302: { description: 'Redirect to a short-lived signed URL of the file (S3 storage)' },
        409: errorResponse('The export is queued, running or failed (`export_not_ready`).'),
        416: errorResponse('The `Range` asked for lies past the end of the file (`range_not_satisfiable`).'),
      },
    },
  }, async (request, reply) => {
    const row = requireDone(await findExport(runtime, tenantOf(request), request.params.id));
    return sendStoredFile(reply, runtime.storage, row.storageKey, { fileName: row.fileName, range: request.headers.range });
  });
}
