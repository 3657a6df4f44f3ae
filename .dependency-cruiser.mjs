// The house's import rules, checked by `npm run lint` (depcruise) and proved by test/lint-rules.test.ts.
// Paths are regular expressions on forward-slash paths relative to the directory cruised from.
// Type-only imports count (tsPreCompilationDeps): a type is a dependency on the module that owns it.
import { join } from 'node:path';

/** Test code: test files, the suites and their helpers, and the tenancy fixtures that live in src/. */
const TEST_CODE = ['\\.test\\.ts$', '^test/', '(^|/)tenancy\\.fixtures\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'platform-imports-module',
      comment: 'src/platform is the ground floor: it offers the module contract and knows no module.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-cycle',
      comment: 'No import cycle anywhere in src/, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'module-imports-foreign-routes',
      comment: "A module may use another module's functions and types, never its routes (routes.ts, routes/).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: ['^src/modules/.+/routes/', '^src/modules/.+/routes\\.ts$'], pathNot: '^src/modules/$1/' },
    },
    {
      name: 'imports-test-file',
      comment: 'Nothing imports a test file: vitest would run its tests in the importer too.',
      severity: 'error',
      from: {},
      to: { path: '\\.test\\.ts$' },
    },
    {
      name: 'production-imports-test-code',
      comment: 'Production code never imports test/ (or a tenancy fixture).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: ['^test/', '(^|/)tenancy\\.fixtures\\.ts$'] },
    },
    {
      name: 'imports-compat',
      comment: 'Compatibility adapters are mounted by src/modules/index.ts alone.',
      severity: 'error',
      from: { pathNot: ['^src/modules/index\\.ts$', '^src/compat/'] },
      to: { path: '^src/compat/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would also escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: join(import.meta.dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
