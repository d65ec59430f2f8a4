// @ts-check
/*
 * Lint for the whole tree, run by `npm test` with zero warnings allowed.
 * Type-checked rules (floating and misused promises above all) everywhere;
 * Prettier owns the layout. The import boundaries below keep workflow code in
 * Temporal's deterministic sandbox and the layers pointing one way.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Files that run in Temporal's workflow sandbox (their specs aside). */
const SANDBOX = ['workflows/kit/**/*.ts', 'workflows/*/*.workflow.ts', 'workflows/*/*.contract.ts', 'workflows/*/*.strings.ts'];
const SPECS = ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.cluster-spec.ts'];

/** An import rule: whatever matches `regex` is refused, with `message`. */
const only = (regex, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] });

/**
 * Import boundaries. Workflow code imports only @temporalio/workflow, its own
 * contract and strings (and sibling workflows), and the kit; the kit imports
 * only @temporalio/workflow, itself and the pure contracts. Layers point one
 * way: infra → apps → workflows (API side) → libs.
 */
function boundaries() {
  return [
    {
      files: ['workflows/*/*.workflow.ts'],
      ignores: SPECS,
      rules: only(
        '^(?!@temporalio/workflow$|\\.\\./kit/[a-z-]+$|\\./[a-z-]+\\.(contract|strings|workflow)$)',
        'Workflow code runs in Temporal’s sandbox: import only @temporalio/workflow, ../kit/*, and this kind’s contract, strings and workflows.',
      ),
    },
    {
      files: ['workflows/*/*.contract.ts', 'workflows/*/*.strings.ts'],
      ignores: SPECS,
      rules: only(
        '^(?!@temporalio/workflow$|\\.\\./kit/contracts$)',
        'A kind’s contract and strings are read by its workflow: import only @temporalio/workflow and ../kit/contracts.',
      ),
    },
    {
      files: ['workflows/kit/**/*.ts'],
      ignores: SPECS,
      rules: only(
        '^(?!@temporalio/workflow$|\\./[a-z-]+$|\\.\\./\\.\\./libs/contracts/src$)',
        'The kit runs in Temporal’s sandbox: import only @temporalio/workflow, other kit files and (in kit/contracts.ts) the pure contracts.',
      ),
    },
    {
      files: ['libs/contracts/**/*.ts'],
      ignores: SPECS,
      rules: only(
        '^(?!@temporalio/(workflow|common)$|\\.)',
        'libs/contracts is shared with workflow code: no Node, Nest or TypeORM, only @temporalio/workflow and @temporalio/common.',
      ),
    },
    {
      files: ['libs/**/*.ts'],
      ignores: [...SPECS, 'libs/contracts/**'],
      rules: only(
        '^(@workflows/|(\\.\\./)+(apps|workflows|infra|test)/)',
        'libs/ is the bottom layer: it imports no app, workflow, infra or test code.',
      ),
    },
    {
      files: ['workflows/**/*.ts'],
      ignores: [...SPECS, ...SANDBOX, 'workflows/*/*.workflow.ts'],
      rules: only(
        '^(\\.\\./)+(apps|infra|test)/|^@lib/',
        'workflows/ imports libs by relative path (the workflow bundler and the test setup read no tsconfig paths), and no app or infra code.',
      ),
    },
    {
      files: ['apps/api/**/*.ts'],
      ignores: SPECS,
      rules: only('(^|/)worker/', 'The API and the worker are separate processes: the API imports nothing of the worker.'),
    },
    {
      files: ['apps/worker/**/*.ts'],
      ignores: SPECS,
      rules: only('(^|/)api/', 'The API and the worker are separate processes: the worker imports nothing of the API.'),
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tools/',
      '.data/',
      'coverage/',
      'bench-results/',
      'test-artifacts/',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...boundaries(),
  {
    // The web console (apps/console, its own DOM + JSX tsconfig): React's rules of hooks on top of the rest.
    files: ['apps/console/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // Tests read HTTP answers (supertest's `res.body` is `any`) and recorded JSON: what they
    // read is asserted right there, so the unsafe-any rules only add noise. Promise rules stay.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.cluster-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Fixtures and fakes implement async interfaces with plain values.
      '@typescript-eslint/require-await': 'off',
    },
  },
  prettier,
);
