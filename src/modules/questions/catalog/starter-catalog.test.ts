// Heavy: runs every reference solution in the judge sandbox. Run alone, with --maxWorkers=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, inArray, sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { testApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { settings } from '../../../platform/db/schema.js';
import { contentKeyOf, QuestionContentSchema, QuestionLocaleSchema } from '../content.js';
import { publicQuestions } from '../schema.js';
import { taxonomy } from '../../skills/taxonomy.js';
import { languageCatalog } from '../../judge/language-catalog.js';
import { startJudgePool, type JudgePool } from '../../judge/judge-pool.js';
import { runSubmission, waitForRun } from '../../judge/run-submission.js';
import type { JudgeRun } from '../../judge/schema.js';
import { runSqlSubmission } from '../../judge/sql/run-sql.js';
import { sqlPoolOf } from '../../judge/sql/sql-pool-of.js';
import { catalogIdOf } from './catalog-question.js';
import { loadStarterCatalog } from './load-starter-catalog.js';
import { starterCatalog, starterCatalogRows } from './starter-catalog.js';

const t = await testApp();
let tenant: TenantFixture;
let pool: JudgePool | undefined;
beforeAll(async () => {
  tenant = await createTenant(t.runtime, 'Catalog');
});
afterAll(async () => {
  await pool?.stop();
  await t.close();
});

const ofType = (...types: string[]) => starterCatalog.filter((q) => types.includes(q.type));
const coding = ofType('coding');

describe('the starter catalog', () => {
  it('has at least 60 questions across the promised areas, with unique slugs and slug-derived ids', () => {
    expect(starterCatalog.length).toBeGreaterThanOrEqual(60);
    const slugs = starterCatalog.map((q) => q.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const ids = starterCatalogRows().rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(slugs.map(catalogIdOf));
    for (const skill of ['javascript', 'typescript', 'python', 'java', 'sql', 'algorithms', 'data-structures', 'html', 'css', 'http', 'communication', 'teamwork']) {
      expect(starterCatalog.some((q) => q.skills.includes(skill)), skill).toBe(true);
    }
    const counts = Object.fromEntries(['coding', 'sql', 'question', 'fast', 'essay', 'project', 'softskill'].map((type) => [type, ofType(type).length]));
    expect(counts).toMatchObject({ coding: 15, sql: 9 });
    expect(counts.question).toBeGreaterThanOrEqual(25);
    expect(counts.fast).toBeGreaterThanOrEqual(4);
    expect(counts.essay + counts.project).toBeGreaterThanOrEqual(4);
    expect(counts.softskill).toBeGreaterThanOrEqual(4);
  });

  it('validates against the content schema, under the key its type reads, with valid locales and taxonomy skills', () => {
    const slugs = new Set(taxonomy.map((skill) => skill.slug));
    for (const question of starterCatalog) {
      const where = question.slug;
      expect(Value.Check(QuestionContentSchema, question.content), `${where}: ${JSON.stringify([...Value.Errors(QuestionContentSchema, question.content)].slice(0, 2))}`).toBe(true);
      const key = contentKeyOf[question.type];
      expect(Object.keys(question.content), where).toEqual(key ? [key] : []);
      expect(question.skills.length, where).toBeGreaterThan(0);
      for (const skill of question.skills) expect(slugs.has(skill), `${where}: skill ${skill}`).toBe(true);
      const row = starterCatalogRows().rows.find((r) => r.slug === question.slug)!;
      expect(row.locale?.[0]).toMatchObject({ language: 'en', title: question.title });
      for (const locale of row.locale ?? []) expect(Value.Check(QuestionLocaleSchema, locale), where).toBe(true);
      expect(question.title.length).toBeGreaterThan(0);
      expect(question.description.length, where).toBeGreaterThan(40);
    }
  });

  it('gives choice questions a right answer and an explanation on every choice, and titles in pt and es', () => {
    for (const question of ofType('question')) {
      const content = question.content.question!;
      const right = content.choices.filter((c) => c.correct);
      expect(right.length, question.slug).toBeGreaterThanOrEqual(1);
      if (!content.multiple) expect(right.length, question.slug).toBe(1);
      for (const choice of content.choices) expect(choice.explanation?.length, `${question.slug}/${choice._id}`).toBeGreaterThan(10);
      expect(question.pt?.title && question.es?.title, question.slug).toBeTruthy();
    }
    for (const question of ofType('fast')) {
      for (const sub of question.content.fast!.subquestions) {
        const right = sub.choices.filter((c) => c.correct).length;
        expect(sub.multiple ? right >= 1 : right === 1, `${question.slug}/${sub._id}`).toBe(true);
        expect(sub.skill_id, `${question.slug}/${sub._id}`).toMatch(/^[0-9a-f]{24}$/);
      }
    }
  });

  it('gives softskill choices a DISC dimension each and no right answer, and reviewed questions a rubric', () => {
    for (const question of ofType('softskill')) {
      const choices = question.content.question!.choices;
      expect(new Set(choices.map((c) => c.dimension))).toEqual(new Set(['D', 'I', 'S', 'C']));
      expect(choices.some((c) => c.correct)).toBe(false);
    }
    for (const question of ofType('essay', 'project')) {
      const rubric = question.settings?.rubric as Array<{ points: number; criterion: string; guidance: string }>;
      expect(rubric.length, question.slug).toBeGreaterThanOrEqual(3);
      expect(question.settings?.max_points).toBe(rubric.reduce((sum, c) => sum + c.points, 0));
    }
  });

  it('gives coding questions sample and hidden tests with expected outputs, and a stub and a reference solution per language (JS, Python and Java at least)', () => {
    for (const question of coding) {
      const content = question.content.coding!;
      expect(content.languages, question.slug).toEqual(expect.arrayContaining([63, 71, 62]));
      expect(Object.keys(content.reference_solutions!).map(Number).sort()).toEqual([...content.languages].sort());
      expect(Object.keys(content.stubs!).map(Number).sort()).toEqual([...content.languages].sort());
      expect(content.tests.some((test) => !test.hidden), question.slug).toBe(true);
      expect(content.tests.filter((test) => test.hidden).length, question.slug).toBeGreaterThanOrEqual(2);
      for (const test of content.tests) expect(typeof test.expected_output, `${question.slug}/${test._id}`).toBe('string');
    }
  });
});

// Which judge languages run here; the others' solutions are skipped with the reason, never passed.
const statuses = await languageCatalog();
const statusOf = (id: number) => statuses.find((s) => s.language.id === id)!;
const queued = new Map<string, Promise<string>>();
const key = (slug: string, language: number) => `${slug}:${language}`;

async function finished(id: string): Promise<JudgeRun> {
  for (;;) {
    const run = await waitForRun(t.runtime, { workspaceId: tenant.workspace.id }, id, 30_000);
    if (run.status === 'done') return run;
  }
}

describe('reference solutions in the judge', () => {
  beforeAll(() => {
    pool = startJudgePool(t.runtime, { size: 2 });
    // Queue every run at once; the tests below wait for theirs.
    for (const question of coding) {
      const content = question.content.coding!;
      for (const language of content.languages) {
        if (!statusOf(language).available) continue;
        const run = runSubmission(t.runtime, { workspaceId: tenant.workspace.id }, {
          languageId: language,
          source: content.reference_solutions![String(language)],
          tests: content.tests.map((test) => ({ input: test.input, expected_output: test.expected_output, hidden: test.hidden })),
          limits: { time_ms: content.time_ms, memory_kb: content.memory_kb },
          comparison: { mode: content.comparison ?? 'trimmed' },
          questionId: catalogIdOf(question.slug),
        });
        queued.set(key(question.slug, language), run.then((r) => r.id));
      }
    }
  });

  for (const question of coding) {
    for (const language of question.content.coding!.languages) {
      const status = statusOf(language);
      const name = `${question.slug} in ${status.language.name}`;
      if (!status.available) {
        it.skip(`${name} — skipped: ${status.reason}`, () => undefined);
        continue;
      }
      it(`${name} passes every sample and hidden test`, { timeout: 900_000 }, async () => {
        const run = await finished(await queued.get(key(question.slug, language))!);
        const failures = run.verdicts!.tests.filter((v) => v.status !== 'accepted').map((v) => `test ${v.index}: ${v.status} ${v.message ?? ''}`);
        expect({ failures, compile: run.verdicts!.compile_output }).toEqual({ failures: [], compile: null });
        expect(run.verdicts).toMatchObject({ status: 'accepted', passed: question.content.coding!.tests.length, total: question.content.coding!.tests.length });
      });
    }
  }

  it.skipIf(!statusOf(71).available)('the judge really compares: a stub that prints nothing fails the tests', { timeout: 120_000 }, async () => {
    const content = coding[0].content.coding!;
    const run = await runSubmission(t.runtime, { workspaceId: tenant.workspace.id }, {
      languageId: 71,
      source: content.stubs!['71'],
      tests: content.tests.map((test) => ({ input: test.input, expected_output: test.expected_output, hidden: test.hidden })),
    });
    expect((await finished(run.id)).verdicts).toMatchObject({ status: 'wrong_answer', passed: 0 });
  });
});

// One plausible mistake per SQL question: it runs, and the judge must refuse it.
const wrongQueries: Record<string, string> = {
  'sql-customers-without-orders': "SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.status = 'cancelled'",
  'sql-revenue-per-category': 'SELECT p.category, SUM(i.quantity * p.price) AS revenue FROM order_items i JOIN products p ON p.id = i.product_id GROUP BY p.category ORDER BY revenue DESC',
  'sql-top-customers-by-spend':
    'SELECT c.name, SUM(i.quantity * p.price) AS total_spent FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id GROUP BY c.id, c.name ORDER BY total_spent DESC LIMIT 3',
  'sql-monthly-orders': "SELECT to_char(ordered_on, 'YYYY-MM') AS month, COUNT(*) AS orders FROM orders WHERE status <> 'cancelled' GROUP BY 1 ORDER BY 1",
  'sql-running-total-of-sales':
    "WITH totals AS (SELECT o.id, o.ordered_on, SUM(i.quantity * p.price) AS order_total FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id WHERE o.status <> 'cancelled' AND o.ordered_on >= DATE '2025-01-01' GROUP BY o.id, o.ordered_on) SELECT id, ordered_on, order_total, SUM(order_total) OVER () AS running_total FROM totals ORDER BY ordered_on, id",
  'sql-above-department-average': 'SELECT e.name, d.name AS department, e.salary FROM employees e JOIN departments d ON d.id = e.department_id WHERE e.salary > (SELECT AVG(salary) FROM employees)',
  'sql-second-highest-salary':
    'SELECT department, salary FROM (SELECT d.name AS department, e.salary, ROW_NUMBER() OVER (PARTITION BY d.id ORDER BY e.salary DESC) AS position FROM employees e JOIN departments d ON d.id = e.department_id) ranked WHERE position = 2',
  'sql-employees-and-managers': 'SELECT e.name, m.name AS manager FROM employees e JOIN employees m ON m.id = e.manager_id',
  'sql-headcount-per-department': 'SELECT d.name, COUNT(*) AS headcount FROM departments d LEFT JOIN employees e ON e.department_id = d.id GROUP BY d.id, d.name ORDER BY d.name',
};

describe('SQL solutions', () => {
  beforeAll(() => sqlPoolOf(t.runtime).warmUp());

  it('has a deliberately wrong query for every SQL question', () => {
    expect(Object.keys(wrongQueries).sort()).toEqual(ofType('sql').map((q) => q.slug).sort());
  });

  for (const question of ofType('sql')) {
    it(`${question.slug}: the solution returns rows on its script and a plausible wrong query is refused`, { timeout: 120_000 }, async () => {
      const content = question.content.sql!;
      const base = { script: content.script, solution: content.solution, ordered: content.ordered };
      const right = await runSqlSubmission(t.runtime, { workspaceId: tenant.workspace.id }, { ...base, code: content.solution });
      expect(right.message).toBeNull();
      expect(right).toMatchObject({ status: 'accepted', passed: 1, total: 1 });
      expect(right.output!.row_count).toBeGreaterThan(0);
      const wrong = await runSqlSubmission(t.runtime, { workspaceId: tenant.workspace.id }, { ...base, code: wrongQueries[question.slug] });
      expect(wrong.status).toBe('wrong_answer');
    });
  }
});

// The loader's writes run inside a transaction rolled back at the end, so a shared PostgreSQL keeps its catalog as loaded.
class Rollback extends Error {}
async function rolledBack(use: (tx: Parameters<Parameters<typeof t.runtime.database.db.transaction>[0]>[0]) => Promise<void>): Promise<void> {
  await expect(
    t.runtime.database.db.transaction(async (tx) => {
      await use(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

describe('loading the catalog', () => {
  const { rows, version } = starterCatalogRows();
  const ids = rows.map((row) => row.id);
  const catalogRowsIn = (db: Parameters<typeof loadStarterCatalog>[0]) =>
    db.select().from(publicQuestions).where(inArray(publicQuestions.id, ids)).orderBy(publicQuestions.id);

  it('is loaded when the app starts, published and owned by no workspace, with the version stored', async () => {
    const stored = await catalogRowsIn(t.runtime.database.db);
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(stored.map((row) => [row.id, row]));
    for (const row of rows) expect(byId.get(row.id)).toMatchObject({ ...row, status: 'published', ownerWorkspaceId: null });
    const [marker] = await t.runtime.database.db.select().from(settings).where(eq(settings.key, 'starter_catalog_version'));
    expect(marker.value).toBe(version);
  });

  it('loading again writes nothing while the version is current; forcing it updates in place, never duplicating', async () => {
    const before = await catalogRowsIn(t.runtime.database.db);
    const count = async (db: Parameters<typeof loadStarterCatalog>[0]) => (await db.select({ n: sql<number>`count(*)::int` }).from(publicQuestions))[0].n;
    const total = await count(t.runtime.database.db);
    expect(await loadStarterCatalog(t.runtime.database.db)).toMatchObject({ status: 'current', upserted: 0 });
    expect(await catalogRowsIn(t.runtime.database.db)).toEqual(before);
    await rolledBack(async (tx) => {
      expect(await loadStarterCatalog(tx, { force: true })).toMatchObject({ status: 'loaded', upserted: rows.length, archived: 0, skipped: [] });
      expect(await loadStarterCatalog(tx, { force: true })).toMatchObject({ status: 'loaded', upserted: rows.length });
      const after = await catalogRowsIn(tx);
      expect(after.map(({ updated: _u, ...row }) => row)).toEqual(before.map(({ updated: _u, ...row }) => row));
      expect(await count(tx)).toBe(total);
    });
  });

  it('restores an edited catalog question, leaves a workspace-published question with a catalog slug alone, and archives questions a newer catalog dropped', async () => {
    const [edited, taken] = rows;
    await rolledBack(async (tx) => {
      await tx.update(publicQuestions).set({ title: 'Edited' }).where(eq(publicQuestions.id, edited.id));
      await tx.delete(publicQuestions).where(eq(publicQuestions.id, taken.id));
      await tx.insert(publicQuestions).values({ ...taken, id: 'f'.repeat(24), title: 'Published by a workspace', ownerWorkspaceId: tenant.workspace.id });
      const retired = { ...rows[2], id: 'e'.repeat(24), slug: 'retired-catalog-question' };
      await tx.insert(publicQuestions).values(retired);
      await tx.update(settings).set({ value: JSON.stringify([...ids, retired.id]) }).where(eq(settings.key, 'starter_catalog_ids'));
      await tx.update(settings).set({ value: 'older' }).where(eq(settings.key, 'starter_catalog_version'));

      const load = await loadStarterCatalog(tx);
      expect(load).toMatchObject({ status: 'loaded', upserted: rows.length - 1, archived: 1, skipped: [taken.slug] });
      const [restored] = await tx.select().from(publicQuestions).where(eq(publicQuestions.id, edited.id));
      expect(restored.title).toBe(edited.title);
      const [workspaceOwned] = await tx.select().from(publicQuestions).where(eq(publicQuestions.slug, taken.slug));
      expect(workspaceOwned).toMatchObject({ id: 'f'.repeat(24), title: 'Published by a workspace', ownerWorkspaceId: tenant.workspace.id });
      const [archived] = await tx.select().from(publicQuestions).where(eq(publicQuestions.id, retired.id));
      expect(archived.status).toBe('archived');
    });
  });
});

describe('assay seed', () => {
  const bin = fileURLToPath(new URL('../../../../bin/assay.mjs', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  // The child uses its own embedded database, also when this suite runs on PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const seed = (...args: string[]) => spawnSync(process.execPath, [bin, 'seed', ...args], { env, encoding: 'utf8' });

  it('loads the catalog into a new database, then finds it current until --force', { timeout: 180_000 }, () => {
    const { rows, version } = starterCatalogRows();
    const first = seed();
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`starter catalog ${version}: ${rows.length} questions loaded, 0 archived\n`);
    expect(seed().stdout).toBe(`starter catalog ${version} already loaded\n`);
    expect(seed('--force').stdout).toBe(`starter catalog ${version}: ${rows.length} questions loaded, 0 archived\n`);
  });
});
