import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Runtime } from '../runtime.js';
import { tenantOf, type Language } from '../http/request-context.js';
import { csvExport, csvResponse, sendCsv } from './csv-export.js';
import type { CsvExportDefinition } from './define-export.js';
import { ExportFile, exportFileView, exportRetentionDays } from './export-file.js';
import { requestExport } from './request-export.js';

/**
 * The two ways to get an export, for every POST export route: the CSV streamed in the answer (the
 * default, which the seed documents), or, asked for with `?async=true` or `Prefer: respond-async`
 * (RFC 7240), a 202 with a record to poll at GET /exports/:id while a job writes the same bytes to
 * storage, downloadable when done. A route declares `querystring: ExportQuery`, `headers:
 * ExportHeaders`, `response: exportResponses`, adds `asyncExportNote` to its description, and
 * answers with sendExport.
 */
export const ExportQuery = Type.Object({
  async: Type.Optional(Type.Boolean({ description: 'true: run the export as a job and answer 202 with a record to poll (GET /exports/{id}); the default streams the CSV' })),
});

export const ExportHeaders = Type.Object({
  prefer: Type.Optional(Type.String({ maxLength: 200, description: '`respond-async` asks for the job, like ?async=true (which wins when both are sent)' })),
});

export const exportResponses = {
  200: csvResponse,
  202: { ...ExportFile, description: 'The export runs as a job: poll `url` until `status` is done, then GET `download_url`' },
} as const;

export const asyncExportNote =
  ' Large exports can run as a job instead: send `?async=true` (or `Prefer: respond-async`) to get a 202 with the export record, ' +
  `poll GET /exports/{id} until \`status\` is \`done\`, then GET its \`download_url\` (the same bytes the stream would have had). Files are kept ${exportRetentionDays} days.`;

function wantsAsync(request: FastifyRequest): boolean {
  const asked = (request.query as { async?: boolean } | undefined)?.async;
  if (asked !== undefined) return asked;
  const prefer = request.headers.prefer;
  return typeof prefer === 'string' && /(^|[\s,;])respond-async($|[\s,;])/i.test(prefer);
}

/** The user behind the request: the signed-in user, or the user who created the API key. */
function authorOf(request: FastifyRequest): string | null {
  const principal = request.principal;
  if (!principal) return null;
  return principal.kind === 'user' ? principal.userId : principal.authorId;
}

/** Answers an export request: the CSV stream, or 202 and a job (see above). */
export async function sendExport<P extends object>(
  runtime: Runtime,
  request: FastifyRequest,
  reply: FastifyReply,
  definition: CsvExportDefinition<P>,
  params: P,
  language: Language = request.language,
): Promise<FastifyReply> {
  const tenant = tenantOf(request);
  // Built in the request either way, so a bad filter is a 400 now rather than a failed job later.
  const spec = definition.spec(tenant, params, language);
  if (!wantsAsync(request)) return sendCsv(reply, definition.fileName, await csvExport(runtime.database, spec, { language }));
  const row = await requestExport(runtime, { definition, tenant, params, language, authorId: authorOf(request) });
  const view = exportFileView(row);
  if ((request.query as { async?: boolean } | undefined)?.async === undefined) reply.header('preference-applied', 'respond-async');
  return reply.status(202).header('location', view.url).send(view);
}
