/**
 * The VS Code versions the extension suite runs on (.ci/code-server-versions.json, issue 18 point 1):
 * the "floor" is the oldest VS Code the extension's `engines.vscode` claims, so that raising or
 * lowering the claim without testing the new floor fails here; the "newest" is newer than it and
 * brings its own Node, which .ci/setup-node.sh installs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface CodeServerEntry {
    codeServer: string;
    vscode: string;
    node: string;
    ripgrepCache: string;
}
const versions = JSON.parse(read('.ci/code-server-versions.json')) as Record<string, CodeServerEntry>;
const engines = (JSON.parse(read('package.json')) as { engines: { vscode: string } }).engines.vscode;
const minor = (version: string) => version.split('.').slice(0, 2).map(Number);

describe('the code-server versions the extension suite runs on', () => {
    it('the floor serves the oldest VS Code the engines field claims', () => {
        const claim = /^\^(\d+)\.(\d+)\.0$/.exec(engines);
        expect(claim, `engines.vscode is ${engines}`).not.toBeNull();
        expect(minor(versions.floor.vscode)).toEqual([Number(claim![1]), Number(claim![2])]);
    });

    it('the newest serves a newer VS Code of the same major, with a Node that setup-node.sh installs', () => {
        const [fMajor, fMinor] = minor(versions.floor.vscode);
        const [nMajor, nMinor] = minor(versions.newest.vscode);
        expect(nMajor).toBe(fMajor);
        expect(nMinor).toBeGreaterThan(fMinor);
        // setup-node.sh installs ACCT_NODE_MAJORS, "22 24" by default
        const defaults = /ACCT_NODE_MAJORS:-([\d ]+)\}/.exec(read('.ci/setup-node.sh'))?.[1].split(' ') ?? [];
        expect(defaults).toContain(versions.newest.node);
    });

    it('each code-server version is a plain x.y.z, as npm install code-server@x.y.z needs', () => {
        for (const entry of Object.values(versions)) expect(entry.codeServer).toMatch(/^\d+\.\d+\.\d+$/);
    });
});
