/**
 * The editor features for contract 1.2: completion of every new keyword and value with its
 * meaning; hovers on maturity, the four parts of a value proposition and S/A/B/C in the method's
 * words, in English and in Chinese.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { buildWorkspace, cursor, positionOf, uriOf, type TestWorkspace } from './helpers.js';

const TEAM = 'member alice "Alice Chen"\nmember bob "Bob Li"\n';

let last: TestWorkspace | undefined;
afterEach(() => {
    if (last) last.Acct.workspace.AcctSettings.locale = 'en';
});

async function complete(marked: string): Promise<CompletionItem[]> {
    const { text, position } = cursor(marked);
    const w = (last = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text }));
    return (await w.Acct.lsp.CompletionProvider!.getCompletion(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position }))?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label).sort();
const doc = (item: CompletionItem | undefined) => (typeof item?.documentation === 'string' ? item.documentation : (item?.documentation?.value ?? ''));

async function hover(text: string, needle: string, locale: 'en' | 'zh-CN' = 'en', shift = 1): Promise<string> {
    const w = (last = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text }));
    w.Acct.workspace.AcctSettings.locale = locale;
    const position = positionOf(text, needle);
    position.character += shift;
    const result = await w.Acct.lsp.HoverProvider!.getHoverContent(w.docs['plan.acct']!, { textDocument: { uri: uriOf('plan.acct') }, position });
    return (result?.contents as { value?: string } | undefined)?.value ?? '';
}

const PLAN = `customer acme "Acme" {
    class S
    organization joint
    contact wang "Wang" { role decision-maker kpi "uptime" pain "OPEX" }
    opportunity x "X" {
        stage lead
        intent "RFQ received"
        solution "edge cloud"
        value-proposition {
            strengths "local team"
            unique-value "half the power"
            fit "9 of 10 requirements"
            difference "the only running reference"
        }
    }
    activity v "Visit" { status planned objective "agree on the pilot" }
}
`;

describe('completion (1.2)', () => {
    it('after `class`: S, A, B and C, each with its meaning', async () => {
        const items = await complete('customer acme "A" {\n    class <|>\n}\n');
        expect(labels(items)).toEqual(['A', 'B', 'C', 'S']);
        expect(doc(items.find(i => i.label === 'S'))).toMatch(/strategic partnership/);
        expect(items.find(i => i.label === 'A')!.detail).toBe('A partner');
    });

    it('in a customer, an opportunity, a value proposition and an activity: the new keywords with what they mean', async () => {
        expect(labels(await complete('customer acme "A" {\n    <|>\n}\n'))).toContain('class');
        const deal = await complete('customer acme "A" {\n    opportunity x "X" {\n        <|>\n    }\n}\n');
        for (const keyword of ['intent', 'solution', 'value-proposition']) expect(labels(deal)).toContain(keyword);
        expect(doc(deal.find(i => i.label === 'value-proposition'))).toMatch(/80 % of the result is decided before/);
        const parts = await complete('customer acme "A" {\n    opportunity x "X" {\n        value-proposition {\n            <|>\n        }\n    }\n}\n');
        expect(labels(parts)).toEqual(['difference', 'fit', 'strengths', 'unique-value']);
        expect(doc(parts.find(i => i.label === 'unique-value'))).toMatch(/unique value/);
        const activity = await complete('customer acme "A" {\n    activity v "V" {\n        <|>\n    }\n}\n');
        expect(labels(activity)).toContain('objective');
    });

    it('after `waive` and `severity`: the 1.2 codes', async () => {
        const codes = labels(await complete('policy {\n    severity <|>\n}\n'));
        for (const code of ['ripe-lead', 'no-value-proposition', 'class-without-partnership', 'unverified-opportunity', 'unknown-needs', 'aimless-activity']) {
            expect(codes).toContain(code);
        }
    });
});

describe('hover (1.2), in English and in Chinese', () => {
    it("S/A/B/C in the method's words", async () => {
        expect(await hover(PLAN, 'class S', 'en', 6)).toMatch(/Class S, strategic customer: a key customer of the company; build a strategic partnership/);
        expect(await hover(PLAN, 'class S', 'zh-CN', 6)).toMatch(/S 类客户即战略型客户，是公司的重点客户：要建立战略合作伙伴关系/);
        expect(await hover(PLAN, 'class S', 'en', 1)).toMatch(/S strategic \| A partner \| B \| C/);
    });

    it('the four parts of a value proposition', async () => {
        expect(await hover(PLAN, 'value-proposition {')).toMatch(/80 % of the result is decided before it/);
        expect(await hover(PLAN, 'strengths "')).toMatch(/Our unique strengths/);
        expect(await hover(PLAN, 'unique-value "')).toMatch(/unique value to the customer/);
        expect(await hover(PLAN, 'fit "')).toMatch(/How fully our solution meets/);
        expect(await hover(PLAN, 'difference "')).toMatch(/difference from the competitors/);
        expect(await hover(PLAN, 'unique-value "', 'zh-CN')).toMatch(/独特价值/);
        expect(await hover(PLAN, 'difference "', 'zh-CN')).toMatch(/与竞争对手的差异/);
    });

    it('an opportunity says its maturity', async () => {
        expect(await hover(PLAN, 'opportunity x', 'en', 12)).toMatch(/Maturity — Credible lead: the intent to buy and our matching solution are known/);
        expect(await hover(PLAN, 'opportunity x', 'zh-CN', 12)).toMatch(/成熟度——可信线索/);
        expect(await hover(PLAN.replace('intent "RFQ received"', ''), 'opportunity x', 'en', 12)).toMatch(/Maturity — Preliminary lead/);
    });

    it('kpi, pain, intent, solution and objective explain themselves', async () => {
        expect(await hover(PLAN, 'kpi "')).toMatch(/measured on/);
        expect(await hover(PLAN, 'pain "', 'zh-CN')).toMatch(/痛点/);
        expect(await hover(PLAN, 'intent "')).toMatch(/intent to buy/);
        expect(await hover(PLAN, 'solution "')).toMatch(/matching solution/);
        expect(await hover(PLAN, 'objective "')).toMatch(/what to reach|must achieve/);
    });
});
