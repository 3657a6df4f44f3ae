import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from './support/app.js';
import { appOperations } from './support/openapi.js';
import { readSeedEndpoints } from '../src/modules/system/seed-coverage.js';

/**
 * Seed ids that several operations may claim, with the operations allowed to: the same seed
 * endpoint served on two paths on purpose (a documented path and a proposed one, or a compat surface
 * and the core). Anything else claimed twice is a copy-paste slip that inflates coverage.
 */
const deliberateAliases: Record<string, string[]> = {
  // The seed's proposed GET /api-keys/validate and the older documented GET /auth/validate.
  'coodesh:auth/validate-api-key': ['validateApiKey', 'validateApiKeyAlias'],
};

const t = await testApp();
afterAll(() => t.close());
const operations = appOperations(t.app);
const knownIds = new Set(readSeedEndpoints().map((e) => e.id));

describe('operation ids and x-seed ids', () => {
  it('every operation has an operationId', () => {
    const missing = operations.filter((op) => !op.operationId).map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  });

  it('operationIds are unique', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const op of operations) {
      if (!op.operationId) continue;
      const where = `${op.method} ${op.path}`;
      const previous = seen.get(op.operationId);
      if (previous) clashes.push(`${op.operationId}: ${previous} and ${where}`);
      seen.set(op.operationId, where);
    }
    expect(clashes).toEqual([]);
  });

  it('x-seed, when present, is a non-empty list of ids from docs/seed-endpoints.tsv', () => {
    const problems: string[] = [];
    for (const op of operations) {
      if (op.seedIds === undefined) continue;
      if (!Array.isArray(op.seedIds) || op.seedIds.length === 0) {
        problems.push(`${op.name}: x-seed must be a non-empty array`);
        continue;
      }
      for (const id of op.seedIds) if (typeof id !== 'string' || !knownIds.has(id)) problems.push(`${op.name}: unknown seed id ${JSON.stringify(id)}`);
    }
    expect(problems).toEqual([]);
  });

  it('no seed id is claimed by two operations unless they are deliberate aliases', () => {
    const claims = new Map<string, string[]>();
    for (const op of operations) {
      if (!Array.isArray(op.seedIds)) continue;
      for (const id of new Set(op.seedIds as string[])) claims.set(id, [...(claims.get(id) ?? []), op.name]);
    }
    const clashes = [...claims.entries()]
      .filter(([id, names]) => names.length > 1 && !names.every((name) => deliberateAliases[id]?.includes(name)))
      .map(([id, names]) => `${id}: ${names.join(', ')}`);
    expect(clashes, 'claimed twice; if on purpose, list them in deliberateAliases').toEqual([]);
  });

  it('the alias list names only ids of the tsv', () => {
    expect(Object.keys(deliberateAliases).filter((id) => !knownIds.has(id))).toEqual([]);
  });
});
