// @ts-check
/**
 * ESLint for acct's own code (issue 18): the recommended rules of ESLint and typescript-eslint,
 * over the server, the extension, the webview, the tests and the build scripts. `npm run lint`
 * runs it; test/run-all.mjs runs it as a stage. Formatting is Prettier's (.prettierrc.json), not
 * ESLint's. A rule turned off here says why: it fights a deliberate style of the codebase.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
    {
        ignores: [
            'server/src/language/generated/**', // written by langium-cli
            'out/**',
            'dist/**',
            'node_modules/**',
            'coverage/**',
            'test-results/**', // what the tests write (bundles, screenshots, reports)
            '.vscode-test/**',
            'test/vscode/.code-server/**',
        ],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: {
            ecmaVersion: 2022,
            sourceType: 'module',
            globals: { ...globals.node },
        },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            // The compiler checks unused locals and parameters (tsconfig noUnusedLocals/-Parameters);
            // here only for what tsc does not see: the JavaScript build and test scripts.
            '@typescript-eslint/no-unused-vars': [
                'error',
                { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
            ],
            // Namespaces hold the issue codes (IssueCodes.Syntax …) as the grammar's generated code does.
            '@typescript-eslint/no-namespace': 'off',
            // Non-null assertions after a check the compiler cannot follow (`map.get(k)!`) are the house style under noUncheckedIndexedAccess.
            '@typescript-eslint/no-non-null-assertion': 'off',
            // A caught error is reported or rethrown; an empty catch says in a comment why it is ignored.
            'no-empty': ['error', { allowEmptyCatch: true }],
            // Control characters in patterns are deliberate: plan text is hostile input, and acct
            // takes terminal escapes and NULs out of what it prints (cli/output.ts, svg-export.ts).
            'no-control-regex': 'off',
        },
    },
    {
        files: ['client/webview/src/**', 'test/browser/**'],
        languageOptions: { globals: { ...globals.browser, ...globals.node } },
    },
    {
        // page.evaluate bodies run in the browser
        files: ['test/vscode/*.mjs'],
        languageOptions: { globals: { ...globals.browser, ...globals.node } },
    },
    {
        // the VS Code suite: CommonJS files that mocha runs inside the extension host
        files: ['test/vscode/suite/**/*.js'],
        // mocha's globals for the tests (index.js, which starts mocha, defines VS Code's entry point `run`, a mocha global too)
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.mocha } },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
    {
        files: ['test/vscode/suite/index.js'],
        rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs' },
        rules: { '@typescript-eslint/no-require-imports': 'off' },
    },
);
