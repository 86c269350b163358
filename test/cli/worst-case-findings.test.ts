/**
 * The five findings-dense worst cases (issue 17) were made cheaper per finding — the parser's
 * recovery, the syntax messages, the diagnostics, the cascade filter and the finding policy —
 * never by dropping a finding: a small instance of each shape gives exactly the findings it gave
 * before that work (the same JSON, byte for byte, in English and in Chinese; the digests below
 * were taken with `acct check --format json` at main before the work, 16 kB of each shape).
 */
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHAPES } from '../worst-case/shapes.js';
import { runCli, tempWorkspace } from '../support/run-cli.js';

const BEFORE: Record<string, Record<'en' | 'zh-CN', { count: number; sha256: string }>> = {
    'one member id declared again and again': {
        'en': { count: 1261, sha256: '4e361e8e969f088d' },
        'zh-CN': { count: 1261, sha256: '00cedf8ed77890d6' },
    },
    'unclosed customers, one inside the next': {
        'en': { count: 1927, sha256: 'dd11dd1eee3c9794' },
        'zh-CN': { count: 1927, sha256: '6233e7f508ecbcf0' },
    },
    'a reporting cycle through every contact': {
        'en': { count: 372, sha256: 'a16698160b62dc6d' },
        'zh-CN': { count: 372, sha256: '08eba176bb3dd620' },
    },
    'contacts by the thousand in one customer': {
        'en': { count: 272, sha256: '87b6a0a92a5246f3' },
        'zh-CN': { count: 272, sha256: 'f82c4b6a02b783fa' },
    },
    'one property repeated in one contact': {
        'en': { count: 1634, sha256: 'a15f5e0d594d3d95' },
        'zh-CN': { count: 1634, sha256: '9c2a78a37d29fb2c' },
    },
};

describe('the findings-dense worst cases give the same findings as before they were made cheaper', () => {
    for (const [shape, expected] of Object.entries(BEFORE)) {
        it(shape, () => {
            const dir = tempWorkspace({});
            try {
                writeFileSync(path.join(dir, 'plan.acct'), SHAPES[shape]!(16 * 1024));
                for (const lang of ['en', 'zh-CN'] as const) {
                    const run = runCli(['check', 'plan.acct', '--format', 'json', '--lang', lang], { cwd: dir });
                    expect(run.status, run.stderr).toBe(1);
                    const findings = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
                    expect(findings.length).toBe(expected[lang].count);
                    expect(findings.every(f => f.code && f.message)).toBe(true);
                    expect(createHash('sha256').update(run.stdout).digest('hex').slice(0, 16), `${shape}, ${lang}`).toBe(expected[lang].sha256);
                }
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });
    }
});
