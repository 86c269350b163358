/**
 * `acct check --watch`: checks once, then again after every change to the `.acct` files under
 * the paths (chokidar, debounced), printing only what changed in the findings since the last
 * check: `+ ` new, `- ` resolved, then a summary. A file that cannot be read gets one line and
 * the watch goes on with the last findings; Ctrl-C (SIGINT) or SIGTERM closes the watcher and
 * leaves with status 0.
 */
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { DiagnosticJson } from '../contract/plan-types.js';
import { findingLine } from '../contract/findings.js';
import { InputError } from '../node/workspace-loader.js';
import { ENGLISH_TEXTS, message, type Texts } from '../method/index.js';
import { load } from './common.js';
import { formatText, summaryLine } from './format.js';
import { problemText } from './language.js';
import { visible } from './output.js';

export interface WatchOptions {
    today?: string;
    maxWarnings?: number;
    /** Quiet time after the last change before checking again (ms). */
    debounceMs?: number;
    /** The language it speaks (default English). */
    texts?: Texts;
}

interface Checked {
    diagnostics: DiagnosticJson[];
    files: number;
}

/** What changed between two checks: findings matched by file, code and message (a moved line is no change). */
export function findingsDelta(before: readonly DiagnosticJson[], after: readonly DiagnosticJson[]): { added: DiagnosticJson[]; resolved: DiagnosticJson[] } {
    const key = (d: DiagnosticJson) => `${d.file}\0${d.code}\0${d.message}`;
    const unmatched = (from: readonly DiagnosticJson[], against: readonly DiagnosticJson[]) => {
        const counts = new Map<string, number>();
        for (const d of against) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
        return from.filter(d => {
            const left = counts.get(key(d)) ?? 0;
            counts.set(key(d), left - 1);
            return left <= 0;
        });
    };
    return { added: unmatched(after, before), resolved: unmatched(before, after) };
}

export async function watchCheck(paths: string[], options: WatchOptions): Promise<number> {
    const given = paths.length ? paths : ['.'];
    for (const p of given) {
        // A path that does not exist is bad usage, as for check; everything later is only reported.
        if (!(await stat(p).catch(() => undefined))) throw new InputError(message('input.missing', { path: p }));
    }
    const session = new WatchSession(paths, options);
    await session.checkAndReport();
    return session.watch(given);
}

class WatchSession {
    private last: Checked | undefined;
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<void> | undefined;
    private again = false;
    private stopped = false;

    private readonly texts: Texts;

    constructor(
        private readonly paths: string[],
        private readonly options: WatchOptions,
    ) {
        this.texts = options.texts ?? ENGLISH_TEXTS;
    }

    /** Checks the workspace; prints everything the first time, then the delta. */
    async checkAndReport(): Promise<void> {
        let now: Checked;
        try {
            const workspace = await load(this.paths, this.options.today, this.texts);
            now = { diagnostics: workspace.diagnostics(), files: workspace.documents.length };
        } catch (error) {
            if (this.stopped) return;
            const said = problemText(error, this.texts) ?? (error instanceof Error ? error.message : String(error));
            process.stderr.write(visible(`acct: ${this.texts.t('cli.watch.failed', { message: said })}\n`));
            return;
        }
        if (this.stopped) return;
        if (!this.last) {
            const text = formatText(now.diagnostics);
            process.stdout.write(visible(`${text ? text + '\n' : ''}${this.summary(now)}\n`));
        } else {
            const { added, resolved } = findingsDelta(this.last.diagnostics, now.diagnostics);
            const lines = [...added.map(d => `+ ${findingLine(d)}`), ...resolved.map(d => `- ${findingLine(d)}`)];
            const change =
                added.length || resolved.length
                    ? this.texts.t('cli.watch.delta', { added: added.length, resolved: resolved.length })
                    : this.texts.t('cli.watch.noChange');
            process.stdout.write(visible([...lines, `[${clock()}] ${change}; ${this.summary(now)}`].join('\n') + '\n'));
        }
        this.last = now;
    }

    /** Watches until SIGINT or SIGTERM; resolves with the exit status (0). */
    watch(given: string[]): Promise<number> {
        const watcher: FSWatcher = watch(given, {
            ignoreInitial: true,
            ignored: (file: string) => /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(file),
        });
        watcher.on('all', (event, file) => {
            if (file.toLowerCase().endsWith('.acct') || event === 'addDir' || event === 'unlinkDir') this.schedule();
        });
        watcher.on('error', error => process.stderr.write(`acct: ${this.texts.t('cli.watch.error', { detail: String((error as Error).message ?? error) })}\n`));
        return new Promise(resolve => {
            const stop = () => {
                this.stopped = true;
                if (this.timer) clearTimeout(this.timer);
                process.off('SIGINT', stop);
                process.off('SIGTERM', stop);
                void watcher.close().then(() => {
                    process.stderr.write(`acct: ${this.texts.t('cli.watch.stopped')}\n`);
                    resolve(0);
                });
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
            watcher.on('ready', () => {
                const where = given.map(p => path.normalize(p)).join(', ');
                process.stderr.write(`acct: ${this.texts.t('cli.watch.started', { paths: where })}\n`);
            });
        });
    }

    private schedule(): void {
        if (this.stopped) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => this.run(), this.options.debounceMs ?? 150);
    }

    /** One check at a time: a change during a check means one more check after it. */
    private run(): void {
        if (this.running) {
            this.again = true;
            return;
        }
        this.running = this.checkAndReport().finally(() => {
            this.running = undefined;
            if (this.again && !this.stopped) {
                this.again = false;
                this.run();
            }
        });
    }

    private summary(checked: Checked): string {
        const warnings = checked.diagnostics.filter(d => d.severity === 'warning').length;
        const over =
            this.options.maxWarnings !== undefined && warnings > this.options.maxWarnings
                ? this.texts.t('cli.watch.overMax', { max: this.options.maxWarnings })
                : '';
        return summaryLine(checked.diagnostics, checked.files, this.texts) + over;
    }
}

function clock(): string {
    return new Date().toTimeString().slice(0, 8);
}
