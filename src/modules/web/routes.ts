import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { assetPrefix } from './web-paths.js';
import { readWebFile, type WebFile } from './web-files.js';

const page = { schema: { hide: true }, config: { auth: 'public' as const } };

function send(reply: FastifyReply, file: WebFile, cacheControl: string): FastifyReply {
  reply.header('content-type', file.type).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (file.encoding) reply.header('content-encoding', file.encoding);
  return reply.send(file.body);
}

/** A browser navigation asks for HTML first; API clients (fetch's default `*\/*`, JSON) do not. */
function acceptsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

async function sendShell(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const shell = await readWebFile('index.html', request.headers['accept-encoding']);
  if (!shell) throw new AppError(503, 'web_app_not_built', 'The web app is not built: run `npm run web:build`');
  return send(reply, shell, 'no-cache').header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
}

/**
 * The web app, served so that it can never shadow the API: built files live under `/_app/` (a prefix
 * no API route uses), and the app's HTML answers only GETs that no API route matched and that ask
 * for HTML, i.e. browser navigations (`/`, `/take/<token>`, the recruiter's pages). Anything else
 * that matches no route gets the API's JSON 404.
 */
export async function webRoutes(app: FastifyInstance) {
  app.get(`/${assetPrefix}/*`, page, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const file = await readWebFile(`${assetPrefix}/${path}`, request.headers['accept-encoding']);
    if (!file) return reply.callNotFound();
    // Names carry a content hash: a changed file is a new URL.
    return send(reply, file, 'public, max-age=31536000, immutable');
  });

  // The invitation link of the e-mails (`<APP_URL>/take/<token>`): declared so that the log redacts its token.
  app.get('/take/:token', page, async (request, reply) => sendShell(request, reply));

  app.get('/*', page, async (request, reply) => {
    if (!acceptsHtml(request)) return reply.callNotFound();
    return sendShell(request, reply);
  });
}
