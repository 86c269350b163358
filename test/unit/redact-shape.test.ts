import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { redactPlan } from '../../server/src/cli/redact.js';
import { messageRedaction } from '../../server/src/cli/redact-messages.js';
import { markingTexts, textsFor } from '../../server/src/method/index.js';

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
