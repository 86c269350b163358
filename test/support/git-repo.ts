/** A scripted git repository for history tests: fixed authors and dates, commits from file maps. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempWorkspace } from './run-cli.js';

export interface ScriptedRepo {
    dir: string;
    git(...args: string[]): string;
    /** Writes (string or bytes) or deletes (null) files, then commits everything with a fixed author and date. */
    commit(date: string, message: string, files?: Record<string, string | Buffer | null>, author?: string): string;
}

export function scriptedRepo(): ScriptedRepo {
    const dir = tempWorkspace({});
    const run = (args: string[], env: Record<string, string> = {}) =>
        execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
    run(['init', '-q', '-b', 'main']);
    run(['config', 'user.email', 'team@example.com']);
    run(['config', 'user.name', 'Test']);
    run(['config', 'commit.gpgsign', 'false']);
    return {
        dir,
        git: (...args) => run(args),
        commit(date, message, files = {}, author = 'Alice Chen') {
            for (const [name, content] of Object.entries(files)) {
                const full = path.join(dir, name);
                if (content === null) {
                    rmSync(full, { force: true });
                    continue;
                }
                mkdirSync(path.dirname(full), { recursive: true });
                writeFileSync(full, content);
            }
            run(['add', '-A']);
            const stamp = date.includes('T') ? date : `${date}T10:00:00+08:00`;
            run(['commit', '-q', '--allow-empty', '-m', message], {
                GIT_AUTHOR_NAME: author,
                GIT_AUTHOR_EMAIL: 'a@example.com',
                GIT_AUTHOR_DATE: stamp,
                GIT_COMMITTER_NAME: author,
                GIT_COMMITTER_EMAIL: 'a@example.com',
                GIT_COMMITTER_DATE: stamp,
            });
            return run(['rev-parse', 'HEAD']).trim();
        },
    };
}
