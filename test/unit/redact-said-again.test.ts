/**
 * `MarkingTexts.said` (method/messages/redactable.ts), through `messageRedaction`, says a message
 * again from how it was made, without making its marked form and reading it back: for every finding
 * it must give exactly what reading the marked form gives (`sayMarked`, test/support/marked-messages.ts),
 * and a redacted document made through it must
 * be the one made through the marked forms — on the examples and on a generated workspace, in
 * every locale.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTexts } from '../../server/src/node/workspace-loader.js';
import { redactPlan } from '../../server/src/cli/redact.js';
import { messageRedaction } from '../../server/src/cli/redact-messages.js';
import { LOCALES, markingTexts, textsFor, type ArgumentClass, type SayValue } from '../../server/src/method/index.js';
import { markedForm, sayMarked } from '../support/marked-messages.js';
import { generateWorkspace } from '../bench/generate.js';

const TODAY = '2026-11-22';
const root = mkdtempSync(path.join(tmpdir(), 'acct-said-again-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every `.acct` file under `dir`, with its text. */
function filesOf(dir: string): { file: string; text: string }[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter(f => f.endsWith('.acct'))
        .sort()
        .map(f => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

const WORKSPACES: Record<string, () => string> = {
    examples: () => new URL('../../examples/', import.meta.url).pathname,
    generated: () => generateWorkspace(path.join(root, 'generated'), { seed: 20261207, fileCount: 12, totalLines: 4_000 }).dir,
};

/** A `say` that shows each value's class, so that a value said in the wrong place or class shows. */
const shown = (kind: ArgumentClass, value: string): string => `<${kind}:${value}>`;

describe('a message said again from its arguments', () => {
    for (const [name, dirOf] of Object.entries(WORKSPACES))
        for (const locale of LOCALES)
            it(`${name}, ${locale}: reads as its marked form does, and redacts the document the same`, async () => {
                const dir = dirOf();
                const base = textsFor(locale);
                const marking = markingTexts(base);
                const { redacted } = messageRedaction(marking, base);
                const workspace = await loadTexts(filesOf(dir), { today: TODAY, locale, marking, cwd: dir });
                const document = workspace.plan();
                const findings = [...document.diagnostics, ...document.waived];
                expect(findings.length).toBeGreaterThan(10);
                for (const d of findings) {
                    const marked = markedForm(marking, d.message);
                    expect(marked, d.message).toBeDefined();
                    expect(redacted(d.message, shown)).toBe(sayMarked(marked!, locale, shown));
                    expect(redacted(d.message, (_kind, value) => value)).toBe(d.message);
                }
                const located = workspace.located();
                const subjects = { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) };
                const withheld = base.t('cli.export.withheld');
                // the same document as when each message's marked form is made and read back
                const throughMarkedForms = (message: string, say: SayValue): string | undefined => {
                    const marked = markedForm(marking, message);
                    return marked === undefined ? undefined : sayMarked(marked, locale, say);
                };
                expect(redactPlan(document, subjects, { redacted, withheld })).toEqual(
                    redactPlan(document, subjects, { redacted: throughMarkedForms, withheld }),
                );
            }, 120_000);
});

describe('the marking texts', () => {
    it('say nothing again of a text they did not make', () => {
        const marking = markingTexts(textsFor('en'));
        expect(messageRedaction(marking, textsFor('en')).redacted('Contact 7 opposes us', shown)).toBeUndefined();
        expect(markedForm(marking, 'Contact 7 opposes us')).toBeUndefined();
    });

    it('keep a message’s arguments as they were when it was said', () => {
        const marking = markingTexts(textsFor('en'));
        const { redacted } = messageRedaction(marking, textsFor('en'));
        // a caller that fills the same parameters object for the next message
        const params = { customer: 'acme' };
        const first = marking.texts.t('check.tierNotReviewed', params);
        params.customer = 'globex';
        const second = marking.texts.t('check.tierNotReviewed', params);
        expect(redacted(first, shown)).toContain('<name:acme>');
        expect(redacted(second, shown)).toContain('<name:globex>');
        // a list of names, its array changed after it was said
        const names = ['zhang', 'li'];
        const chain = marking.texts.chain(names);
        names.push('wang');
        expect(redacted(chain, shown)).toBe('<name:zhang> → <name:li>');
    });
});
