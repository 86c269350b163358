import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTexts, loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { redactPlan } from '../../server/src/cli/redact.js';
import { messageRedaction } from '../../server/src/cli/redact-messages.js';
import { LOCALES, markingTexts, textsFor } from '../../server/src/method/index.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';

const examples = path.resolve(__dirname, '..', '..', 'examples');

/** Every object's keys, in order, with their paths (array items by index): the shape of a JSON document. */
function shape(value: unknown, at = '$', out: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((item, i) => shape(item, `${at}[${i}]`, out));
    else if (value !== null && typeof value === 'object') {
        out.push(`${at}: ${Object.keys(value).join(',')}`);
        for (const [key, item] of Object.entries(value)) shape(item, `${at}.${key}`, out);
    }
    return out;
}

/** redact.ts writes each part field by field: the redacted document keeps the export's keys, in its order, everywhere. */
describe('a redacted export has the shape of the export', () => {
    it('has the same keys in the same order at every path, and leaves the plan it was given as it was', async () => {
        const texts = textsFor('en');
        const marking = markingTexts(texts);
        const workspace = await loadWorkspace([examples], { today: '2026-11-22', cwd: examples, marking });
        const plan = workspace.plan();
        const before = JSON.stringify(plan);
        const located = workspace.located();
        const { plan: redacted } = redactPlan(
            plan,
            { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) },
            messageRedaction(marking, texts),
        );
        expect(shape(redacted)).toEqual(shape(plan));
        expect(redacted.diagnostics.length).toBeGreaterThan(0);
        expect(JSON.stringify(plan)).toBe(before);
    });
});

// the examples, and a waived finding (the examples waive none)
const files = [
    ...readdirSync(examples)
        .filter(f => f.endsWith('.acct'))
        .map(f => ({ file: path.join(examples, f), text: readFileSync(path.join(examples, f), 'utf8') })),
    {
        file: path.join(examples, 'waived.acct'),
        text: 'customer retiring "Retiring Ltd" {\n    contact fanzi "Fan Zi" { support 0 intimacy 3 waive friendly-but-unsupportive "Fan Zi is retiring in March" }\n}\n',
    },
];

/** `acct export --redact` redacts the plan where it stands (it never reads it again): the same document as the copy. */
describe('a redaction in place', () => {
    for (const locale of LOCALES)
        it(`${locale}: writes the same bytes as the copy, into the plan's own parts`, async () => {
            const texts = textsFor(locale);
            const marking = markingTexts(texts);
            const workspace = await loadTexts(files, { today: '2026-11-22', locale, cwd: examples, marking });
            const plan = workspace.plan();
            const located = workspace.located();
            const subjects = { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) };
            const copied = redactPlan(plan, subjects, messageRedaction(marking, texts));
            const own = { customer: plan.customers[0]!, contact: plan.customers[0]!.contacts[0]!, finding: plan.diagnostics[0]!, waived: plan.waived[0]! };
            expect(own.waived.reason).toBe('Fan Zi is retiring in March');
            const inPlace = redactPlan(plan, subjects, messageRedaction(marking, texts), { inPlace: true });
            expect(serializePlan(inPlace.plan)).toBe(serializePlan(copied.plan));
            expect(inPlace.subjects).toEqual(copied.subjects);
            // the plan's own objects, now redacted: nothing of the original is left in them
            expect(inPlace.plan.customers[0]).toBe(own.customer);
            expect(inPlace.plan.customers[0]!.contacts[0]).toBe(own.contact);
            expect(inPlace.plan.diagnostics[0]).toBe(own.finding);
            expect(inPlace.plan.waived[0]).toBe(own.waived);
            for (const part of ['members', 'competitors', 'customers', 'diagnostics', 'waived'] as const)
                expect(JSON.stringify(plan[part])).toBe(JSON.stringify(copied.plan[part]));
        });
});
