import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { maxJsonDepth, nestsDeeperThan, registerJsonBodyParser } from './parse-json-body.js';
import { registerErrorHandling } from './error-handler.js';
import { validatorCompiler } from './validation.js';

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('JSON nesting depth', () => {
  it('counts objects and arrays, not scalars or brackets inside strings', () => {
    const depthOf = (text: string, max: number) => nestsDeeperThan(JSON.parse(text), max);
    expect(depthOf(nested(3), 3)).toBe(false);
    expect(depthOf(nested(4), 3)).toBe(true);
    expect(depthOf('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(depthOf('{"a":[{"b":{}}]}', 3)).toBe(true);
    expect(depthOf('[1,[2],{"c":[[3]]}]', 3)).toBe(true);
    expect(depthOf(JSON.stringify({ text: '[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(depthOf('"just text"', 0)).toBe(false);
    expect(depthOf(nested(200_000), 64)).toBe(true);
  });

  it('answers a body deeper than the limit with 400 body_too_deep naming the limit, and takes one at the limit', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    registerErrorHandling(app);
    registerJsonBodyParser(app);
    app.post('/things', { schema: { body: Type.Object({ data: Type.Optional(Type.Unknown()) }) } }, async () => ({ ok: true }));
    const post = (payload: string) => app.inject({ method: 'POST', url: '/things', payload, headers: { 'content-type': 'application/json' } });

    const deep = await post(`{"data":${nested(5000)}}`);
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ code: 'body_too_deep', details: [{ field: 'body' }] });
    expect(deep.json().message).toContain(String(maxJsonDepth));
    expect((await post(`{"data":${nested(maxJsonDepth - 1)}}`)).statusCode).toBe(200);
    expect((await post(`{"data":${nested(maxJsonDepth)}}`)).statusCode).toBe(400);
    expect((await post('{"__proto__":{"x":1}}')).statusCode).toBe(400);
    await app.close();
  });
});
