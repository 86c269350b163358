/**
 * The one way acct runs git, for the CLI (`acct diff`, `acct history`) and the extension (Show
 * Changes Since…). Plan folders come from anyone — a cloned repository, a pull request — and a
 * repository's own configuration can make git run a program of its choosing: the fsmonitor hook,
 * an external diff or textconv program, the clean/smudge/process filters named by its
 * attributes, a pager, a signature check, hooks. Every call turns these off on the command line
 * (`-c`, which wins over any configuration file), reads pathspecs literally (no `:(glob)` magic),
 * and runs without a terminal prompt and without optional index writes. Node only.
 */
import { execFile } from 'node:child_process';

/** Settings that make git run a command of the repository's choosing, turned off for every call. */
const SAFE_SETTINGS = [
    'core.fsmonitor=false',
    'core.hooksPath=/dev/null',
    'core.pager=cat',
    'core.askPass=',
    'core.sshCommand=',
    'diff.external=',
    'log.showSignature=false',
    'gpg.program=',
    'credential.helper=',
    'protocol.allow=never',
];

/** The environment git runs in: no terminal prompt, no pager, no optional index writes, pathspecs literal. */
export function gitEnvironment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_PAGER: 'cat',
        PAGER: 'cat',
        GIT_OPTIONAL_LOCKS: '0',
        GIT_LITERAL_PATHSPECS: '1',
    };
    for (const name of [
        'GIT_EXTERNAL_DIFF',
        'GIT_DIFF_OPTS',
        'GIT_SSH',
        'GIT_SSH_COMMAND',
        'GIT_ASKPASS',
        'GIT_EDITOR',
        'GIT_SEQUENCE_EDITOR',
        'GIT_GLOB_PATHSPECS',
        'GIT_ICASE_PATHSPECS',
        'GIT_NOGLOB_PATHSPECS',
    ])
        delete env[name];
    return env;
}

/** Filter and diff drivers the repository configures (read afresh each time, unless `readDriversOncePerProcess`): their commands are turned off by name. */
function driversOf(cwd: string): Promise<string[]> {
    return new Promise<string[]>(resolve => {
        execFile(
            'git',
            ['-c', 'core.fsmonitor=false', 'config', '--null', '--get-regexp', '^(filter|diff)\\.'],
            { cwd, env: gitEnvironment(), encoding: 'utf8' },
            (error, stdout) => {
                const off = new Set<string>();
                for (const entry of error ? [] : stdout.split('\0')) {
                    const key = entry.split('\n', 1)[0]!;
                    const driver = /^(filter|diff)\.(.+)\.[^.]+$/.exec(key);
                    if (!driver) continue;
                    const keys = driver[1] === 'filter' ? ['clean', 'smudge', 'process'] : ['command', 'textconv'];
                    for (const k of keys) off.add(`${driver[1]}.${driver[2]}.${k}=`);
                    if (driver[1] === 'filter') off.add(`filter.${driver[2]}.required=false`);
                }
                resolve([...off]);
            },
        );
    });
}

/** The drivers read for each folder, for the rest of the process (`readDriversOncePerProcess`); undefined: read before every command. */
let driversRead: Map<string, Promise<string[]>> | undefined;

/**
 * For a process that runs a few git commands and exits (the command line: `acct diff` runs seven,
 * each read of the drivers is a git process of its own): the repository's filter and diff drivers
 * are read once per folder, at its first git command, and turned off in every command after it.
 * The extension, which runs for hours, reads them afresh before each command.
 */
export function readDriversOncePerProcess(): void {
    driversRead ??= new Map();
}

function driversFor(cwd: string): Promise<string[]> {
    if (!driversRead) return driversOf(cwd);
    let read = driversRead.get(cwd);
    if (!read) driversRead.set(cwd, (read = driversOf(cwd)));
    return read;
}

/** The arguments of a git command with every command-running setting off. */
export async function safeGitArgs(cwd: string, args: readonly string[]): Promise<string[]> {
    const settings = SAFE_SETTINGS.concat(await driversFor(cwd));
    const options: string[] = [];
    for (const setting of settings) options.push('-c', setting);
    return options.concat('--no-pager', '--literal-pathspecs', args);
}

/**
 * Runs `git args` in `cwd` with the repository's command-running settings off (see the top of
 * this file) and answers its standard output. A missing git rejects with the error of code
 * `ENOENT`; a failing one with an Error whose message is git's (with `stderr`).
 */
export async function runGit(cwd: string, args: readonly string[]): Promise<string> {
    const all = await safeGitArgs(cwd, args);
    return new Promise((resolve, reject) => {
        execFile('git', all, { cwd, maxBuffer: 1 << 30, encoding: 'utf8', env: gitEnvironment() }, (error, stdout, stderr) => {
            if (!error) return resolve(stdout);
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(error);
            reject(Object.assign(new Error(stderr.trim() || error.message), { stderr }));
        });
    });
}
