import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { attempts, type AttemptRow } from '../schema.js';
import { singleChoice } from '../scoring/score-fixtures.js';
import { insertAnswer, insertAssessment, insertAttempt, insertRevision } from './test-factory.js';

let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Finish A');
  b = await createTenant(t.runtime, 'Finish B');
});
afterAll(() => t.close());

const db = () => t.runtime.database.db;
const reload = async (attempt: AttemptRow) => (await db().select().from(attempts).where(and(eq(attempts.workspaceId, attempt.workspaceId), eq(attempts.id, attempt.id))))[0];
const finish = (ids: string[], headers = a.keyHeaders) => t.app.inject({ method: 'POST', url: '/assessments/attempts/bulk/finish', payload: { ids }, headers });

describe('bulk finish', () => {
  async function startedAttempts(n: number) {
    const assessment = await insertAssessment(db(), a.workspace.id);
    const question = singleChoice('q1');
    const revision = await insertRevision(db(), assessment, [question]);
    const made: AttemptRow[] = [];
    for (let i = 0; i < n; i += 1) {
      const attempt = await insertAttempt(db(), assessment, { status: 'started', started: new Date(), endsAt: new Date(Date.now() + 3_600_000), revisionId: revision.id });
      await insertAnswer(db(), attempt, question._id, { response: { choices: [i === 0 ? 'a' : 'b'] } });
      made.push(attempt);
    }
    return made;
  }

  it('finishes and scores started attempts as the candidate\'s own finish would', async () => {
    const [right, wrong] = await startedAttempts(2);
    const response = await finish([right.id, wrong.id]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ finished: [{ _id: right.id, status: 'finished' }, { _id: wrong.id, status: 'finished' }] });
    expect(await reload(right)).toMatchObject({ status: 'finished', score: 100 });
    expect(await reload(wrong)).toMatchObject({ status: 'finished', score: 0 });
    expect((await reload(right)).finished).not.toBeNull();
  });

  it('finishes none when one is not started, and answers 404 for another workspace\'s attempt', async () => {
    const [started] = await startedAttempts(1);
    const invited = await insertAttempt(db(), await insertAssessment(db(), a.workspace.id));
    const refused = await finish([started.id, invited.id]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'attempt_not_started', details: [{ field: 'body/ids/1' }] });
    expect((await reload(started)).status).toBe('started');
    expect((await finish([started.id], b.keyHeaders)).statusCode).toBe(404);
    expect((await reload(started)).status).toBe('started');
  });
});
