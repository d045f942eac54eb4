// The lint gate run by .ci/run (`npm run lint`). Syntax-level rules only (no type-aware linting:
// it would double the CI time on two cores for little over `tsc --noEmit`); formatting is Prettier's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'packages/client/src/schema.ts',
      '**/.stryker-tmp/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Scripts that drive a browser hand functions to page.evaluate, which run there.
    files: ['apps/console/scripts/**', 'apps/api/test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      // `catch {}` is how a best-effort read or probe says "absent is fine".
      'no-empty': ['error', { allowEmptyCatch: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // The service's seams (Nest decorators, pg rows, test fixtures) use `any` where a type would be
      // a lie; the pure library does not (issue 12): see the override below.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['packages/flows/src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
