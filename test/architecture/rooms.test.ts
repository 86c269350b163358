/**
 * The rooms of docs/architecture.md are enforced: dependency-cruiser with the project's rules
 * (.dependency-cruiser.cjs) finds no violation in the source, and does find each kind of
 * violation planted in a scratch copy of the layout.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
    rule: { name: string };
    from: string;
    to: string;
}

function cruise(cwd: string, folders: string[]): Violation[] {
    const result = spawnSync(process.execPath, [depcruise, ...folders, '--config', config, '--output-type', 'json'], { cwd, encoding: 'utf8' });
    if (!result.stdout) throw new Error(`depcruise printed nothing: ${result.stderr}`);
    return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A scratch tree with the project's folder layout and the given files. */
function scratch(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-rooms-'));
    fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
            compilerOptions: {
                baseUrl: '.',
                paths: {
                    '@acct/method': ['./server/src/method/index.ts'],
                    '@acct/contract': ['./server/src/contract/index.ts'],
                    '@acct/contract/protocol': ['./server/src/contract/protocol.ts'],
                },
            },
        }),
    );
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

describe('import boundaries', () => {
    it('the source keeps to its rooms', () => {
        const violations = cruise(root, ['server/src', 'client/src', 'client/webview/src']);
        expect(violations.map(v => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    });

    it('fails on a planted violation of each kind', () => {
        const dir = scratch({
            'server/src/method/index.ts': 'export const x = 1;\n',
            'server/src/method/impure.ts': "import { check } from '../language/checks.js';\nexport const y = check;\n",
            'server/src/contract/index.ts': "import { x } from '@acct/method';\nexport const c = x;\n",
            'server/src/contract/protocol.ts': 'export const p = 1;\n',
            'server/src/lsp/hover.ts': 'export const hover = 1;\n',
            'server/src/language/checks.ts': "import { hover } from '../lsp/hover.js';\nexport const check = hover;\n",
            'server/src/language/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
            'server/src/language/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
            'client/webview/src/main.ts':
                "import { check } from '../../../server/src/language/checks.js';\nimport { p } from '@acct/contract/protocol';\nimport { c } from '@acct/contract';\nexport const m = [check, p, c];\n",
        });
        try {
            const found = cruise(dir, ['server/src', 'client/webview/src']).map(v => `${v.rule.name}: ${v.from}`);
            expect(found).toEqual(
                expect.arrayContaining([
                    'method-is-pure: server/src/method/impure.ts',
                    'language-below-plan-and-lsp: server/src/language/checks.ts',
                    'no-cycle: server/src/language/a.ts',
                    'webview-sees-the-contract-only: client/webview/src/main.ts',
                    'webview-not-the-protocol: client/webview/src/main.ts',
                ]),
            );
            // importing the contract's index from the webview is allowed
            expect(found.filter(f => f.startsWith('contract'))).toEqual([]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('inside the language room: fails on a planted violation of each of its rules', () => {
        const L = 'server/src/language/';
        const dir = scratch({
            [`${L}parser/acct-parser.ts`]: 'export const parser = 1;\n',
            [`${L}parser/grammar-expectations.ts`]: 'export const starts = 1;\n',
            [`${L}incremental/tree-splice.ts`]: 'export const splice = 1;\n',
            [`${L}acct-language-module.ts`]: 'export const module = 1;\n',
            [`${L}validation/checks/contact-checks.ts`]:
                "import { parser } from '../../parser/acct-parser.js';\nimport { starts } from '../../parser/grammar-expectations.js';\nexport const c = [parser, starts];\n",
            [`${L}references/acct-linker.ts`]: "import { splice } from '../incremental/tree-splice.js';\nexport const l = splice;\n",
            [`${L}text/text-scan.ts`]: "import { starts } from '../parser/grammar-expectations.js';\nexport const t = starts;\n",
            [`${L}ast/subject.ts`]: "import { module } from '../acct-language-module.js';\nexport const s = module;\n",
            [`${L}editing/plan-layout.ts`]: "import { c } from '../validation/checks/contact-checks.js';\nexport const e = c;\n",
            [`${L}workspace/workspace-facts.ts`]: "import { l } from '../references/acct-linker.js';\nexport const w = l;\n",
        });
        try {
            const found = cruise(dir, ['server/src']).map(v => `${v.rule.name}: ${v.from} → ${v.to}`);
            expect(found.sort()).toEqual([
                `language-ast-helpers-below-the-services: ${L}ast/subject.ts → ${L}acct-language-module.ts`,
                `language-checks-not-parser-patches: ${L}references/acct-linker.ts → ${L}incremental/tree-splice.ts`,
                `language-checks-not-parser-patches: ${L}validation/checks/contact-checks.ts → ${L}parser/acct-parser.ts`,
                `language-editing-reads-text-and-ast: ${L}editing/plan-layout.ts → ${L}validation/checks/contact-checks.ts`,
                `language-text-helpers-stand-alone: ${L}text/text-scan.ts → ${L}parser/grammar-expectations.ts`,
                `language-workspace-below-validation: ${L}workspace/workspace-facts.ts → ${L}references/acct-linker.ts`,
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
