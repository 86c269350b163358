/**
 * A server that survives anything (issue: robust under hostile input), over the real LSP: after
 * each hostile document the next normal one is diagnosed correctly and the server still answers;
 * a burst of 10,000 edits settles within a second of the last one, and the server's memory comes
 * back to where it started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { messageText } from '../../server/src/language/validation/finding-data.js';

const team = 'member alice "Alice"\nmember bob "Bob"\nmember carol "Carol"\n';
const normal = 'customer ok "Ok" {\n    tier core\n    contact a "A" { support 3 intimacy -2 }\n}\n';

const hostile: Record<string, () => string> = {
    '1,500 recovered errors in a row': () => Array.from({ length: 1500 }, (_, i) => `member m${i} "M" }`).join('\n'),
    '3,000 "a"a in a decision chain': () => 'customer c "C" {\n contact x "X" {}\n opportunity o "O" { decision-chain {\n' + '"a"a\n'.repeat(3000) + '} }\n}\n',
    '4,000 members with one id': () => 'member a "A"\n'.repeat(4000),
    'a customer opened 2,000 times': () => 'customer a "a" {\n'.repeat(2000),
    'an unterminated string before long lines': () => 'member a "open\n' + ('x'.repeat(200) + '\n').repeat(700),
    'a line of 80 kB of \\"': () => 'member a "' + '\\"'.repeat(40_000) + '\n',
    'a megabyte of NUL': () => '\u0000'.repeat(1_000_000),
    'a reporting cycle of 4,000 contacts': () =>
        'customer c "C" {\n' + Array.from({ length: 4000 }, (_, i) => `  contact k${i} "K" { reports-to k${(i + 1) % 4000} }\n`).join('') + '}\n',
    // the last contact reports to nobody: one finding to wait for
    '20,000 contacts with a comment each': () =>
        'customer c "C" {\n' +
        Array.from({ length: 20_000 }, (_, i) => `  // ${i}\n  contact k${i} "K" { }\n`).join('') +
        '  contact z "Z" { reports-to nobody }\n}\n',
};

describe('the language server survives hostile documents', () => {
    let client: LspClient;
    let folder: string;
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

    beforeAll(async () => {
        folder = tempWorkspace({ 'team.acct': team });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    for (const [shape, text] of Object.entries(hostile)) {
        it(`${shape}: diagnosed; then a normal plan is diagnosed correctly and completion answers`, async () => {
            const bad = uri('hostile.acct');
            client.forget(bad);
            await client.open(bad, text());
            const diagnostics = await client.diagnosticsFor(bad, d => d.length > 0, 90_000);
            expect(diagnostics.every(d => typeof d.code === 'string')).toBe(true);
            await client.close(bad);
            const good = uri(`normal-${Object.keys(hostile).indexOf(shape)}.acct`);
            await client.open(good, normal.replace(/\bok\b/g, `ok${Object.keys(hostile).indexOf(shape)}`));
            const found = await client.diagnosticsFor(good, d => d.length > 0);
            expect(found.map(d => d.code).sort()).toEqual(['rational-turn-risk', 'stale-tier-review']);
            const completion = (await client.connection.sendRequest('textDocument/completion', {
                textDocument: { uri: good },
                position: { line: 2, character: 20 },
            })) as { items: Array<{ label: string }> };
            expect(completion.items.map(i => i.label)).toContain('intimacy');
            await client.close(good);
        });
    }
});

describe('hostile files sitting in the workspace', () => {
    it('are indexed without taking the server down: an opened plan is diagnosed and completion answers', async () => {
        const files: Record<string, string> = { 'team.acct': team };
        Object.values(hostile)
            .slice(0, 4)
            .forEach((text, i) => {
                files[`hostile-${i}.acct`] = text();
            });
        const folder = tempWorkspace(files);
        const client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
        try {
            const good = pathToFileURL(path.join(folder, 'normal.acct')).toString();
            await client.open(good, normal);
            const found = await client.diagnosticsFor(good, d => d.length > 0, 90_000);
            expect(found.map(d => d.code).sort()).toEqual(['rational-turn-risk', 'stale-tier-review']);
            const hover = (await client.connection.sendRequest('textDocument/hover', {
                textDocument: { uri: good },
                position: { line: 1, character: 10 },
            })) as { contents: { value: string } } | null;
            expect(hover?.contents.value).toMatch(/core/i);
        } finally {
            await client.stop();
        }
    });
});

describe('a burst of 10,000 edits', () => {
    // how soon it settles is a figure of the benchmark (`npm run bench -- --only=burst`, target ≤ 1 s): here, what the user sees.
    // The memory measured is what the server's JavaScript still holds after full collections (live
    // heap and live Buffers), not the resident memory: after a burst the allocators keep freed memory
    // for reuse and give it back on their own schedule — V8's pool of heap pages on Node 22, glibc's
    // main malloc arena on Node 24 (35.6 MB held, 3.5 MB of it in use; `malloc_trim` brings the process
    // 17 MB below its start). What is kept must be reused, though: a second burst leaves the resident
    // memory where the first did. The start is measured after a first thousand edits: V8 compiles the
    // edit path's code once, on the first edits, and keeps it (1.3 MB on Node 22 in heap snapshots
    // before and after a burst; nothing else grew but 80 kB, docs/robustness.md) — what must not stay
    // is anything per edit, and 10,000 more edits would show it. V8 goes on optimising the edit path
    // long after the first thousand edits (its code and trusted spaces 3.0 → 3.6–3.8 MB over the next
    // 20,000 on Node 22, then flat: 11 % over the live heap's bound once on CI), so the data the
    // server holds is compared without V8's compiled code (what is kept per edit still counts: 80 bytes
    // an edit over the 20,000 edits is 10 % of it).
    it('settles on the last text, the live memory comes back, and a second burst reuses what the first left', async () => {
        const folder = tempWorkspace({ 'team.acct': team });
        const client = await startServer(folder, { ACCT_TODAY: '2026-11-22' }, {}, {}, { liveMemory: true });
        try {
            const uri = pathToFileURL(path.join(folder, 'plan.acct')).toString();
            const text =
                normal +
                Array.from({ length: 300 }, (_, i) => `customer c${i} "C" {\n    contact a "A" { support 2 intimacy 1 last-contact 2026-11-01 }\n}\n`).join('');
            await client.open(uri, text);
            await client.diagnosticsFor(uri, d => d.length > 0);
            const live = async () => {
                const memory = await client.liveMemoryMB();
                return { ...memory, js: memory.heapMB - memory.codeMB + memory.externalMB };
            };
            let version = 1;
            const burst = async (edits: number, word: string) => {
                for (let i = 1; i <= edits; i++) {
                    version++;
                    await client.change(uri, text + `member m${version} ${i === edits ? word : '"M"'}\n`, version);
                }
                const last = await client.diagnosticsFor(uri, d => d.some(x => messageText(x.message).includes(`\`${word}\``)), 90_000);
                // the last text's findings: its one syntax error, nothing left over from an edit before it
                expect(last.filter(d => d.code === 'syntax')).toHaveLength(1);
            };
            await burst(1_000, 'first');
            // The start is read once the server has been idle a moment. Read at once after the first
            // thousand edits it came in two kinds, 16.8 or 15.7 MB (ten runs, 2026-12-07), most likely as
            // work the server does when it goes idle had run or not; from the low kind, the same server
            // read 9–12 % over it later (once on CI). After two idle seconds: 16.8–17.1 MB in ten runs.
            await new Promise(resolve => setTimeout(resolve, 2000));
            const start = await live();
            await burst(10_000, 'finally');
            const first = await live();
            expect(first.js).toBeLessThanOrEqual(start.js * 1.1);
            await burst(10_000, 'again');
            const second = await live();
            expect(second.js).toBeLessThanOrEqual(start.js * 1.1);
            // The allocators give freed pages back on their own schedule, later on a loaded machine (12 % over
            // once, at a load average of 25; 11 % once on Node 22): up to ten seconds of looks, a moment apart, before the resident memory counts as kept.
            let resident = second.rssMB;
            for (let look = 0; look < 20 && resident > first.rssMB * 1.1; look++) {
                await new Promise(resolve => setTimeout(resolve, 500));
                resident = (await live()).rssMB;
            }
            expect(resident).toBeLessThanOrEqual(first.rssMB * 1.1);
        } finally {
            await client.stop();
        }
    }, 180_000);
});

describe('a FIFO named by a request', () => {
    it('references, highlight, prepareRename and rename on an unopened FIFO URI answer, and the server still reads and exits', async () => {
        const folder = tempWorkspace({ 'team.acct': team });
        execFileSync('mkfifo', [path.join(folder, 'pipe.acct')]);
        const client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
        try {
            const pipe = pathToFileURL(path.join(folder, 'pipe.acct')).toString();
            const position = { line: 0, character: 8 };
            const requests: Array<[string, object]> = [
                ['textDocument/references', { textDocument: { uri: pipe }, position, context: { includeDeclaration: true } }],
                ['textDocument/documentHighlight', { textDocument: { uri: pipe }, position }],
                ['textDocument/prepareRename', { textDocument: { uri: pipe }, position }],
                ['textDocument/rename', { textDocument: { uri: pipe }, position, newName: 'x' }],
                ['textDocument/references', { textDocument: { uri: pipe }, position, context: { includeDeclaration: false } }],
            ];
            const answers = await Promise.race([
                Promise.all(
                    requests.map(([method, params]) =>
                        client.connection.sendRequest(method, params).then(
                            () => 'answered',
                            () => 'refused',
                        ),
                    ),
                ),
                new Promise<string>(resolve => setTimeout(() => resolve('hung'), 60_000)),
            ]);
            expect(answers).toEqual(requests.map(() => expect.stringMatching(/answered|refused/)));
            // every I/O thread is free: a plan is still read and diagnosed
            const good = pathToFileURL(path.join(folder, 'normal.acct')).toString();
            await client.open(good, normal);
            const found = await client.diagnosticsFor(good, d => d.length > 0, 90_000);
            expect(found.map(d => d.code).sort()).toEqual(['rational-turn-risk', 'stale-tier-review']);
            // and `exit` is obeyed
            const exited = new Promise<boolean>(resolve => {
                client.server.once('exit', () => resolve(true));
                setTimeout(() => resolve(false), 30_000);
            });
            await client.connection.sendRequest('shutdown');
            await client.connection.sendNotification('exit');
            expect(await exited).toBe(true);
        } finally {
            if (client.server.exitCode === null && client.server.signalCode === null) await client.stop();
            else client.connection.dispose();
        }
    });
});
