#!/usr/bin/env node
// The editor tests install dist/acct.vsix: they must test the sources of this checkout, not a
// package built before the last change. `npm run package` stamps the package with a hash of the
// sources it was built from (dist/acct.vsix.sources.json, beside the package's own hash);
// ensureFreshVsix() hashes the sources again and packages again when the stamp differs, is
// missing, or names another package. Hashing the sources takes well under a second, so CI, which
// packages once in .ci/setup.sh, does not package twice.
//
//   node test/vscode/fresh-vsix.mjs           # package again if stale; prints which
//   node test/vscode/fresh-vsix.mjs --check   # exit 1 when stale, without building
//   node test/vscode/fresh-vsix.mjs --stamp   # after `vsce package`: stamp dist/acct.vsix
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_VSIX = path.join(REPO_ROOT, 'dist', 'acct.vsix');

/** What the package is built from: the bundles' sources, the manifest, the lockfile and every file .vscodeignore lets in. */
export const SOURCES = [
    'server/src',
    'client',
    'syntaxes',
    'l10n',
    'schema',
    'images/icon.png',
    'package.json',
    'package-lock.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'language-configuration.json',
    'langium-config.json',
    'esbuild.mjs',
    'tsconfig.json',
    '.vscodeignore',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
];
/** Folders that are not sources: installed packages, and the parser Langium generates from the grammar (which is hashed). */
const NOT_SOURCES = new Set(['node_modules', 'generated']);

function filesUnder(relative, into) {
    const full = path.join(REPO_ROOT, relative);
    if (!fs.existsSync(full)) return into;
    if (fs.statSync(full).isDirectory()) {
        for (const entry of fs.readdirSync(full).sort()) {
            if (!NOT_SOURCES.has(entry)) filesUnder(path.posix.join(relative, entry), into);
        }
    } else {
        into.push(relative);
    }
    return into;
}

/** One hash of every source file's path and content. */
export function sourcesHash() {
    const hash = createHash('sha256');
    for (const file of SOURCES.flatMap(s => filesUnder(s, []))) {
        hash.update(file)
            .update('\0')
            .update(fs.readFileSync(path.join(REPO_ROOT, file)))
            .update('\0');
    }
    return hash.digest('hex');
}

const fileHash = file => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const stampOf = vsix => `${vsix}.sources.json`;

/** Writes the stamp of `vsix`: built from the sources as they are now. */
export function stampVsix(vsix = DEFAULT_VSIX, sources = sourcesHash()) {
    fs.writeFileSync(stampOf(vsix), JSON.stringify({ sources, vsix: fileHash(vsix) }, null, 2) + '\n');
}

/** Why `vsix` is not a package of the sources now; undefined when it is. */
export function staleness(vsix = DEFAULT_VSIX, sources = sourcesHash()) {
    if (!fs.existsSync(vsix)) return `there is no ${path.relative(REPO_ROOT, vsix)}`;
    if (!fs.existsSync(stampOf(vsix))) return `${path.relative(REPO_ROOT, vsix)} has no stamp of the sources it was built from`;
    let stamp;
    try {
        stamp = JSON.parse(fs.readFileSync(stampOf(vsix), 'utf8'));
    } catch {
        return `the stamp ${path.relative(REPO_ROOT, stampOf(vsix))} does not read`;
    }
    if (stamp.vsix !== fileHash(vsix)) return `${path.relative(REPO_ROOT, vsix)} is not the package its stamp was written for`;
    if (stamp.sources !== sources) return `the sources changed since ${path.relative(REPO_ROOT, vsix)} was built`;
    return undefined;
}

/**
 * Makes dist/acct.vsix a package of the sources now: `npm run package` when it is stale.
 * Returns what it did, in one line; throws when packaging fails.
 */
export function ensureFreshVsix({ log = line => console.log(`[fresh-vsix] ${line}`) } = {}) {
    const sources = sourcesHash();
    const stale = staleness(DEFAULT_VSIX, sources);
    if (!stale) {
        log(`dist/acct.vsix is built from the sources now (${sources.slice(0, 12)})`);
        return 'fresh';
    }
    log(`${stale}: npm run package`);
    const r = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status ?? r.signal})`);
    // the stamp names the sources hashed before the build: an edit during it leaves the package stale
    stampVsix(DEFAULT_VSIX, sources);
    log(`dist/acct.vsix packaged from the sources now (${sources.slice(0, 12)})`);
    return 'packaged';
}

/**
 * The package a runner installs: dist/acct.vsix made fresh (ensureFreshVsix) when none is given
 * (`--vsix`, ACCT_VSIX); a given one as it is — the caller vouches for it (the broken-server
 * guard passes a package it broke on purpose).
 */
export function packageUnderTest(given, log = line => console.log(`[fresh-vsix] ${line}`)) {
    if (given === undefined || path.resolve(given) === DEFAULT_VSIX) {
        ensureFreshVsix({ log });
        return DEFAULT_VSIX;
    }
    const vsix = path.resolve(given);
    if (!fs.existsSync(vsix)) throw new Error(`no .vsix at ${vsix}`);
    log(`testing ${vsix} as given (not checked against the sources)`);
    return vsix;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const arg = process.argv[2];
    try {
        if (arg === '--stamp') {
            stampVsix();
        } else if (arg === '--check') {
            const stale = staleness();
            console.log(stale ?? 'dist/acct.vsix is built from the sources now');
            process.exitCode = stale ? 1 : 0;
        } else {
            ensureFreshVsix();
        }
    } catch (error) {
        console.error(`[fresh-vsix] ${error instanceof Error ? error.message : error}`);
        process.exitCode = 1;
    }
}
