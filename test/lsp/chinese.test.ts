/**
 * The language server speaks the editor's display language: VS Code sends it as the
 * `initialize` request's `locale`. With `zh-cn` the findings, hovers, completion details and
 * code lenses are Chinese in the method's own words; the codes stay English. Over the real LSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { examplesDir, tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';

const FILE = 'pearl-river-port.acct';

function positionOf(text: string, needle: string, after = 0): { line: number; character: number } {
    const offset = text.indexOf(needle) + after;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('the language server in Chinese (initialize locale zh-cn)', () => {
    let client: LspClient;
    let uri: string;
    let text: string;

    beforeAll(async () => {
        const folder = tempWorkspace({});
        cpSync(examplesDir, folder, { recursive: true });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' }, {}, { locale: 'zh-cn' });
        uri = pathToFileURL(path.join(folder, FILE)).toString();
        text = readFileSync(path.join(folder, FILE), 'utf8');
        await client.open(uri, text);
    });

    afterAll(async () => {
        await client?.stop();
    });

    it('publishes Chinese findings under their English codes', async () => {
        const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
        const byCode = new Map(diagnostics.map(d => [d.code, d.message]));
        // aimless-activity: the examples' policy turns it on (contract 1.2), and the lunch with Ho has no objective
        expect([...byCode.keys()].sort()).toEqual(['aimless-activity', 'no-power-map', 'rational-turn-risk', 'stale-tier-review', 'tier-mismatch']);
        expect(byCode.get('aimless-activity')).toBe('活动“holunch”已计划，但没有写目的：请写明这次见面要达到什么。');
        expect(byCode.get('tier-mismatch')).toBe(
            '客户“pearlport”当前定为商业客户（commercial），但行业地位中等（2/5）且合作价值大（4/5），' +
                '建议分级为核心客户（core）。请复审分级或评分：优质资源要向优质客户倾斜。',
        );
        expect(byCode.get('rational-turn-risk')).toBe(
            'Ho Mei-ling（ho）支持我们（3），但亲密度只有 -1：认可的是产品而不是我们，' + '竞品一出好条件就可能“理性转身”。请经营好私人关系。',
        );
        expect(byCode.get('no-power-map')).toContain('没有权力地图');
    });

    it('explains in Chinese on hover: a contact, a role, a support value', async () => {
        const hover = (needle: string, after = 0) =>
            client.connection.sendRequest('textDocument/hover', {
                textDocument: { uri },
                position: positionOf(text, needle, after),
            }) as Promise<Hover | null>;
        const value = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? '';
        expect(value(await hover('reports-to lam', 'reports-to '.length))).toBe(
            [
                '**Lam Chi-ho**（`lam`）— Managing Director',
                '角色：A · 批准者（approver）。支持度：1（支持不排他）。亲密度：0。',
                '最近一次联系：2026-09-30。',
            ].join('\n\n'),
        );
        expect(value(await hover('role decision-maker', 'role '.length))).toBe(
            '**decision-maker**（D）— 决策者：拥有最终决策权，但不一定是最后签字的人（如 CEO、CTO、CPO）。',
        );
        expect(value(await hover('support 3', 'support '.length))).toBe('**support 3**（教练级支持）— 教练级支持：主动指导我们推进项目。');
        expect(value(await hover('tier commercial'))).toContain(
            '当前定为 **商业客户（commercial）**，但建议分级为 **核心客户（core）**：行业地位中等（2/5）且合作价值大（4/5）。',
        );
    });

    it('completes a support value with its meaning in Chinese, and titles the code lenses in Chinese', async () => {
        const at = positionOf(text, 'support 1', 'support '.length);
        const completion = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at })) as
            CompletionList | CompletionItem[];
        const items = Array.isArray(completion) ? completion : completion.items;
        expect(items.find(i => i.label === '2')).toMatchObject({ detail: '支持并排他', documentation: '支持我们，并排斥其他厂商。' });
        expect(items.find(i => i.label === '?')?.detail).toBe('未知');
        const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
        expect(lenses.map(l => l.command?.title)).toContain('权力地图 · 6 个联系人，4 个关键人');
        expect(lenses.map(l => l.command?.title)).toContain('权力地图 · 尚无决策链');
    });

    // the same server: navigation features
    describe('the navigation features in Chinese', () => {
        it('titles the quick fixes and labels the inlay hints in Chinese', async () => {
            const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
            const mismatch = diagnostics.find(d => d.code === 'tier-mismatch')!;
            const actions = (await client.connection.sendRequest('textDocument/codeAction', {
                textDocument: { uri },
                range: mismatch.range,
                context: { diagnostics: [mismatch] },
            })) as Array<{ title: string }>;
            expect(actions.map(a => a.title)).toEqual(['把分级改为核心客户（core）', '豁免这个问题…']);
            const lam = positionOf(text, 'last-contact 2026-09-30');
            const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
                textDocument: { uri },
                range: { start: { line: lam.line, character: 0 }, end: { line: lam.line + 1, character: 0 } },
            })) as Array<{ label: string; tooltip: string }>;
            expect(hints.map(h => h.label)).toEqual(['53 天前']);
            expect(hints[0]!.tooltip).toBe('从 2026-11-22 算起：检查所用的“今天”（设置 acct.today，否则为 ACCT_TODAY，否则为实际日期）。');
        });
    });
});

describe('the language server without a Chinese locale', () => {
    it('speaks English, the default, for any other display language', async () => {
        const folder = tempWorkspace({});
        cpSync(examplesDir, folder, { recursive: true });
        const client = await startServer(folder, { ACCT_TODAY: '2026-11-22' }, {}, { locale: 'de' });
        try {
            const uri = pathToFileURL(path.join(folder, FILE)).toString();
            await client.open(uri, readFileSync(path.join(folder, FILE), 'utf8'));
            const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
            expect(diagnostics.find(d => d.code === 'tier-mismatch')?.message).toMatch(/^Customer 'pearlport' is declared commercial, but moderate standing/);
        } finally {
            await client.stop();
        }
    });
});
