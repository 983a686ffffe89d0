// Lint (`npm run lint`, part of `npm test`): type-aware typescript-eslint rules that find real
// defects, and the import boundaries of the design (ARCHITECTURE §4: the engine is isomorphic
// and never loads Node, the runner, the CLI or the viewer). Style is prettier's job, and unused
// names are tsc's (noUnusedLocals, noUnusedParameters); docs/decisions.md says why each rule
// that is off is off.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Node built-ins by bare name and with `node:`; `node:*` alone misses `import 'fs'`. */
const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

/** Folders the engine must not load (relative imports from any depth under engine/). */
const engineForbidden = [
  ...['runner', 'cli', 'viz', 'scenarios'].flatMap((d) => [`../${d}`, `../${d}/*`, `../../${d}`, `../../${d}/*`]),
  // The package's own entry loads the runner.
  'caresim',
  'caresim/*',
];

/** The folders of the tree; each one's index.ts is its door (docs/decisions.md, Layout). */
const FOLDERS = [
  'engine',
  'results',
  'optimise',
  'sensitivity',
  'scenarios',
  'runner',
  'cli',
  'viz',
  'fit',
  'compare',
  'bench',
  'examples',
];

/** Boundaries stricter than the doors: a folder refused outright needs no door pattern too. */
const OWN_RULES = {
  engine: [
    { group: nodeBuiltins, message: 'engine/ is isomorphic (it runs in the browser): no Node built-ins.' },
    {
      group: engineForbidden,
      message: 'engine/ takes a compiled model and knows nothing of the runner, CLI, viewer or scenario language.',
    },
  ],
  viz: [
    {
      group: ['../runner', '../runner/*', '../../runner', '../../runner/*'],
      message: 'viz/ reads results through results/, not the runner.',
    },
  ],
};
const REFUSED = { engine: ['runner', 'cli', 'viz', 'scenarios'], viz: ['runner'] };

/** Patterns refusing a deep import (any file but index.js) of another folder from `from`. */
function doors(from) {
  return FOLDERS.filter((f) => f !== from && !(REFUSED[from] ?? []).includes(f)).map((f) => ({
    regex: `^(\\.\\.?/)+${f}/(?!index\\.js$)`,
    message: `other folders enter ${f}/ through its door, ${f}/index.ts: import '../${f}/index.js' and export what you need there.`,
  }));
}

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-artifacts/', 'out/', '.caresim/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises: a forgotten await loses an error or a write; these are the defects lint is for.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      // tsc reports unused names (noUnusedLocals/noUnusedParameters); one report is enough.
      '@typescript-eslint/no-unused-vars': 'off',
      'no-unused-vars': 'off',
      // The codec, the journal and the tests read JSON into `any` on purpose and check it by
      // hand; flagging every access would demand a rewrite, not find defects.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Non-null assertions and template numbers are deliberate in the hot paths and messages.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Messages echo the user's input with String(value) on purpose, whatever its type.
      '@typescript-eslint/no-base-to-string': 'off',
      // Re-throwing or rejecting with a caught value (`unknown`) passes the original error on.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  // Each folder's index.ts is its only door: source files reach another folder through it, so a
  // folder can reorganise its files without editing its callers. Tests mirror the tree and may
  // reach inside. Flat config replaces a rule's options per block rather than merging them, so
  // the engine's and viewer's own boundaries ride in their folder's block.
  ...FOLDERS.map((folder) => ({
    files: [`${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...(OWN_RULES[folder] ?? []), ...doors(folder)] }] },
  })),
  {
    files: ['*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: doors('') }] },
  },
  {
    // Plain JavaScript (build script, bin, fixtures) has no types to check against.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
