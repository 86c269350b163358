/**
 * `acct export --redact` says each message once, in the form asked for: with the direct marking
 * texts (`markingTexts(base, { direct: true })`, method/messages/redactable.ts) the checks fill no
 * template in plain form — each message is a stand-in for how it was made, said redacted by the
 * redaction, and plainly only where it is read so (two findings that tie on everything before the
 * message, a refused export's errors). The redacted document must be the one the record path
 * (each message said plainly and its record kept by it) gives, over random workspaces, in every
 * locale; and the messages said plainly from the stand-ins must be the plain messages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadTexts, type PlanText } from '../../server/src/node/workspace-loader.js';
import { redactPlan } from '../../server/src/cli/redact.js';
import { messageRedaction } from '../../server/src/cli/redact-messages.js';
import { byPlace } from '../../server/src/contract/findings.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import {
    LOCALES,
    markingTexts,
    textsFor,
    type Locale,
    type MarkingTexts,
    type MessageKey,
    type ParamValue,
    type Texts,
} from '../../server/src/method/index.js';
import { generateWorkspace } from '../bench/generate.js';

const TODAY = '2026-11-22';
const root = mkdtempSync(path.join(tmpdir(), 'acct-direct-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every `.acct` file under `dir`, with its text. */
function filesOf(dir: string): PlanText[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter(f => f.endsWith('.acct'))
        .sort()
        .map(f => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The plain and the redacted document of `files`, the messages said through `marking`. */
async function exported(files: readonly PlanText[], dir: string, locale: Locale, marking: MarkingTexts) {
    const base = textsFor(locale);
    const workspace = await loadTexts(files, { today: TODAY, locale, marking, cwd: dir });
    const plan = workspace.plan();
    const located = workspace.located();
    const subjects = { diagnostics: located.diagnostics.map(f => f.about), waived: located.waived.map(f => f.about) };
    const plain = [...plan.diagnostics, ...plan.waived].map(d => marking.plain(d.message));
    return { plain, redacted: redactPlan(plan, subjects, messageRedaction(marking, base)) };
}

/** Texts that count every template filled and every list, quote or chain made in plain form. */
function counted(base: Texts): { texts: Texts; filled: () => number } {
    let filled = 0;
    const joined =
        (join: (items: readonly string[]) => string) =>
        (items: readonly string[]): string => {
            if (items.length) filled++;
            return join(items);
        };
    type Say = (key: MessageKey, params?: Readonly<Record<string, ParamValue>>) => string;
    const t: Say = (key, params) => {
        if (params) filled++;
        return (base.t as Say)(key, params);
    };
    const texts: Texts = {
        ...base,
        t: t as Texts['t'],
        and: joined(base.and),
        or: joined(base.or),
        list: joined(base.list),
        chain: joined(base.chain),
        quote: text => joined(items => base.quote(items[0]!))([text]),
    };
    return { texts, filled: () => filled };
}

/** Whole lines of plan text a random edit puts in: a block left open or closed early, a value written again. */
const INSERTS = ['}', 'customer', '    contact x "X" {', '    support 3 support 2', '"', 'waive stale-contact', ''];

/** A generated workspace with random lines deleted, doubled or replaced: syntax errors, duplicates and unknown ids. */
const workspaceArb = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    edits: fc.array(fc.record({ file: fc.nat(), line: fc.nat(), kind: fc.constantFrom('delete', 'double', 'insert'), insert: fc.constantFrom(...INSERTS) }), {
        maxLength: 5,
    }),
});

function editedWorkspace({ seed, edits }: typeof workspaceArb extends fc.Arbitrary<infer T> ? T : never, dir: string): PlanText[] {
    const files = filesOf(generateWorkspace(dir, { seed, fileCount: 3, totalLines: 700 }).dir);
    for (const edit of edits) {
        const file = files[edit.file % files.length]!;
        const lines = file.text.split('\n');
        const at = edit.line % lines.length;
        if (edit.kind === 'delete') lines.splice(at, 1);
        else if (edit.kind === 'double') lines.splice(at, 0, lines[at]!);
        else lines.splice(at, 0, edit.insert);
        file.text = lines.join('\n');
    }
    return files;
}

describe('messages said once, in the form asked for', () => {
    for (const locale of LOCALES)
        it(`${locale}: the direct path redacts random workspaces as the record path does`, async () => {
            let findings = 0;
            let run = 0;
            await fc.assert(
                fc.asyncProperty(workspaceArb, async workspace => {
                    const dir = path.join(root, `${locale}-${run++}`);
                    const files = editedWorkspace(workspace, dir);
                    const byRecord = await exported(files, dir, locale, markingTexts(textsFor(locale)));
                    const direct = markingTexts(textsFor(locale), { direct: true });
                    const byStandIn = await exported(files, dir, locale, direct);
                    findings += byRecord.plain.length;
                    expect(byStandIn.redacted).toEqual(byRecord.redacted);
                    // a stand-in said plainly is the message the checks say
                    expect(byStandIn.plain).toEqual(byRecord.plain);
                    expect(JSON.stringify(byStandIn.redacted)).not.toContain('\uE001');
                    rmSync(dir, { recursive: true, force: true });
                }),
                { seed: 20261207, numRuns: 12 },
            );
            expect(findings).toBeGreaterThan(300);
        }, 300_000);

    const WORKSPACES: Record<string, () => string> = {
        examples: () => new URL('../../examples/', import.meta.url).pathname,
        generated: () => generateWorkspace(path.join(root, 'generated'), { seed: 20261122, fileCount: 12, totalLines: 4_000 }).dir,
    };
    for (const [name, dirOf] of Object.entries(WORKSPACES))
        for (const locale of LOCALES)
            it(`${name}, ${locale}: no message is said plainly while the plan is checked, and none is left a stand-in`, async () => {
                const dir = dirOf();
                const spy = counted(textsFor(locale));
                const marking = markingTexts(spy.texts, { direct: true });
                const workspace = await loadTexts(filesOf(dir), { today: TODAY, locale, marking, cwd: dir });
                const plan = workspace.plan();
                workspace.located();
                // no two findings tie before their message here: not one template filled in plain form
                expect(plan.diagnostics.length).toBeGreaterThan(10);
                expect(spy.filled()).toBe(0);
                for (const d of plan.diagnostics) expect(d.message.startsWith('\uE001')).toBe(true);
                const { plan: redacted } = redactPlan(
                    plan,
                    { diagnostics: workspace.located().diagnostics.map(f => f.about), waived: workspace.located().waived.map(f => f.about) },
                    messageRedaction(marking, spy.texts),
                    { inPlace: true },
                );
                expect(JSON.stringify(redacted)).not.toContain('\uE001');
            }, 120_000);

    it('orders findings that tie before their message by the message as it reads', () => {
        const marking = markingTexts(textsFor('en'), { direct: true });
        const at = { file: 'a.acct', line: 3, column: 5, severity: 'warning', code: 'unknown-support', subject: null } as const;
        // said in this order, the stand-ins sort the other way round than the messages read
        const later = marking.texts.t('check.noPowerMap', { opportunity: 'zeta' });
        const earlier = marking.texts.t('check.noPowerMap', { opportunity: 'alpha' });
        const findings: DiagnosticJson[] = [
            { ...at, message: later },
            { ...at, message: earlier },
        ];
        expect(byPlace(findings[0]!, findings[1]!, marking.plain)).toBeGreaterThan(0);
        expect(marking.plain(earlier)).toBe(textsFor('en').t('check.noPowerMap', { opportunity: 'alpha' }));
    });

    it('give the same stand-in for the same text without parameters and the same quoted name (the checks compare them)', () => {
        const { texts, plain } = markingTexts(textsFor('zh-CN'), { direct: true });
        expect(texts.t('syntax.missingClose')).toBe(texts.t('syntax.missingClose'));
        expect(texts.quote('王磊')).toBe(texts.quote('王磊'));
        expect(texts.quote('王磊')).not.toBe(texts.quote('陆平'));
        expect(plain(texts.quote('王磊'))).toBe('“王磊”');
        // an empty list says nothing, as the language's texts do
        expect(texts.and([])).toBe('');
        // a name that looks like a stand-in is not one
        expect(plain('\uE0010:')).toBe('\uE0010:');
    });
});
