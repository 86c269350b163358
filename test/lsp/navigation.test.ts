/**
 * Navigation over the real LSP (the built server, as an editor drives it): workspace symbols by id
 * and display name with their customer, semantic tokens that tell contacts from members and
 * competitors (and declarations from references), inlay hints with what a decision-chain entry
 * takes from its contact and the days since a last contact, counted from today as the checks do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InlayHint, SemanticTokens, SemanticTokensLegend, SymbolInformation } from 'vscode-languageserver-protocol';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { contractFiles } from '../unit/helpers.js';

const east = `customer east "East Grid" {
    owner bob
    contact 陈王 "陈王" { role evaluator }
    contact fang "Fang Wang" { support 1 }
    opportunity grid "Grid refresh" { stage lead }
    activity kickoff "Kick-off with Fang" { with fang }
}
`;

describe('navigation over LSP', () => {
    let client: LspClient;
    let folder: string;
    let refreshes = 0;
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    const cmgdLines = () => contractFiles()['cmgd.acct'].split('\n');
    const lineOf = (needle: string) => cmgdLines().findIndex(line => line.includes(needle));

    beforeAll(async () => {
        folder = tempWorkspace({ ...contractFiles(), 'east.acct': east });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' }, { workspace: { inlayHint: { refreshSupport: true } } });
        client.connection.onRequest('workspace/inlayHint/refresh', () => {
            refreshes++;
            return null;
        });
        await client.open(uri('cmgd.acct'), contractFiles()['cmgd.acct']);
        await client.diagnosticsFor(uri('cmgd.acct'));
    });
    afterAll(() => client?.stop());

    const symbols = (query: string) => client.connection.sendRequest('workspace/symbol', { query }) as Promise<SymbolInformation[]>;

    it('announces workspace symbols, semantic tokens (full and range), inlay hints and quick fixes', () => {
        const capabilities = client.initializeResult.capabilities;
        expect(capabilities.workspaceSymbolProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toMatchObject({ full: expect.anything(), range: true });
        const legend = (capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
        expect(legend.tokenTypes).toEqual(expect.arrayContaining(['property', 'variable', 'enumMember', 'class', 'event', 'method']));
        expect(legend.tokenModifiers).toContain('declaration');
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'] });
    });

    describe('workspace symbols', () => {
        it('`Wang` finds the contact wang "Wang Lei" by its display name, with its customer as container', async () => {
            const found = await symbols('Wang');
            const wang = found.find(s => s.name === 'wang "Wang Lei"');
            expect(wang).toMatchObject({ kind: 8 /* Field */, containerName: 'cmgd "China Mobile Guangdong"' });
            expect(wang!.location.uri).toBe(uri('cmgd.acct'));
            expect(wang!.location.range.start.line).toBe(lineOf('contact wang'));
            expect(cmgdLines()[wang!.location.range.start.line].slice(wang!.location.range.start.character)).toMatch(/^wang "Wang Lei"/);
            // matched by display name only: Fang Wang's id is fang
            expect(found.map(s => s.name)).toContain('fang "Fang Wang"');
            // the exact id first
            expect(found[0].name).toBe('wang "Wang Lei"');
        });

        it('matches case-insensitively, fuzzily and in Chinese names', async () => {
            expect((await symbols('WANG LEI')).map(s => s.name)).toContain('wang "Wang Lei"');
            expect((await symbols('wlei')).map(s => s.name)).toContain('wang "Wang Lei"');
            expect((await symbols('王')).map(s => s.name)).toEqual(['陈王']);
            expect((await symbols('陈')).map(s => s.name)).toEqual(expect.arrayContaining(['陈静', '陈王']));
        });

        it('lists members, competitors, customers, opportunities and activities too', async () => {
            const byName = async (query: string) => (await symbols(query)).map(s => [s.name, s.kind, s.containerName]);
            expect(await byName('alice')).toContainEqual(['alice "Alice Chen"', 13 /* Variable */, undefined]);
            expect(await byName('ericsson')).toContainEqual(['ericsson "Ericsson"', 14 /* Constant */, undefined]);
            expect(await byName('China Mobile')).toContainEqual(['cmgd "China Mobile Guangdong"', 5 /* Class */, undefined]);
            expect(await byName('5G core')).toContainEqual(['core5g "5G core expansion"', 24 /* Event */, 'cmgd "China Mobile Guangdong"']);
            expect(await byName('kick')).toContainEqual(['kickoff "Kick-off with Fang"', 6 /* Method */, 'east "East Grid"']);
        });

        it('follows edits: a renamed contact is found by its new name only', async () => {
            const text = east.replace('Fang Wang', 'Fang Zhou');
            client.forget(uri('east.acct'));
            await client.open(uri('east.acct'), text);
            await client.diagnosticsFor(uri('east.acct'));
            const names = (await symbols('Fang')).map(s => s.name);
            expect(names).toContain('fang "Fang Zhou"');
            expect(names).not.toContain('fang "Fang Wang"');
            await client.close(uri('east.acct'));
        });
    });

    describe('semantic tokens', () => {
        let legend: SemanticTokensLegend;
        beforeAll(() => {
            legend = (client.initializeResult.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
        });

        /** The tokens as `text type[.modifier]`, by line. */
        function decode(tokens: SemanticTokens, lines = cmgdLines()): Array<{ line: number; text: string; token: string }> {
            const out: Array<{ line: number; text: string; token: string }> = [];
            let line = 0;
            let character = 0;
            for (let i = 0; i < tokens.data.length; i += 5) {
                const [deltaLine, deltaStart, length, type, modifiers] = tokens.data.slice(i, i + 5);
                line += deltaLine;
                character = deltaLine ? deltaStart : character + deltaStart;
                const names = legend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
                out.push({ line, text: lines[line].slice(character, character + length), token: [legend.tokenTypes[type], ...names].join('.') });
            }
            return out;
        }

        it('tell a contact reference from a member or competitor reference, and declarations from references', async () => {
            const tokens = decode(await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri('cmgd.acct') } }));
            const on = (needle: string) => tokens.filter(t => t.line === lineOf(needle)).map(t => `${t.text} ${t.token}`);
            expect(on('customer cmgd')).toEqual(['cmgd class.declaration']);
            expect(on('contact wang')).toEqual(['wang property.declaration']);
            expect(on('reports-to zhang')[0]).toBe('zhang property');
            expect(on('    owner alice')[0]).toBe('alice variable');
            expect(on('team { ar alice')).toEqual(['alice variable', 'bob variable', 'carol variable']);
            expect(on('competitors ericsson')).toEqual(['ericsson enumMember', 'nokia enumMember']);
            expect(on('li evaluator support -1')).toEqual(['li property']);
            expect(on('opportunity core5g')).toEqual(['core5g event.declaration']);
            expect(on('activity hqvisit')).toEqual(['hqvisit method.declaration']);
            expect(on('with li')).toEqual(['li property']);
        });

        it('an id that is also a keyword (`lead`, `core`) is highlighted as what it names', async () => {
            const text = 'customer kw "KW" {\n    owner alice\n    contact lead "Lead" { }\n    contact core "Core" { reports-to lead influences lead }\n}\n';
            await client.open(uri('kw.acct'), text);
            await client.diagnosticsFor(uri('kw.acct'));
            const tokens = decode(
                await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri('kw.acct') } }),
                text.split('\n'),
            );
            expect(tokens.map(t => `${t.text} ${t.token}`)).toEqual([
                'kw class.declaration',
                'alice variable',
                'lead property.declaration',
                'core property.declaration',
                'lead property',
                'lead property',
            ]);
            await client.close(uri('kw.acct'));
        });

        it('ids that are 1.2 keywords (`kpi`, `S`, `intent`, `objective`) are highlighted as what they name; `class S` names no contact', async () => {
            const text =
                'customer kw2 "KW2" {\n    class S\n    contact kpi "K" { kpi "uptime" }\n    contact S "S" { reports-to kpi pain "p" }\n' +
                '    opportunity intent "I" { intent "x" decision-chain { S } }\n    activity objective "O" { with kpi objective "y" }\n}\n';
            await client.open(uri('kw2.acct'), text);
            await client.diagnosticsFor(uri('kw2.acct'));
            const tokens = decode(
                await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri('kw2.acct') } }),
                text.split('\n'),
            );
            expect(tokens.map(t => `${t.text} ${t.token}`)).toEqual([
                'kw2 class.declaration',
                'kpi property.declaration',
                'S property.declaration',
                'kpi property',
                'intent event.declaration',
                'S property',
                'objective method.declaration',
                'kpi property',
            ]);
            await client.close(uri('kw2.acct'));
        });

        it('a range request gives the tokens of that range only', async () => {
            const start = lineOf('opportunity core5g');
            const end = lineOf('competitors ericsson');
            const tokens = decode(
                await client.connection.sendRequest('textDocument/semanticTokens/range', {
                    textDocument: { uri: uri('cmgd.acct') },
                    range: { start: { line: start, character: 0 }, end: { line: end + 1, character: 0 } },
                }),
            );
            expect(tokens.length).toBeGreaterThan(5);
            expect(tokens.every(t => t.line >= start && t.line <= end)).toBe(true);
            expect(tokens.map(t => t.text)).toEqual(['core5g', 'alice', 'bob', 'carol', 'zhang', 'wang', 'li', 'ericsson', 'nokia']);
        });

        it('a range that starts inside a deal, below its team, still gets the decision chain', async () => {
            const chain = lineOf('decision-chain {');
            const tokens = decode(
                await client.connection.sendRequest('textDocument/semanticTokens/range', {
                    textDocument: { uri: uri('cmgd.acct') },
                    range: { start: { line: chain, character: 0 }, end: { line: chain + 4, character: 0 } },
                }),
            );
            expect(tokens.map(t => `${t.text} ${t.token}`)).toEqual(['zhang property', 'wang property', 'li property']);
        });
    });

    describe('inlay hints', () => {
        const hints = async (start: number, end: number) =>
            (
                (await client.connection.sendRequest('textDocument/inlayHint', {
                    textDocument: { uri: uri('cmgd.acct') },
                    range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } },
                })) as InlayHint[]
            ).map(h => ({ line: h.position.line, character: h.position.character, label: h.label as string }));

        it('after a decision-chain entry: the role and support it takes from its contact, nothing when it writes both', async () => {
            const chain = lineOf('decision-chain {');
            const found = await hints(chain, chain + 5);
            const zhang = lineOf('            zhang');
            expect(found).toEqual([
                { line: zhang, character: cmgdLines()[zhang].indexOf('zhang') + 'zhang'.length, label: ': approver, support ?' },
                { line: zhang + 1, character: cmgdLines()[zhang + 1].indexOf('wang') + 'wang'.length, label: ': decision-maker, support 2' },
            ]);
        });

        it('after last-contact: the days since, from today as the checks use it; only within the range', async () => {
            const wangLast = lineOf('last-contact 2026-11-02');
            expect(await hints(wangLast, wangLast + 1)).toEqual([
                { line: wangLast, character: cmgdLines()[wangLast].indexOf('2026-11-02') + 10, label: '20 days ago' },
            ]);
            expect(await hints(wangLast + 1, wangLast + 2)).toEqual([]);
            const all = await hints(0, cmgdLines().length);
            expect(all.filter(h => /ago/.test(h.label)).map(h => h.label)).toEqual(['20 days ago', '33 days ago']);
        });

        it('the editor setting acct.today moves today for the hints as for the checks', async () => {
            const wangLast = lineOf('last-contact 2026-11-02');
            const before = refreshes;
            await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { acct: { today: '2027-03-02' } } });
            // the checks see the new date: wang's last contact is now stale
            await client.diagnosticsFor(uri('cmgd.acct'), d => d.some(x => x.code === 'stale-contact'));
            expect((await hints(wangLast, wangLast + 1)).map(h => h.label)).toEqual(['120 days ago']);
            // and the editor is asked to fetch the hints it shows again
            await expect.poll(() => refreshes).toBe(before + 1);
            await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { acct: { today: '' } } });
            await client.diagnosticsFor(uri('cmgd.acct'), d => !d.some(x => x.code === 'stale-contact'));
            expect((await hints(wangLast, wangLast + 1)).map(h => h.label)).toEqual(['20 days ago']);
        });
    });
});
