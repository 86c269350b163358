import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/vscode/**', 'node_modules/**'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        // Browser and process tests start Chromium and node: keep the two cores for them.
        maxWorkers: 2,
    },
});
