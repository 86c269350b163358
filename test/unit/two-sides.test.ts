/**
 * `acct diff` between two revisions checks one workspace (loadTextsThen): the first side in full,
 * the second as an update of it, only the files that differ checked again. Each side's plan must
 * be what a full check of that side alone gives — files changed, added, removed, an id declared
 * twice across files, a member removed that other files name, the team file changed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadTexts, loadTextsThen, type PlanText } from '../../server/src/node/workspace-loader.js';
import { diffPlans } from '../../server/src/contract/plan-diff.js';

const customer = (id: string) =>
    fc
        .record({
            owner: fc.constantFrom('alice', 'bob', 'carol'),
            support: fc.constantFrom(-1, 0, 1, 2),
            contact: fc.constantFrom('wang', 'li', 'zhao'),
            lastContact: fc.constantFrom('2026-01-10', '2026-10-01', '2026-11-20'),
            stage: fc.constantFrom('lead', 'opportunity', 'bid'),
        })
        .map(
            c => `customer ${id} "${id.toUpperCase()}" {
    tier value standing 3 cooperation 3 reviewed 2026-06-01
    contact ${c.contact} "Contact" { role decision-maker support ${c.support} last-contact ${c.lastContact} owner ${c.owner} }
    opportunity deal "Deal" {
        stage ${c.stage} budget 1M CNY start 2027-03-01
        decision-chain { ${c.contact} }
    }
}
`,
        );

const team = fc.subarray(['alice', 'bob', 'carol'], { minLength: 1 }).map(ids => ids.map(id => `member ${id} "${id}"\n`).join(''));

/** A side: the team file and a few customer files, some of them possibly declaring the same customer. */
const side = fc
    .record({
        team,
        files: fc.array(fc.record({ name: fc.constantFrom('a', 'b', 'c', 'd'), id: fc.constantFrom('acme', 'beta', 'gamma') }), { maxLength: 4 }),
        texts: fc.array(fc.tuple(customer('acme'), customer('beta'), customer('gamma')), { minLength: 4, maxLength: 4 }),
    })
    .map(({ team, files, texts }): PlanText[] => {
        const byName = new Map<string, string>();
        files.forEach(({ name, id }, i) => byName.set(`/ws/${name}.acct`, texts[i]![id === 'acme' ? 0 : id === 'beta' ? 1 : 2]));
        return [{ file: '/ws/team.acct', text: team }, ...[...byName].map(([file, text]) => ({ file, text }))];
    });

describe('acct diff between two revisions: one workspace, the second side an update of the first', () => {
    it('a file the two sides share gives the same objects on both, converted once', async () => {
        const team = { file: '/ws/team.acct', text: 'member alice "Alice"\n' };
        const acme = (support: number) => ({
            file: '/ws/acme.acct',
            text: `customer acme "ACME" {\n    tier value standing 3 cooperation 3 reviewed 2026-06-01\n    contact wang "Wang" { role decision-maker support ${support} last-contact 2026-01-10 owner alice }\n}\n`,
        });
        // beta holds a finding (its tier reviewed long ago) on both sides
        const beta = { file: '/ws/beta.acct', text: acme(1).text.replaceAll('acme', 'beta').replaceAll('ACME', 'BETA').replace('2026-06-01', '2025-06-01') };
        const shared = await loadTextsThen([team, acme(1), beta], [team, acme(2), beta], { today: '2026-11-22', cwd: '/ws' });
        // the comparison leaves out the elements of the files whose parse is the same on both sides
        const compared = shared.compared();
        expect(compared.before.customers.map(c => c.id)).toEqual(['acme']);
        expect(compared.after.customers.map(c => c.id)).toEqual(['acme']);
        expect(compared.before.members).toEqual([]);
        expect(compared.after.diagnostics.length).toBeGreaterThan(0);
        const [before, after] = [shared.first(), shared.then.plan()];
        expect(after.customers.find(c => c.id === 'beta')).toBe(before.customers.find(c => c.id === 'beta'));
        expect(after.customers.find(c => c.id === 'acme')).not.toBe(before.customers.find(c => c.id === 'acme'));
        const { before: was, after: is } = compared.byFile;
        expect(is.get('beta.acct')).toBe(was.get('beta.acct'));
        expect(is.get('beta.acct')!.diagnostics.length).toBeGreaterThan(0);
        expect(is.get('acme.acct')).not.toBe(was.get('acme.acct'));
    });

    it('an id a changed file shares with a file that did not change: the comparison takes every file', async () => {
        const acme = (support: number) =>
            `customer acme "ACME" {\n    tier value standing 3 cooperation 3 reviewed 2026-06-01\n    contact wang "Wang" { role decision-maker support ${support} last-contact 2026-01-10 owner alice }\n}\n`;
        const team = { file: '/ws/team.acct', text: 'member alice "Alice"\n' };
        const z = { file: '/ws/z.acct', text: acme(2) };
        const options = { today: '2026-11-22', cwd: '/ws' };
        const revisions = { from: 'a', to: 'b' };
        // a.acct (first by path, so its acme counts) is removed, then changed: z.acct's acme counts on the later side
        for (const then of [
            [team, z],
            [team, { file: '/ws/a.acct', text: acme(0) }, z],
        ]) {
            const first = [team, { file: '/ws/a.acct', text: acme(1) }, z];
            const { before, after, byFile } = (await loadTextsThen(first, then, options)).compared();
            const whole = diffPlans((await loadTexts(first, options)).plan(), (await loadTexts(then, options)).plan(), revisions);
            expect(diffPlans(before, after, revisions, new Map(), byFile)).toEqual(whole);
            expect(after.customers.length).toBe(then.length - 1);
        }
    });

    it('a shared file whose finding has the subject of a finding of a changed file is compared with the others', () => {
        const finding = (file: string) => ({
            file,
            line: 1,
            column: 1,
            severity: 'warning' as const,
            code: 'stale-tier-review',
            message: 'old',
            subject: 'customer:acme' as const,
        });
        const shared = { diagnostics: [finding('z.acct')] };
        const empty = {
            format: 'acct-plan' as const,
            version: 1 as const,
            today: '2026-11-22',
            files: [],
            members: [],
            competitors: [],
            customers: [],
            waived: [],
        };
        const before = { ...empty, diagnostics: [...shared.diagnostics] };
        const after = { ...empty, diagnostics: [finding('b.acct'), ...shared.diagnostics] };
        const byFile = {
            before: new Map([['z.acct', shared]]),
            after: new Map([
                ['b.acct', { diagnostics: [after.diagnostics[0]!] }],
                ['z.acct', shared],
            ]),
        };
        const revisions = { from: 'a', to: 'b' };
        const full = diffPlans(before, after, revisions);
        // matched in order of place: the earlier finding of z.acct meets b.acct's, and z.acct's is the new one
        expect(full.newFindings).toEqual([finding('z.acct')]);
        expect(diffPlans(before, after, revisions, new Map(), byFile)).toEqual(full);
    });

    it('each side is what a full check of it alone gives', async () => {
        await fc.assert(
            fc.asyncProperty(side, side, fc.boolean(), async (first, second, keepSome) => {
                // often the second side keeps some files of the first as they were
                const then = keepSome ? [...second.filter(p => !first.some(f => f.file === p.file)), ...first.slice(0, 2)] : second;
                const options = { today: '2026-11-22', cwd: '/ws' };
                const shared = await loadTextsThen(first, then, options);
                const [alone, thenAlone] = [(await loadTexts(first, options)).plan(), (await loadTexts(then, options)).plan()];
                // the diff that skips what the two sides share (the elements of the files that did not
                // change, the findings that are the same objects) is the diff of the two full checks
                const { before, after, byFile } = shared.compared();
                const revisions = { from: 'a', to: 'b' };
                expect(diffPlans(before, after, revisions, new Map(), byFile)).toEqual(diffPlans(alone, thenAlone, revisions));
                expect(shared.first()).toEqual(alone);
                expect(shared.then.plan()).toEqual(thenAlone);
            }),
            { numRuns: 40 },
        );
    });
});
