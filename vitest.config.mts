import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
    resolve: {
        // The names under which the extension and the webview import the shared rooms (tsconfig `paths`).
        alias: [
            { find: /^@acct\/method$/, replacement: here('./server/src/method/index.ts') },
            { find: /^@acct\/contract$/, replacement: here('./server/src/contract/index.ts') },
            { find: /^@acct\/contract\/protocol$/, replacement: here('./server/src/contract/protocol.ts') },
            { find: /^@acct\/files\/safe-write$/, replacement: here('./server/src/files/safe-write.ts') },
            { find: /^@acct\/files\/run-git$/, replacement: here('./server/src/files/run-git.ts') },
        ],
    },
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/vscode/**', 'node_modules/**'],
        // No case is about speed (the benchmark times what must be fast): a time limit only ends a hang, so
        // it leaves room for a loaded machine (CI's two cores run two files at once, each starting node and Chromium).
        testTimeout: 180_000,
        hookTimeout: 300_000,
        // Browser and process tests start Chromium and node: keep the two cores for them.
        maxWorkers: 2,
        // The CLI, LSP and browser tests run the bundles: build them first.
        globalSetup: ['./test/support/build-once.ts'],
        // Chevrotain 13 calls Object.groupBy, missing in Node 20: the polyfill the bundles carry too.
        // and every property starts from one fixed seed (test/support/property-seed.ts says why).
        setupFiles: ['./server/polyfills/object-group-by.js', './test/support/property-seed.ts'],
    },
});
