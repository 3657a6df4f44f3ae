import type { FastifyInstance } from 'fastify';

/**
 * A request without a body (or with an empty JSON body) to a route that declares one is validated
 * as `{}`: a route whose fields are all optional takes it, one with required fields names them.
 * Other media types (multipart uploads) are left to their own parsers.
 */
export function registerEmptyBodyAsObject(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined || !request.routeOptions.schema?.body) return;
    const type = request.headers['content-type'];
    if (type === undefined || /^application\/json\b/i.test(type)) request.body = {};
  });
}
