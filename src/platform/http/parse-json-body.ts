import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/**
 * The deepest nesting of objects and arrays a JSON body may have. No route's schema comes near it;
 * it keeps every check that walks a body (validation, the unstorable-text scan, serializers) far
 * from the call-stack limit, so a small body nested thousands of levels is a 400, not a 500.
 */
export const maxJsonDepth = 64;

const tooDeep = () =>
  new AppError(400, 'body_too_deep', `The JSON body is nested deeper than ${maxJsonDepth} levels`, [
    { field: 'body', message: `must not nest objects and arrays deeper than ${maxJsonDepth} levels` },
  ]);

/**
 * Whether a parsed JSON value nests objects and arrays deeper than `max`. Walked with an explicit
 * stack (JSON.parse itself is not recursive in V8). Checking the parsed value costs about a fifth
 * of the parse; scanning the text before parsing cost half of it or more.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: object; depth: number }> = [];
  const visit = (item: unknown, depth: number) => {
    if (typeof item === 'object' && item !== null) stack.push({ value: item, depth });
  };
  visit(value, 1);
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.depth > max) return true;
    const children = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) visit(child, next.depth + 1);
  }
  return false;
}

/**
 * Fastify's JSON parser (prototype-poisoning checks included), then the depth check.
 * An empty body counts as no body, so a route whose fields are all optional takes it as `{}`.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    void parse(request, text, (error, value) => {
      if (error) return done(error, undefined);
      if (nestsDeeperThan(value, maxJsonDepth)) return done(tooDeep(), undefined);
      done(null, value);
    });
  });
}
