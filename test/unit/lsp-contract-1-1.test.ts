/**
 * The editor features for contract 1.1: completion of codes, bones and dates; hover on the new
 * keywords, bones and waivers; the waived code lens; the outline; definition, references and
 * rename through the new references.
 */
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { buildWorkspace, cursor, positionOf, rangeAfter, uriOf, type TestWorkspace } from './helpers.js';

const TEAM = 'member alice "Alice Chen"\nmember bob "Bob Li"\ncompetitor rival "Rival Corp"\ncompetitor nokia "Nokia"\n';

async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text });
    return (await w.Acct.lsp.CompletionProvider!.getCompletion(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position }))?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label).sort();
const doc = (item: CompletionItem | undefined) => (typeof item?.documentation === 'string' ? item.documentation : (item?.documentation?.value ?? ''));

async function hoverAt(w: TestWorkspace, text: string, needle: string, shift = 1): Promise<string> {
    const position = positionOf(text, needle);
    position.character += shift;
    const result = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position });
    return (result?.contents as { value?: string } | undefined)?.value ?? '';
}

const PLAN = `customer acme "Acme" {
    contact dana "Dana" {
        role decision-maker support 1 last-contact 2026-01-05 owner alice
        competitor-support rival 3
        influences li
        waive stale-contact "on leave until December" until 2026-12-31
    }
    contact li "Li" { role evaluator support 2 last-contact 2026-11-01 waive rational-turn-risk "x" }
    opportunity x "X" {
        stage bid budget 1M start 2027-01-01 team { ar alice sr bob fr alice }
        decision-chain { dana group final li group commercial }
        competitors rival
    }
}
`;

describe('completion', () => {
    it('after `waive `: the waivable codes, each with what it finds', async () => {
        const items = await complete('customer acme "A" {\n    waive <|>\n}\n');
        expect(labels(items)).toContain('stale-contact');
        expect(labels(items)).toContain('uncovered-key-person');
        for (const fixed of [
            'syntax',
            'duplicate-id',
            'out-of-range',
            'reports-to-cycle',
            'invalid-code',
            'unused-waiver',
            'expired-waiver',
            'unresolved-reference',
        ]) {
            expect(labels(items)).not.toContain(fixed);
        }
        expect(doc(items.find(i => i.label === 'stale-contact'))).toMatch(/last contacted/);
        expect(items.every(i => doc(i).length > 10)).toBe(true);
        expect(labels(items)).not.toContain('reports-to'); // keywords that are only parts of codes are not offered
    });

    it('after `severity `: the adjustable codes, unused-waiver among them', async () => {
        const items = await complete('policy {\n    severity <|>\n}\n');
        expect(labels(items)).toContain('unused-waiver');
        expect(labels(items)).not.toContain('syntax');
        expect(items.find(i => i.label === 'uncovered-key-person')?.detail).toBe('off by default');
    });

    it('a code being typed is completed as a whole', async () => {
        const { text, position } = cursor('customer acme "A" {\n    waive stale-co<|>\n}\n');
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text });
        const items =
            (await w.Acct.lsp.CompletionProvider!.getCompletion(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position }))?.items ?? [];
        const edit = items.find(i => i.label === 'stale-contact')?.textEdit as { range: { start: { character: number } }; newText: string };
        expect(edit).toMatchObject({ newText: 'stale-contact', range: { start: { character: 10 } } });
    });

    it('after `group `: the four bones, with their meaning', async () => {
        const items = await complete('customer acme "A" {\n    contact a "A" { }\n    opportunity o "O" { decision-chain { a group <|> } }\n}\n');
        expect(labels(items)).toEqual(['commercial', 'final', 'selection', 'technical']);
        expect(doc(items.find(i => i.label === 'commercial'))).toMatch(/Commercial evaluation/);
    });

    it('after `until `: a date a month and a quarter from today', async () => {
        const items = await complete('customer acme "A" {\n    waive stale-contact "x" until <|>\n}\n');
        expect(labels(items)).toEqual(['2026-12-22', '2027-02-20']);
    });

    it('after `horizon ` and at the start of an opportunity: the 1.1 words', async () => {
        expect(labels(await complete('customer acme "A" {\n    opportunity o "O" { horizon <|> }\n}\n'))).toEqual(['long', 'mid', 'short']);
        const keywords = labels(await complete('customer acme "A" {\n    opportunity o "O" { <|> }\n}\n'));
        for (const k of ['horizon', 'space', 'growth', 'profit', 'competition', 'waive']) expect(keywords).toContain(k);
    });

    it('after `competitor-support ` the competitors; after `influences ` the contacts', async () => {
        expect(labels(await complete('customer acme "A" {\n    contact a "A" { competitor-support <|> }\n}\n'))).toEqual(['nokia', 'rival']);
        expect(labels(await complete('customer acme "A" {\n    contact a "A" { influences <|> }\n    contact b "B" { }\n}\n'))).toEqual(['a', 'b']);
    });
});

describe('hover', () => {
    it('on a waiver: what it waives today and why', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        const value = await hoverAt(w, PLAN, 'waive stale-contact');
        expect(value).toMatch(/on leave until December/);
        expect(value).toMatch(/In force until 2026-12-31; it waives 1 finding today/);
        expect(value).toMatch(/line 3: Dana \(dana\) is in the power map of 'x'/);
        expect(await hoverAt(w, PLAN, 'waive rational-turn-risk')).toMatch(/waives nothing today: remove it/);
    });

    it('on a bone: its meaning in the fishbone, not the tier', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        expect(await hoverAt(w, PLAN, 'group commercial', 7)).toMatch(/Commercial evaluation/);
        expect(await hoverAt(w, PLAN, 'group final', 7)).toMatch(/Final decision/);
    });

    it('on the new keywords: their meaning in the method', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        expect(await hoverAt(w, PLAN, 'competitor-support')).toMatch(/compared with competitors/);
        expect(await hoverAt(w, PLAN, 'influences')).toMatch(/beyond reports-to/);
    });

    it('on a severity line: the check, its default and what is in force', async () => {
        const team = TEAM + 'policy {\n    severity stale-contact error\n}\n';
        const w = await buildWorkspace({ 'team.acct': team, 'plan.acct': PLAN });
        const at = positionOf(team, 'severity stale-contact');
        const result = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['team.acct']!, {
            textDocument: { uri: uriOf('team.acct') },
            position: { line: at.line, character: at.character + 12 },
        });
        expect((result?.contents as { value: string }).value).toMatch(/Default: warning; in force in this workspace: error/);
    });
});

describe('code lens and outline', () => {
    it('a declaration whose finding is waived says so in a code lens', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        const lenses = (await w.Acct.lsp.CodeLensProvider!.provideCodeLens(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') } })) ?? [];
        const waived = lenses.filter(l => l.command?.title.startsWith('Waived'));
        expect(waived.map(l => [l.range.start.line, l.command!.title])).toEqual([[1, 'Waived: stale-contact ×1 until 2026-12-31 (on leave until December)']]);
    });

    it('the outline shows waivers under their declaration', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        const [acme] = await w.Acct.lsp.DocumentSymbolProvider!.getSymbols(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') } });
        const dana = acme!.children!.find(s => s.name === 'dana')!;
        expect(dana.children?.map(s => [s.name, s.detail])).toEqual([['waive stale-contact', 'until 2026-12-31 · on leave until December']]);
    });
});

describe('navigation through the new references', () => {
    it('definition and references of a competitor named in competitor-support, and of a contact in influences', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        const at = rangeAfter(PLAN, 'competitor-support ', 'rival').start;
        const definition = await w.Acct.lsp.DefinitionProvider!.getDefinition(w.docs['plan.acct']!, {
            textDocument: { uri: uriOf('plan.acct') },
            position: at,
        });
        expect(definition?.[0]?.targetUri).toBe(uriOf('team.acct'));
        const refs = await w.Acct.lsp.ReferencesProvider!.findReferences(w.docs['team.acct']!, {
            textDocument: { uri: uriOf('team.acct') },
            position: positionOf(TEAM, 'rival'),
            context: { includeDeclaration: false },
        });
        expect(refs.map(r => r.range.start.line).sort((a, b) => a - b)).toEqual([3, 11]);
        const li = rangeAfter(PLAN, 'influences ', 'li').start;
        const toLi = await w.Acct.lsp.DefinitionProvider!.getDefinition(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position: li });
        expect(toLi?.[0]?.targetSelectionRange.start.line).toBe(7);
    });

    it('renaming a competitor renames it in competitor-support too', async () => {
        const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': PLAN });
        const edit = await w.Acct.lsp.RenameProvider!.rename(w.docs['team.acct']!, {
            textDocument: { uri: uriOf('team.acct') },
            position: positionOf(TEAM, 'rival'),
            newName: 'acmeco',
        });
        const inPlan = edit?.changes?.[uriOf('plan.acct')] ?? [];
        expect(inPlan.map(e => e.range.start.line).sort((a, b) => a - b)).toEqual([3, 11]);
        expect(inPlan.every(e => e.newText === 'acmeco')).toBe(true);
    });
});
