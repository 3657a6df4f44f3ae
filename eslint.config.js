// ESLint flat config: typescript-eslint's type-checked recommendations over src/, test/ and bench/.
// Import boundaries (platform -> modules, cycles, routes and tests) are dependency-cruiser's job:
// see .dependency-cruiser.mjs.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default defineConfig(
  globalIgnores(['node_modules/', 'data/', 'coverage/', 'migrations/', '.vitest/', 'web/dist/', 'web/dist.*/', 'web/src/api/schema.d.ts', 'test-artifacts/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Fastify plugins and handlers, and implementations of Promise-returning interfaces (storage,
      // SAML cache), are async by contract even when their body has nothing to await.
      '@typescript-eslint/require-await': 'off',
      // `const { secret: _secret, ...kept } = row` is how a field is dropped from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `let timer; const stop = () => clearInterval(timer); timer = setInterval(...)`: a closure
      // reads it before its one assignment, so it cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests read `response.json()`, typed `any` by Fastify's inject, and assert on its shape: that is
    // the check. The rest of the type-checked rules still apply to them.
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The web app: the rules of hooks (and React's other rules the plugin recommends).
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
