import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import lighthouse, { desktopConfig, type Config as LighthouseConfig } from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/log.js';
import { openDatabase } from '../src/platform/db/client.js';
import { createRuntime } from '../src/platform/create-runtime.js';
import { modules } from '../src/modules/index.js';
import type { Runtime } from '../src/platform/runtime.js';
import { buildServer } from '../src/server.js';
import { createWorkspace } from '../src/modules/identity/workspaces/create-workspace.js';
import { createApiKey } from '../src/modules/identity/api-keys.js';
import { publicQuestions, type QuestionType } from '../src/modules/questions/schema.js';
import { insertAssessment } from '../src/modules/assessments/attempts/attempt-fixtures.js';
import { ensureWebBuild } from '../src/modules/web/build-web.js';
import { webDist } from '../src/modules/web/web-paths.js';
import { formatTable } from './measure.js';

/**
 * The candidate pages' budgets (issue 11), measured, not asserted: the JavaScript a first load costs
 * before the code editor (CodeMirror, a dynamic import) and Lighthouse's performance and
 * accessibility scores. The app is built if stale and served as deployed on a loopback port over a
 * fresh database, with its own data: an assessment of a choice and a coding question from the
 * starter catalog, and invitations to it.
 *
 * Pages: the welcome page of an invitation (`/take/<token>`), and the same link once started, opened
 * on a choice question and on a coding question (the attempt opens on its first question, so two
 * assessments list the two questions in either order).
 *
 * Bytes: Debian's Chromium (playwright-core) loads each page until the network is idle; every script
 * it fetched is requested again as brotli, gzip and identity from the server and its body bytes
 * summed. The editor's chunks (what the build manifest reaches from a dynamic import of CodeMirror,
 * less what the entry loads anyway) are summed apart. Baseline: the budget, 150 KB (150 × 1024 bytes),
 * so `/budget` ≤ 1 meets it. A manifest row gives the entry's static imports: what any page loads first.
 *
 * Lighthouse: the `lighthouse` package against the same Chromium (its DevTools port), the default
 * mobile run (simulated slow 4G, 4× CPU slowdown) and the desktop preset. Goals: performance ≥ 95,
 * accessibility 100; the audits that cost points are listed below the table. The scores depend on
 * the machine's load (printed): simulated throttling scales the CPU time measured here.
 *
 * Settings: BENCH_WEB_LIGHTHOUSE=0 skips Lighthouse; BENCH_DATABASE_URL or DATABASE_URL adds PostgreSQL.
 */

const BUDGET_BYTES = 150 * 1024;
const GOALS = { performance: 95, accessibility: 100 };
const chromiumPath = '/usr/bin/chromium';
/** Keeps Chromium off the network: without these it keeps dialling out (updates, sync, field trials). */
const quietFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A dynamic entry of the build that is the editor: CodeMirror and its wrapper. */
const editorSource = /codemirror/i;

interface CandidatePage {
  name: string;
  url: string;
  /** The page shows a code editor (and loads CodeMirror). */
  editor: boolean;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Bytes {
  br: number;
  gzip: number;
  identity: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(webDist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** Keys of the chunks `from` loads statically (itself included), and with `dynamic`, what it may import later too. */
function closure(manifest: Manifest, from: string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
    if (dynamic) for (const next of manifest[key].dynamicImports ?? []) visit(next);
  };
  from.forEach(visit);
  return seen;
}

/** `/_app/...` paths of the entry's static imports, and of the editor's chunks that the entry does not load. */
function chunkSets(manifest: Manifest): { firstLoad: Set<string>; editor: Set<string> } {
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const first = closure(manifest, entries, false);
  const editorEntries = Object.keys(manifest).filter((key) => editorSource.test(manifest[key].src ?? key));
  const editor = [...closure(manifest, editorEntries, true)].filter((key) => !first.has(key));
  const paths = (keys: Iterable<string>) => new Set([...keys].map((key) => `/${manifest[key].file}`));
  return { firstLoad: paths([...first].filter((key) => manifest[key].file.endsWith('.js'))), editor: paths(editor) };
}

/** The body bytes the server sends for `path` when the client accepts only `encoding`. */
function bodyBytes(origin: AddressInfo, path: string, encoding: keyof Bytes): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: origin.address, port: origin.port, path, headers: { 'accept-encoding': encoding } }, (res) => {
      let total = 0;
      res.on('data', (chunk: Buffer) => (total += chunk.length));
      res.on('end', () => {
        const sent = res.headers['content-encoding'] ?? 'identity';
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode}`));
        else if (sent !== encoding) reject(new Error(`${path}: asked for ${encoding}, got ${sent}`));
        else resolve(total);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function sizeOf(origin: AddressInfo, paths: Iterable<string>): Promise<Bytes> {
  const sum: Bytes = { br: 0, gzip: 0, identity: 0 };
  for (const path of paths) for (const encoding of ['br', 'gzip', 'identity'] as const) sum[encoding] += await bodyBytes(origin, path, encoding);
  return sum;
}

/** The paths of the scripts Chromium fetched for `url` until the network was idle (a fresh profile). */
async function scriptsLoaded(browser: Browser, url: string, withEditor: boolean): Promise<string[]> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const paths = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') paths.add(new URL(response.url()).pathname);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    // A coding question's editor arrives after the attempt's questions: wait for it (up to 30 s) when the page has one.
    if (withEditor) await page.locator('.cm-content').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    return [...paths];
  } finally {
    await context.close();
  }
}

/** A published workspace assessment of catalog questions, its invitations, and the three pages. */
async function prepare(app: FastifyInstance, runtime: Runtime, origin: string, editor: Set<string>): Promise<CandidatePage[]> {
  const db = runtime.database.db;
  const workspace = await createWorkspace(db, { name: 'Web bench' });
  const { key } = await createApiKey(db, workspace.id, { name: 'bench' });
  const catalogQuestion = async (type: QuestionType) => {
    const [row] = await db
      .select({ id: publicQuestions.id })
      .from(publicQuestions)
      .where(and(eq(publicQuestions.type, type), eq(publicQuestions.status, 'published')))
      .orderBy(asc(publicQuestions.slug))
      .limit(1);
    if (!row) throw new Error(`the starter catalog has no published ${type} question`);
    return row.id;
  };
  const choice = await catalogQuestion('question');
  const coding = await catalogQuestion('coding');
  const invite = async (questionIds: string[], started: boolean) => {
    const assessment = await insertAssessment(db, workspace.id, { questionIds, settings: { terms: 'Work alone, without help.' } });
    const res = await app.inject({
      method: 'POST',
      url: `/assessments/${assessment.id}/attempts`,
      headers: { 'x-api-key': key },
      payload: { participants: [{ email: `candidate.${assessment.id}@example.test`, name: 'Ada Candidate' }], disable_email: true },
    });
    if (res.statusCode !== 201) throw new Error(`invitation: ${res.statusCode} ${res.body}`);
    const path = new URL(res.json<Array<{ link: string }>>()[0].link).pathname;
    if (started) {
      const api = `/candidate/attempts${path.slice('/take'.length)}`;
      for (const step of ['terms', 'start']) {
        const answer = await app.inject({ method: 'POST', url: `${api}/${step}` });
        if (answer.statusCode !== 200) throw new Error(`${step}: ${answer.statusCode} ${answer.body}`);
      }
    }
    return origin + path;
  };
  return [
    { name: 'welcome', url: await invite([choice, coding], false), editor: false },
    { name: 'choice question', url: await invite([choice, coding], true), editor: false },
    { name: 'coding question', url: await invite([coding, choice], true), editor: editor.size > 0 },
  ];
}

interface Scores {
  performance: number;
  accessibility: number;
  /** Audits that cost points: `id (score)`, the metrics' values for performance. */
  lost: string[];
}

/** Chromium with its DevTools port open on loopback (Lighthouse drives it there), in a throwaway profile. */
async function launchDebuggable(): Promise<{ port: number; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'assay-lighthouse-'));
  const child: ChildProcess = spawn(chromiumPath, [...quietFlags, '--headless=new', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`chromium exited with ${code}: ${seen.slice(-500)}`)));
    setTimeout(() => reject(new Error('chromium opened no DevTools port in 30 s')), 30_000).unref();
  });
  return {
    port,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function lighthouseScores(port: number, url: string, config?: LighthouseConfig): Promise<Scores> {
  const result = await lighthouse(url, { port, hostname: '127.0.0.1', output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, config);
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const lost: string[] = [];
  for (const category of ['performance', 'accessibility']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) lost.push(`${ref.id} ${audit.score.toFixed(2)}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return { performance: score('performance'), accessibility: score('accessibility'), lost };
}

async function benchDatabase(databaseUrl: string | undefined, runLighthouse: boolean): Promise<{ bytes: string[][]; scores: string[][]; notes: string[] }> {
  const database = await openDatabase({ databaseUrl, poolSize: 8 });
  const config = loadConfig(process.env, { databaseUrl, embedded: 'memory', workers: false, logLevel: 'info', logRequests: true, rateLimit: { max: 1_000_000_000, windowMs: 60_000 } });
  const runtime = await createRuntime(config, { modules, database, logger: createLogger(config.logLevel, '/dev/null') });
  const app = await buildServer(runtime);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: quietFlags });
  const bytes: string[][] = [];
  const scores: string[][] = [];
  const notes: string[] = [];
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = app.server.address() as AddressInfo;
    const { firstLoad, editor } = chunkSets(readManifest());
    const pages = await prepare(app, runtime, `http://127.0.0.1:${origin.port}`, editor);
    const row = (page: string, part: string, count: number, size: Bytes) => [
      database.kind,
      page,
      part,
      String(count),
      kb(size.br),
      kb(size.gzip),
      kb(size.identity),
      (size.br / BUDGET_BYTES).toFixed(2),
      (size.gzip / BUDGET_BYTES).toFixed(2),
    ];
    bytes.push(row('any (manifest)', "entry's static imports", firstLoad.size, await sizeOf(origin, firstLoad)));
    for (const page of pages) {
      const loaded = await scriptsLoaded(browser, page.url, page.editor);
      const before = loaded.filter((path) => !editor.has(path));
      const later = loaded.filter((path) => editor.has(path));
      bytes.push(row(page.name, 'before the editor', before.length, await sizeOf(origin, before)));
      if (later.length > 0) bytes.push(row(page.name, 'the editor', later.length, await sizeOf(origin, later)));
    }
    if (runLighthouse) {
      const chrome = await launchDebuggable();
      try {
        for (const page of pages) {
          for (const [formFactor, preset] of [['mobile', undefined], ['desktop', desktopConfig]] as const) {
            const result = await lighthouseScores(chrome.port, page.url, preset);
            scores.push([database.kind, page.name, formFactor, String(result.performance), String(result.accessibility), (result.performance / GOALS.performance).toFixed(2), (result.accessibility / GOALS.accessibility).toFixed(2), load()]);
            if (result.lost.length > 0) notes.push(`${database.kind} ${page.name} ${formFactor}: ${result.lost.join(', ')}`);
          }
        }
      } finally {
        await chrome.close();
      }
    }
    return { bytes, scores, notes };
  } finally {
    await browser.close();
    await app.close();
    await runtime.close();
    await database.close();
  }
}

export async function benchWeb(): Promise<void> {
  const built = await ensureWebBuild();
  const runLighthouse = process.env.BENCH_WEB_LIGHTHOUSE !== '0';
  console.log(`web: the candidate pages' JavaScript and Lighthouse scores${built ? ' (web app built first)' : ''} (${cpus().length} CPUs, load ${load()})`);
  const bytes: string[][] = [['database', 'page', 'scripts', 'files', 'br KB', 'gzip KB', 'raw KB', 'br/budget', 'gzip/budget']];
  const scores: string[][] = [['database', 'page', 'lighthouse', 'performance', 'accessibility', 'perf/95', 'a11y/100', 'load']];
  const notes: string[] = [];
  const urls = [undefined, process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL].filter((url, i) => i === 0 || url);
  for (const url of urls) {
    const result = await benchDatabase(url, runLighthouse);
    bytes.push(...result.bytes);
    scores.push(...result.scores);
    notes.push(...result.notes);
  }
  console.log(`JavaScript before the editor; budget ${kb(BUDGET_BYTES)} KB compressed (/budget ≤ 1 meets it)`);
  console.log(formatTable(bytes));
  if (runLighthouse) {
    console.log(`Lighthouse; goals performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}`);
    console.log(formatTable(scores));
    for (const note of notes) console.log(`  points lost, ${note}`);
  }
  if (urls.length === 1) console.log('postgres: skipped (set BENCH_DATABASE_URL or DATABASE_URL)');
}
