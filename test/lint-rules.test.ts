import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const config = join(root, '.dependency-cruiser.mjs');

/** A tree that keeps every rule: modules use the platform and each other's functions, a module mounts its own routes. */
const cleanTree: Record<string, string> = {
  'src/platform/jobs/define-job.ts': 'export const defineJob = (name: string) => ({ name });\n',
  'src/platform/module.ts': 'export interface ModuleDefinition { name: string }\n',
  'src/modules/identity/users.ts': "import { defineJob } from '../../platform/jobs/define-job.js';\nexport const users = defineJob('users');\n",
  'src/modules/identity/routes.ts': "import { users } from './users.js';\nexport const routes = [users];\n",
  'src/modules/identity/routes/sign-in.ts': "import { users } from '../users.js';\nexport const signIn = users;\n",
  'src/modules/identity/module.ts':
    "import type { ModuleDefinition } from '../../platform/module.js';\nimport { routes } from './routes.js';\nimport { signIn } from './routes/sign-in.js';\nexport const identity: ModuleDefinition & { routes: unknown[] } = { name: 'identity', routes: [...routes, signIn] };\n",
  'src/modules/hiring/hire.ts': "import { users } from '../identity/users.js';\nexport const hire = users;\n",
  'src/modules/hiring/hire.test.ts': "import { hire } from './hire.js';\nimport { fixture } from '../../../test/support/fixture.js';\nexport const t = [hire, fixture];\n",
  'src/modules/hiring/tenancy.fixtures.ts': "import { fixture } from '../../../test/support/fixture.js';\nexport const tenancyFixtures = fixture;\n",
  'src/compat/seed/adapter.ts': "import { hire } from '../../modules/hiring/hire.js';\nexport const adapter = hire;\n",
  'src/modules/index.ts': "import { identity } from './identity/module.js';\nimport { adapter } from '../compat/seed/adapter.js';\nexport const modules = [identity, adapter];\n",
  'test/support/fixture.ts': "import { users } from '../../src/modules/identity/users.js';\nexport const fixture = users;\n",
};

/** Each planted file breaks one rule; the key is the rule dependency-cruiser must name. */
const planted: Record<string, { file: string; source: string; to: string }> = {
  'platform-imports-module': {
    file: 'src/platform/jobs/all-jobs.ts',
    source: "import { users } from '../../modules/identity/users.js';\nexport const jobs = [users];\n",
    to: 'src/modules/identity/users.ts',
  },
  'no-cycle': {
    // One direction is type-only: it still counts.
    file: 'src/modules/hiring/offer.ts',
    source: "import type { Stage } from './stage.js';\nexport type Offer = { stage: Stage };\n",
    to: 'src/modules/hiring/stage.ts',
  },
  'module-imports-foreign-routes': {
    file: 'src/modules/hiring/sign-in-candidates.ts',
    source: "import { signIn } from '../identity/routes/sign-in.js';\nexport const signInCandidates = signIn;\n",
    to: 'src/modules/identity/routes/sign-in.ts',
  },
  'imports-test-file': {
    file: 'src/modules/hiring/reuse-test.ts',
    source: "import { t } from './hire.test.js';\nexport const reused = t;\n",
    to: 'src/modules/hiring/hire.test.ts',
  },
  'production-imports-test-code': {
    file: 'src/modules/hiring/seed.ts',
    source: "import { fixture } from '../../../test/support/fixture.js';\nexport const seed = fixture;\n",
    to: 'test/support/fixture.ts',
  },
  'imports-compat': {
    file: 'src/modules/hiring/use-adapter.ts',
    source: "import { adapter } from '../../compat/seed/adapter.js';\nexport const used = adapter;\n",
    to: 'src/compat/seed/adapter.ts',
  },
};
const cycleBack = { file: 'src/modules/hiring/stage.ts', source: "import type { Offer } from './offer.js';\nexport type Stage = { offers: Offer[] };\n" };

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

const trees: string[] = [];
afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-lint-rules-'));
  trees.push(dir);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [depcruise, '--config', config, ...args, 'src', 'test'], { cwd: dir, encoding: 'utf8' });

/** The violations dependency-cruiser reports on a tree, and the exit status of the `lint:deps` command there. */
function cruise(dir: string): { status: number | null; violations: Violation[] } {
  const report = run(dir, '--output-type', 'json');
  if (report.stdout === '') throw new Error(`depcruise printed nothing: ${report.stderr}`);
  const result = JSON.parse(report.stdout) as { summary: { violations: Violation[] } };
  return { status: run(dir).status, violations: result.summary.violations };
}

/** A cycle is the same whichever of its files it is reported from. */
function described(rule: string, from: string, to: string): string {
  return rule === 'no-cycle' ? `${rule}: ${[from, to].sort().join(' <-> ')}` : `${rule}: ${from} -> ${to}`;
}

describe('dependency rules (.dependency-cruiser.mjs)', () => {
  it('pass a tree that keeps them', () => {
    const { status, violations } = cruise(writeTree(cleanTree));
    expect(violations).toEqual([]);
    expect(status).toBe(0);
  });

  it('reject each planted violation, and only those', () => {
    const files = { ...cleanTree, [cycleBack.file]: cycleBack.source };
    for (const plant of Object.values(planted)) files[plant.file] = plant.source;
    const { status, violations } = cruise(writeTree(files));

    const found = [...new Set(violations.map((v) => described(v.rule.name, v.from, v.to)))].sort();
    const expected = Object.entries(planted).map(([rule, plant]) => described(rule, plant.file, plant.to)).sort();
    expect(found).toEqual(expected);
    expect(status).not.toBe(0);
  });
});
