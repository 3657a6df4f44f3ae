import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { unstorablePath, validatorCompiler } from './validation.js';
import { registerErrorHandling } from './error-handler.js';

describe('text PostgreSQL cannot store', () => {
  it('finds the first string or key holding U+0000', () => {
    expect(unstorablePath({ a: 'ok', tags: ['x', 'a\u0000b'] })).toBe('/tags/1');
    expect(unstorablePath({ data: { 'k\u0000': 1 } })).toBe('/data');
    expect(unstorablePath({ a: ['fine', { b: 'fine 😀' }], n: 3 })).toBeUndefined();
    expect(unstorablePath({ a: 'lone \ud800 high' })).toBe('/a');
    expect(unstorablePath({ a: ['x', 'lone \udc00 low'] })).toBe('/a/1');
  });

  it('walks values nested far deeper than the call stack allows', () => {
    let value: unknown = 'a\u0000b';
    for (let i = 0; i < 100_000; i += 1) value = [value];
    expect(unstorablePath({ ok: 'fine', deep: value })).toBe(`/deep${'/0'.repeat(100_000)}`);
  });

  it('reports the first problem in document order, keys before their values', () => {
    expect(unstorablePath({ a: { b: 'x\u0000' }, c: 'y\u0000' })).toBe('/a/b');
    expect(unstorablePath({ a: 'fine', 'k\u0000': { z: 'y\u0000' } })).toBe('');
  });

  it('answers 400 naming the field, for bodies and query strings', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    registerErrorHandling(app);
    app.post('/things', {
      schema: {
        body: Type.Object({ name: Type.String(), tags: Type.Array(Type.String()) }),
        querystring: Type.Object({ search: Type.Optional(Type.String()) }),
      },
    }, async () => ({ ok: true }));
    const post = (url: string, body: object) => app.inject({ method: 'POST', url, payload: body });

    const body = await post('/things', { name: 'n', tags: ['a', 'b\u0000c'] });
    expect(body.statusCode).toBe(400);
    expect(body.json().details).toEqual([expect.objectContaining({ field: 'body/tags/1' })]);
    const query = await post('/things?search=a%00b', { name: 'n', tags: [] });
    expect(query.statusCode).toBe(400);
    expect(query.json().details[0].field).toBe('query/search');
    expect((await post('/things?search=ab', { name: 'n', tags: ['a'] })).statusCode).toBe(200);
    await app.close();
  });
});
