import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../../../../test/support/app.js';
import { createTenant, type TenantFixture } from '../../../../test/support/fixtures.js';
import { createDataset } from '../datasets/create-dataset.js';
import { runSqlSubmission, type SqlRunInput } from './run-sql.js';
import { defaultPoolSize } from './pool.js';
import { sqlPoolOf } from './sql-pool-of.js';

const t = await testApp({ storage: { driver: 'disk', root: mkdtempSync(join(tmpdir(), 'assay-datasets-')) } });
afterAll(() => t.close());

const employees = `
CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE employees (id INTEGER PRIMARY KEY, name TEXT NOT NULL, department_id INTEGER REFERENCES departments(id), salary NUMERIC(10,2), hired DATE);
INSERT INTO departments (id, name) VALUES (1, 'Engineering'), (2, 'Sales');
INSERT INTO employees (id, name, department_id, salary, hired) VALUES
  (1, 'Ann', 1, 5000.50, '2020-01-02'), (2, 'Bob', 1, 4000, '2021-03-04'), (3, 'Cid', 2, 3000, '2022-05-06');
`;

let a: TenantFixture;
let b: TenantFixture;
let datasetId: string;
const hostDir = mkdtempSync(join(tmpdir(), 'assay-sql-escape-'));

beforeAll(async () => {
  await sqlPoolOf(t.runtime).warmUp();
  a = await createTenant(t.runtime, 'SQL A');
  b = await createTenant(t.runtime, 'SQL B');
  datasetId = (await createDataset(t.runtime, { workspaceId: a.workspace.id }, { name: 'Employees', upload: gzipSync(employees) }))._id;
});

const run = (input: Omit<SqlRunInput, 'datasetId'>, tenant = a) => runSqlSubmission(t.runtime, { workspaceId: tenant.workspace.id }, { datasetId, ...input });
const perDepartment = 'SELECT d.name, count(*) AS people FROM employees e JOIN departments d ON d.id = e.department_id GROUP BY d.name';

describe('running a SQL answer against a dataset', () => {
  it('accepts a query whose result matches the solution run on the same data', async () => {
    const verdict = await run({ code: `${perDepartment};`, solution: `${perDepartment} ORDER BY 1 DESC` });
    expect(verdict).toMatchObject({ status: 'accepted', passed: 1, total: 1, message: null });
    expect(verdict.output?.columns).toEqual(['name', 'people']);
    expect(verdict.output?.rows).toHaveLength(2);
    expect(verdict.expected_output?.rows).toEqual([['Sales', 1], ['Engineering', 2]]);
    expect(verdict.time_ms).toBeGreaterThanOrEqual(0);
  });

  it('answers a wrong result as wrong_answer with the reason', async () => {
    const verdict = await run({ code: 'SELECT name, 1 AS people FROM departments', solution: perDepartment });
    expect(verdict).toMatchObject({ status: 'wrong_answer', passed: 0, total: 1, message: 'The rows differ from the expected result' });
  });

  it('cares about row order only when the question says so', async () => {
    const solution = 'SELECT name FROM employees ORDER BY salary DESC';
    const code = 'SELECT name FROM employees ORDER BY salary ASC';
    expect((await run({ code, solution })).status).toBe('accepted');
    expect((await run({ code, solution, ordered: true })).status).toBe('wrong_answer');
    expect((await run({ code: solution, solution, ordered: true })).status).toBe('accepted');
  });

  it('compares with an expected output given as is, numbers with a tolerance', async () => {
    const expectedOutput = { columns: ['total'], rows: [['12000.5']] };
    expect((await run({ code: 'SELECT sum(salary) AS total FROM employees', expectedOutput })).status).toBe('accepted');
  });

  it('answers rows as objects in json mode, dates as PostgreSQL text', async () => {
    const verdict = await run({ code: 'SELECT id, hired, salary FROM employees WHERE id = 1', mode: 'json' });
    expect(verdict).toMatchObject({ status: 'accepted', total: 0 });
    expect(verdict.output?.rows).toEqual([{ id: 1, hired: '2020-01-02', salary: 5000.5 }]);
  });

  it('turns a SQL error into runtime_error with the message', async () => {
    const verdict = await run({ code: 'SELECT nope FROM employees' });
    expect(verdict.status).toBe('runtime_error');
    expect(verdict.message).toContain('column "nope" does not exist');
  });

  it('runs a script-built schema, after the dataset when both are given', async () => {
    const verdict = await run({ code: 'SELECT count(*) AS n FROM employees, extra', script: 'CREATE TABLE extra (x int); INSERT INTO extra VALUES (1), (2);' });
    expect(verdict.output?.rows).toEqual([[6]]);
    const scriptOnly = await runSqlSubmission(t.runtime, { workspaceId: a.workspace.id }, { code: 'SELECT * FROM test', script: 'CREATE TABLE test (id INT); INSERT INTO test VALUES (1);' });
    expect(scriptOnly.output?.rows).toEqual([[1]]);
  });

  it('refuses writes and several statements unless the question allows them', async () => {
    expect((await run({ code: 'DELETE FROM employees' })).message).toBe('Only a single SELECT query can run for this question');
    expect((await run({ code: 'WITH gone AS (DELETE FROM employees RETURNING *) SELECT * FROM gone' })).status).toBe('runtime_error');
    expect((await run({ code: 'SELECT 1; SELECT 2' })).message).toContain('multiple commands');
    const allowed = await run({ code: "INSERT INTO departments VALUES (3, 'Ops'); SELECT count(*) AS n FROM departments", multipleStatements: true });
    expect(allowed.output?.rows).toEqual([[3]]);
    // Each run has its own database: the insert above is gone.
    expect((await run({ code: 'SELECT count(*) AS n FROM departments' })).output?.rows).toEqual([[2]]);
  });

  it('cuts a large result at the row limit and calls it output_limit_exceeded when judged', async () => {
    const code = 'SELECT g FROM generate_series(1, 5000) g';
    const preview = await run({ code });
    expect(preview.output).toMatchObject({ row_count: 1000, truncated: true });
    expect((await run({ code, expectedOutput: { columns: ['g'], rows: [[1]] } })).status).toBe('output_limit_exceeded');
  });

  it("does not find another workspace's dataset", async () => {
    await expect(run({ code: 'SELECT 1' }, b)).rejects.toMatchObject({ statusCode: 404, code: 'question_dataset_not_found' });
  });
});

describe('limits', () => {
  it('ends a sleeping query as time_limit_exceeded at its deadline while the API keeps answering', async () => {
    const started = Date.now();
    const pending = run({ code: 'SELECT pg_sleep(10)', timeLimitMs: 1000 });
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    let settled = false;
    void pending.then(() => (settled = true));
    expect(settled).toBe(false);
    const verdict = await pending;
    expect(verdict.status).toBe('time_limit_exceeded');
    expect(verdict.message).toBe('The query ran longer than 1000 ms');
    // The sleep would end after 10 s: the run was stopped, not waited for.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends an endless recursive CTE as time_limit_exceeded', async () => {
    const verdict = await run({ code: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r', timeLimitMs: 1000 });
    expect(verdict.status).toBe('time_limit_exceeded');
  });

  it('queues a burst instead of starting more workers than the pool size', async () => {
    const query = (i: number) => ({ sql: `SELECT ${i} AS i`, multipleStatements: false, rowLimit: 10, maxBytes: 1024, timeoutMs: 5000 });
    const burst = Array.from({ length: 6 }, (_, i) => sqlPoolOf(t.runtime).run({ setup: employees, setupTimeoutMs: 30_000, queries: [query(i)] }));
    const stats = sqlPoolOf(t.runtime).stats();
    expect(stats.workers).toBeLessThanOrEqual(defaultPoolSize());
    expect(stats.busy + stats.queued).toBe(6);
    expect(stats.queued).toBeGreaterThanOrEqual(6 - defaultPoolSize());
    const outcomes = await Promise.all(burst);
    expect(outcomes.map((o) => (o.queries[0].kind === 'rows' ? o.queries[0].rows[0] : o.queries[0].kind))).toEqual([[0], [1], [2], [3], [4], [5]]);
  });
});

describe('the throwaway database cannot reach the host', () => {
  const marker = join(hostDir, 'pwned');

  it('refuses COPY TO PROGRAM, server files and dblink in a single statement', async () => {
    const program = await run({ code: `COPY (SELECT 1) TO PROGRAM 'touch ${marker}'` });
    expect(program.status).toBe('runtime_error');
    const file = await run({ code: "SELECT pg_read_file('/etc/passwd')" });
    expect(file.message).toBe('permission denied for function pg_read_file');
    const largeObject = await run({ code: "SELECT lo_import('/etc/passwd')" });
    expect(largeObject.status).toBe('runtime_error');
    expect(existsSync(marker)).toBe(false);
  });

  it('finds no host file, program or extension even after regaining the superuser role', async () => {
    const escape = (code: string) => run({ code: `RESET ROLE; ${code}`, multipleStatements: true });
    const read = await escape("SELECT pg_read_file('/etc/passwd')");
    expect(read.message).toContain('could not open file "/etc/passwd"');
    const list = await escape("SELECT pg_ls_dir('/') AS entry");
    expect(list.output?.rows.flat()).not.toContain('etc');
    const write = await escape(`COPY (SELECT 'x') TO '${marker}'`);
    expect(write.status).toBe('runtime_error');
    const dblink = await escape('CREATE EXTENSION dblink');
    expect(dblink.message).toContain('extension "dblink" is not available');
    await escape(`COPY (SELECT 1) TO PROGRAM 'touch ${marker}'`);
    expect(existsSync(marker)).toBe(false);
  });

  it('keeps serving runs after a run broke its own database', async () => {
    await run({ code: `RESET ROLE; COPY (SELECT 1) TO PROGRAM 'id'; SELECT 1`, multipleStatements: true, timeLimitMs: 1000 });
    expect((await run({ code: 'SELECT count(*) AS n FROM employees' })).output?.rows).toEqual([[3]]);
  });
});
