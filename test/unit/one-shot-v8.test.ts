import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ONE_SHOT_V8_FLAGS, WITHOUT_OPTIMIZING_FLAGS } from '../../server/src/node/one-shot-v8.js';

/** V8 ignores a flag it does not know (a warning on stderr at best): each one-shot flag must be one this Node has. */
describe('the command line V8 settings (node/one-shot-v8.ts)', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf-8' }).stdout;

    it.each([...ONE_SHOT_V8_FLAGS, WITHOUT_OPTIMIZING_FLAGS.off, WITHOUT_OPTIMIZING_FLAGS.on])(
        '%s is a flag of this Node, set without a word on stderr',
        flag => {
            // `--no-x` turns off the flag `--x`
            const name = flag.replace(/=.*$/, '').replace(/^--no-/, '--');
            expect(options).toContain(`  ${name} (`);
            const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)}); console.log('ok')`], {
                encoding: 'utf-8',
            });
            expect(run.stderr).toBe('');
            expect(run.stdout.trim()).toBe('ok');
        },
    );
});
