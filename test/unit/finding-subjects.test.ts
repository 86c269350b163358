/**
 * What a finding is about, by where it stands (ast/subject.ts `subjectsByOffset`, the export's
 * `subject`): the innermost declaration holding its offset. The declarations' spans are found when
 * first asked, and a declaration without elements shares one empty list of children.
 */
import { describe, expect, it } from 'vitest';
import { subjectOf, subjectsByOffset } from '../../server/src/language/ast/subject.js';
import { isCustomer, isPolicy, type Workspace } from '../../server/src/language/generated/ast.js';
import { buildWorkspace } from './helpers.js';

const PLAN = `member alice "Alice"

customer empty "Empty" {
    industry "Energy"
}

customer acme "Acme" {
    activity a1 "Visit" { date 2026-11-01 }
    contact wang "Wang" { role user }
    opportunity oss "OSS" { }
    contact li "Li" { role user }
}

competitor nokia "Nokia"
customer last "Last" { }
`;

describe('the subject of a place in a plan', () => {
    it('is the innermost declaration holding it, elements in text order whatever their kind', async () => {
        const ws = await buildWorkspace({ 'plan.acct': PLAN });
        const at = subjectsByOffset(ws.docs['plan.acct']!.parseResult.value);
        const place = (text: string) => PLAN.indexOf(text);
        // asked out of text order: the spans found at the first question answer every later one
        expect(at(place('"Li"'))).toBe('contact:acme/li');
        expect(at(place('alice'))).toBe('member:alice');
        expect(at(place('"Energy"'))).toBe('customer:empty');
        expect(at(place('"Acme"'))).toBe('customer:acme');
        expect(at(place('"Visit"'))).toBe('activity:acme/a1');
        expect(at(place('"Wang"'))).toBe('contact:acme/wang');
        expect(at(place('"OSS"'))).toBe('opportunity:acme/oss');
        expect(at(place('"Nokia"'))).toBe('competitor:nokia');
        expect(at(place('"Last"'))).toBe('customer:last');
        // between declarations: about nothing
        expect(at(place('\ncustomer empty'))).toBeNull();
        expect(at(place('\ncompetitor'))).toBeNull();
    });

    it('gives the customers without elements of a plan their own subjects, not one another’s', async () => {
        const text = Array.from({ length: 50 }, (_, i) => `customer c${i} "C" { }\n`).join('') + 'customer k "K" {\n    contact x "X" { }\n}\n';
        const ws = await buildWorkspace({ 'plan.acct': text });
        const at = subjectsByOffset(ws.docs['plan.acct']!.parseResult.value);
        for (const i of [0, 17, 49]) expect(at(text.indexOf(`c${i} `))).toBe(`customer:c${i}`);
        expect(at(text.indexOf('"X"'))).toBe('contact:k/x');
        expect(at(text.indexOf('"K"'))).toBe('customer:k');
    });

    it('at every offset of plans written again and again, broken or not, is the innermost declaration a search of all of them finds', async () => {
        const plans = [
            'member a "A"\n'.repeat(40) + 'policy { }\n' + 'member a "A"\nmember b "B"\n'.repeat(10),
            'customer a "a" {\n'.repeat(30),
            'customer c "C" {\n    contact k "K" { }\n}\n'.repeat(5) + 'customer c "C" {\n    contcat x "X" {\n    opportunity o "O" { }\n',
        ];
        for (const text of plans) {
            const ws = await buildWorkspace({ 'plan.acct': text });
            const root = ws.docs['plan.acct']!.parseResult.value as Workspace;
            const at = subjectsByOffset(root);
            const holding = (nodes: readonly { $cstNode?: { offset: number; end: number } }[], offset: number) =>
                nodes.find(n => n.$cstNode && n.$cstNode.offset <= offset && offset < n.$cstNode.end);
            for (let offset = 0; offset <= text.length; offset++) {
                const outer = holding(
                    root.declarations.filter(d => !isPolicy(d)),
                    offset,
                );
                const inner = outer && isCustomer(outer) ? holding([...outer.contacts, ...outer.opportunities, ...outer.activities], offset) : undefined;
                const expected = inner ? subjectOf(inner as never) : outer ? subjectOf(outer as never) : null;
                expect(at(offset), `offset ${offset}`).toBe(expected ?? null);
            }
        }
    });
});
