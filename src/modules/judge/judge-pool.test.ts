import { readdirSync, readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../test/support/fixtures.js';
import { startJudgePool } from './judge-pool.js';
import { insertRun, MAX_ATTEMPTS } from './run-queue.js';
import { resolveLimits, runSubmission, waitForRun } from './run-submission.js';
import { sandboxHost } from './sandbox/host.js';
import { judgeRuns } from './schema.js';

const sandbox = await sandboxHost();
if (!sandbox.available) console.warn(`judge pool tests skipped: ${sandbox.reason}`);

let t: TestApp;
let a: TenantFixture;
beforeAll(async () => {
  t = await testApp();
  a = await createTenant(t.runtime, 'Judge pool');
});
afterAll(() => t.close());

const tenant = () => ({ workspaceId: a.workspace.id });
const ECHO = { languageId: 71, source: 'print(input())', tests: [{ input: 'hi', expected_output: 'hi' }] };

/** Sandboxes (bubblewrap processes) this test process has running right now. */
function sandboxesOfThisProcess(): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
      if (name === 'bwrap' && Number(rest.split(' ')[1]) === process.pid) count += 1;
    } catch {
      /* gone meanwhile */
    }
  }
  return count;
}

describe.skipIf(!sandbox.available)('the judge pool', () => {
  it('queues a burst and never runs more sandboxes at once than its size', async () => {
    const pool = startJudgePool(t.runtime, { size: 2 });
    try {
      const runs = await Promise.all(Array.from({ length: 12 }, () => runSubmission(t.runtime, tenant(), ECHO)));
      let most = 0;
      const sampler = setInterval(() => {
        most = Math.max(most, sandboxesOfThisProcess());
      }, 20);
      const done = await Promise.all(runs.map((run) => waitForRun(t.runtime, tenant(), run.id, 30_000)));
      clearInterval(sampler);
      expect(done.map((run) => run.verdicts?.status)).toEqual(Array(12).fill('accepted'));
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      await pool.stop();
    }
  }, 60_000);

  it('takes over a run whose worker died, and gives up after too many attempts', async () => {
    const db = t.runtime.database.db;
    const input = { ...ECHO, limits: resolveLimits(), comparison: { mode: 'trimmed' as const } };
    const orphan = await insertRun(db, a.workspace.id, input);
    const hopeless = await insertRun(db, a.workspace.id, input);
    const past = new Date(Date.now() - 60_000);
    await db.update(judgeRuns).set({ status: 'running', attempts: 1, claimedUntil: past }).where(and(eq(judgeRuns.workspaceId, a.workspace.id), eq(judgeRuns.id, orphan.id)));
    await db
      .update(judgeRuns)
      .set({ status: 'running', attempts: MAX_ATTEMPTS, claimedUntil: past })
      .where(and(eq(judgeRuns.workspaceId, a.workspace.id), eq(judgeRuns.id, hopeless.id)));

    const pool = startJudgePool(t.runtime, { size: 2, pollMs: 50 });
    try {
      const retried = await waitForRun(t.runtime, tenant(), orphan.id, 30_000);
      expect(retried).toMatchObject({ status: 'done', attempts: 2 });
      expect(retried.verdicts?.status).toBe('accepted');
      const abandoned = await waitForRun(t.runtime, tenant(), hopeless.id, 30_000);
      expect(abandoned.verdicts?.status).toBe('internal_error');
      expect(abandoned.verdicts?.tests[0].message).toContain('gave up');
    } finally {
      await pool.stop();
    }
  }, 60_000);

  it('records the answer a submission came from and waits for its verdicts when asked', async () => {
    const pool = startJudgePool(t.runtime, { size: 1 });
    try {
      const run = await runSubmission(t.runtime, tenant(), { ...ECHO, answerId: 'a'.repeat(24), questionId: 'q-1', waitMs: 30_000 });
      expect(run).toMatchObject({ status: 'done', answerId: 'a'.repeat(24), questionId: 'q-1' });
      expect(run.verdicts?.tests[0].stdout).toBe('hi\n');
    } finally {
      await pool.stop();
    }
  }, 60_000);
});
