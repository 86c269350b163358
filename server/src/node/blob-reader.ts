/**
 * One `git cat-file --batch` process for a whole history run (issue 20 item 4). The run asks for
 * its blobs in batches as the reading comes to them (history-engine.ts): a process per batch
 * paid git's start-up each time (17 processes on the benchmark's 500-commit history, 0.7–1.5 %
 * of the run's CPU). The process is started at the first read and ended by `close` — which the
 * history calls once it has read its last blob, when it ends, and when it fails. While no read
 * is pending its pipes do not keep Node's event loop alive, so a reader never closed (a history
 * never iterated) does not hold the process open.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { message } from '../method/index.js';
import { GitError, type GitWorkTree } from './git.js';
import { SAFE } from './git-history.js';

/** One call of `read`: the blobs it asked for, how many are still to come. */
interface Request {
    blobs: Map<string, Buffer>;
    left: number;
    failed?: Error;
    resolve: (blobs: Map<string, Buffer>) => void;
    reject: (error: Error) => void;
}

export class BlobReader {
    private child: ChildProcessWithoutNullStreams | undefined;
    /** The ids written to git and not read back yet, in order, with the read they belong to (from `head` on). */
    private queue: Array<{ id: string; request: Request }> = [];
    private head = 0;
    /** The bytes of git's output not parsed yet. */
    private pending: Buffer = Buffer.alloc(0);
    /** Chunks received after `pending`, joined only once `needed` bytes are there: a large blob costs one copy, not one per chunk. */
    private arriving: Buffer[] = [];
    private arrived = 0;
    /** The bytes the parse needs before it can go on (a whole header line, or a whole blob). */
    private needed = 1;

    constructor(private readonly tree: GitWorkTree) {}

    /** The contents of the blobs `ids` (each asked once), as bytes: the caller decides what is text. */
    read(ids: readonly string[]): Promise<Map<string, Buffer>> {
        const unique = [...new Set(ids)];
        if (unique.length === 0) return Promise.resolve(new Map());
        return new Promise((resolve, reject) => {
            const request: Request = { blobs: new Map(), left: unique.length, resolve, reject };
            const child = this.started();
            for (const id of unique) this.queue.push({ id, request });
            this.hold(child, true);
            child.stdin.write(unique.join('\n') + '\n');
        });
    }

    /** Ends the process (git ends at the end of its input); a later read starts another. */
    close(): void {
        const child = this.child;
        this.child = undefined;
        child?.stdin.end();
    }

    private started(): ChildProcessWithoutNullStreams {
        if (this.child) return this.child;
        const child = spawn('git', [...SAFE, 'cat-file', '--batch'], {
            cwd: this.tree.root,
            stdio: ['pipe', 'pipe', 'pipe'],
            env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
        });
        this.child = child;
        this.pending = Buffer.alloc(0);
        this.arriving = [];
        this.arrived = 0;
        this.needed = 1;
        child.stdout.on('data', (chunk: Buffer) => {
            if (this.child === child) this.received(chunk);
        });
        child.stderr.resume();
        child.on('error', error => this.fail(child, (error as NodeJS.ErrnoException).code === 'ENOENT' ? new GitError(message('git.missing')) : error));
        child.on('close', code => this.fail(child, new GitError(message('git.catFileFailed', { code: String(code) }))));
        child.stdin.on('error', () => {
            /* the close handler reports */
        });
        return child;
    }

    /** Parses git's output as it streams: a header line, the content, a newline. */
    private received(chunk: Buffer): void {
        this.arriving.push(chunk);
        this.arrived += chunk.length;
        if (this.pending.length + this.arrived < this.needed) return;
        this.pending = Buffer.concat([this.pending, ...this.arriving]);
        this.arriving = [];
        this.arrived = 0;
        for (;;) {
            const newline = this.pending.indexOf(0x0a);
            if (newline < 0) {
                this.needed = this.pending.length + 1;
                return;
            }
            const asked = this.queue[this.head];
            const header = this.pending.subarray(0, newline).toString('utf8');
            const match = / (blob|tree|commit|tag) (\d+)$/.exec(header);
            if (!match) {
                this.pending = this.pending.subarray(newline + 1);
                if (asked) asked.request.failed ??= new GitError(message('git.cannotRead', { object: asked.id, header }));
                this.answered();
                continue;
            }
            const size = Number(match[2]);
            if (this.pending.length < newline + 1 + size + 1) {
                this.needed = newline + 1 + size + 1;
                return;
            }
            asked?.request.blobs.set(asked.id, Buffer.from(this.pending.subarray(newline + 1, newline + 1 + size)));
            this.pending = this.pending.subarray(newline + 1 + size + 1);
            this.answered();
        }
    }

    /** The id at the head of the queue was answered: its read ends when it was the last of it. */
    private answered(): void {
        const asked = this.queue[this.head++];
        if (this.head === this.queue.length) {
            this.queue = [];
            this.head = 0;
            if (this.child) this.hold(this.child, false);
        }
        if (!asked || --asked.request.left > 0) return;
        const { request } = asked;
        if (request.failed) request.reject(request.failed);
        else request.resolve(request.blobs);
    }

    /** The process `child` failed or ended: every read still waiting on it fails (none does after `close`, which lets it go). */
    private fail(child: ChildProcessWithoutNullStreams, error: Error): void {
        if (this.child !== child) return;
        this.child = undefined;
        const waiting = new Set(this.queue.slice(this.head).map(asked => asked.request));
        this.queue = [];
        this.head = 0;
        for (const request of waiting) request.reject(request.failed ?? error);
    }

    /** While a read is pending the process and its pipes keep the event loop alive; idle, they do not. */
    private hold(child: ChildProcessWithoutNullStreams, pending: boolean): void {
        for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref?: () => void; unref?: () => void }>) {
            if (pending) handle.ref?.();
            else handle.unref?.();
        }
    }
}
