import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { validatorCompiler } from './validation.js';
import { registerErrorHandling } from './error-handler.js';
import { registerJsonBodyParser } from './parse-json-body.js';
import { registerEmptyBodyAsObject } from './empty-body.js';

const app = Fastify();
app.setValidatorCompiler(validatorCompiler);
registerErrorHandling(app);
registerJsonBodyParser(app);
registerEmptyBodyAsObject(app);
app.post('/things', {
  schema: {
    body: Type.Object({
      type: Type.String(),
      order: Type.Optional(Type.Enum(['asc', 'desc'])),
      role: Type.Optional(Type.Union([Type.Literal('user'), Type.Literal('admin')])),
      note: Type.Optional(Type.Union([Type.String({ maxLength: 3 }), Type.Null()])),
      level: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Null()])),
      owner: Type.Optional(Type.Union([Type.String(), Type.Object({ kind: Type.Union([Type.Literal('team'), Type.Literal('person')]) })])),
    }),
  },
}, async () => ({ ok: true }));
app.put('/options', { schema: { body: Type.Object({ name: Type.Optional(Type.String()) }) } }, async (request) => ({ got: request.body }));
app.put('/named', { schema: { body: Type.Object({ name: Type.String() }) } }, async () => ({ ok: true }));
afterAll(() => app.close());

async function problems(payload: object) {
  const res = await app.inject({ method: 'POST', url: '/things', payload });
  expect(res.statusCode).toBe(400);
  return res.json<{ message: string; details: Array<{ field: string; message: string }> }>();
}

describe('validation messages', () => {
  it('say a missing field "is required" without repeating its name', async () => {
    expect((await problems({})).details).toEqual([{ field: 'body/type', message: 'body/type is required' }]);
  });

  it('list the allowed values of an enum', async () => {
    expect((await problems({ type: 'x', order: 'up' })).details).toEqual([{ field: 'body/order', message: 'body/order must be one of: asc, desc' }]);
  });

  it('list the allowed values of a union of literals, once', async () => {
    expect((await problems({ type: 'x', role: 'boss' })).details).toEqual([{ field: 'body/role', message: 'body/role must be one of: user, admin' }]);
    expect((await problems({ type: 'x', level: 3 })).details).toEqual([{ field: 'body/level', message: 'body/level must be one of: 1, 2, null' }]);
  });

  it('name the types of a nullable field, or the rule its value breaks', async () => {
    expect((await problems({ type: 'x', note: 5 })).details).toEqual([{ field: 'body/note', message: 'body/note must be string or null' }]);
    expect((await problems({ type: 'x', note: 'long' })).details).toEqual([{ field: 'body/note', message: 'body/note must NOT have more than 3 characters' }]);
  });

  it('point into the alternative the value took', async () => {
    const { details, message } = await problems({ type: 'x', owner: { kind: 'robot' } });
    expect(details).toEqual([{ field: 'body/owner/kind', message: 'body/owner/kind must be one of: team, person' }]);
    expect(message).toBe('body/owner/kind must be one of: team, person');
  });
});

describe('a body whose fields are all optional', () => {
  it('may be missing or empty, and is then {}', async () => {
    const missing = await app.inject({ method: 'PUT', url: '/options' });
    expect([missing.statusCode, missing.json()]).toEqual([200, { got: {} }]);
    const empty = await app.inject({ method: 'PUT', url: '/options', payload: '', headers: { 'content-type': 'application/json' } });
    expect([empty.statusCode, empty.json()]).toEqual([200, { got: {} }]);
  });

  it('is still refused when it is not an object', async () => {
    const res = await app.inject({ method: 'PUT', url: '/options', payload: 'null', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
  });

  it('a missing body of a route with required fields names the field', async () => {
    const res = await app.inject({ method: 'PUT', url: '/named' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'body/name', message: 'body/name is required' }]);
  });
});
