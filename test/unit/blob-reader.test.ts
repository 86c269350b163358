/**
 * One `git cat-file --batch` process for a whole history run (blob-reader.ts, issue 20 item 4):
 * every batch of blobs read through it, a missing object failing its own read only, a read after
 * `close` starting another process, and an idle reader not holding Node's event loop.
 */
import { describe, expect, it, vi } from 'vitest';
import * as childProcess from 'node:child_process';
import { BlobReader } from '../../server/src/node/blob-reader.js';
import { GitError, workTree } from '../../server/src/node/git.js';
import { readPlanHistory } from '../../server/src/node/plan-history.js';
import { scriptedRepo } from '../support/git-repo.js';

vi.mock('node:child_process', async original => {
    const actual = await original<typeof import('node:child_process')>();
    return { ...actual, spawn: vi.fn(actual.spawn) };
});

/** How many `git cat-file` processes were started since the last clear. */
const catFiles = () => vi.mocked(childProcess.spawn).mock.calls.filter(([, args]) => (args as string[] | undefined)?.includes('cat-file')).length;

/** Writes `text` as a blob of the repository; returns its id. */
const blob = (repo: ReturnType<typeof scriptedRepo>, text: string) =>
    childProcess.execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: text, encoding: 'utf8' }).trim();

describe('reading blobs through one git process', () => {
    it('reads batch after batch through one process, each blob as written (a blob holding blank lines and no final newline too)', async () => {
        const repo = scriptedRepo();
        const texts = ['one\n', 'two\n\n\nthree', '', 'x'.repeat(200_000)];
        const ids = texts.map(text => blob(repo, text));
        const reader = new BlobReader(await workTree(repo.dir));
        vi.mocked(childProcess.spawn).mockClear();
        const first = await reader.read([ids[0]!, ids[1]!, ids[0]!]);
        const second = await reader.read([ids[2]!, ids[3]!]);
        // two reads asked at once are answered in order, each with its own blobs
        const [third, fourth] = await Promise.all([reader.read([ids[1]!]), reader.read([ids[3]!, ids[0]!])]);
        reader.close();
        expect(catFiles()).toBe(1);
        expect([...first.keys()]).toEqual([ids[0], ids[1]]);
        expect(first.get(ids[1]!)!.toString('utf8')).toBe(texts[1]);
        expect(second.get(ids[2]!)!.length).toBe(0);
        expect(second.get(ids[3]!)!.toString('utf8')).toBe(texts[3]);
        expect([...third.keys()]).toEqual([ids[1]]);
        expect(fourth.get(ids[0]!)!.toString('utf8')).toBe(texts[0]);
    });

    it('fails only the read that asked for a missing object; the process reads on, and a read after close starts another', async () => {
        const repo = scriptedRepo();
        const id = blob(repo, 'kept\n');
        const reader = new BlobReader(await workTree(repo.dir));
        vi.mocked(childProcess.spawn).mockClear();
        const missing = '0123456789abcdef0123456789abcdef01234567';
        await expect(reader.read([id, missing])).rejects.toThrow(GitError);
        await expect(reader.read([missing])).rejects.toThrow(missing);
        expect((await reader.read([id])).get(id)!.toString('utf8')).toBe('kept\n');
        expect(catFiles()).toBe(1);
        reader.close();
        expect((await reader.read([id])).get(id)!.toString('utf8')).toBe('kept\n');
        expect(catFiles()).toBe(2);
        reader.close();
    });

    it('an idle reader does not keep the event loop alive; a pending read does', async () => {
        const repo = scriptedRepo();
        const id = blob(repo, 'kept\n');
        const reader = new BlobReader(await workTree(repo.dir));
        const active = () => process.getActiveResourcesInfo().filter(kind => kind === 'ProcessWrap' || kind === 'PipeWrap').length;
        // the earlier tests' git processes end on their own time: count from when none is left ending
        let before = active();
        for (let still = 0; still < 4; await new Promise(resolve => setTimeout(resolve, 50))) {
            const now = active();
            still = now === before ? still + 1 : 0;
            before = now;
        }
        const reading = reader.read([id]);
        expect(active()).toBeGreaterThan(before);
        await reading;
        expect(active()).toBe(before);
        reader.close();
    });

    it('a whole history reads its blobs in batches through one git process', async () => {
        const repo = scriptedRepo();
        // 75 commits × 2 new contents: more than two batches of 64 (history-engine.ts)
        for (let i = 0; i < 75; i++)
            repo.commit(`2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`, `step ${i}`, {
                'a.acct': `customer c${i} "C ${i}"\n`,
                'team.acct': `member bob "Bob ${i}"\n`,
            });
        vi.mocked(childProcess.spawn).mockClear();
        const history = await readPlanHistory([], { cwd: repo.dir });
        let commits = 0;
        for await (const _ of history.commits) commits++;
        expect(commits).toBe(75);
        expect(history.stats.blobs).toBe(150);
        expect(catFiles()).toBe(1);
    });
});
