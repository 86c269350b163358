/**
 * A file's findings written for the export when a few of them changed (plan/plan-by-file.ts,
 * `realigned`): `acct history` re-checks a file for a new day and only its "N days ago" findings
 * are new objects, so the last list's written findings and order are amended where the findings
 * differ. It must give what writing and sorting the whole list gives (`diagnostics.map(json)
 * .sort(byPlace)`, a stable sort), the same objects for the findings that did not change, for
 * random lists with ties of place, code and message, random replacements (new objects, the same
 * object with another severity or message set in place) — or decline (other lengths, many changes).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { aligned, realigned } from '../../server/src/plan/plan-by-file.js';
import { byPlace } from '../../server/src/contract/findings.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import type { Workspace } from '../../server/src/language/generated/ast.js';

/** Few lines, columns, codes and messages: many findings tie on all of them but their index. */
const finding = fc.record({
    line: fc.nat(4),
    character: fc.nat(2),
    code: fc.constantFrom('stale-contact', 'overdue-activity', 'syntax'),
    message: fc.constantFrom('12 days ago', '13 days ago', 'x'),
    severity: fc.constantFrom(1, 2, 3),
});
type Drawn = { line: number; character: number; code: string; message: string; severity: number };
const diagnostic = (f: Drawn): Diagnostic => ({
    range: { start: { line: f.line, character: f.character }, end: { line: f.line, character: f.character + 1 } },
    code: f.code,
    message: f.message,
    severity: f.severity as Diagnostic['severity'],
});

/** One change of the list: a new finding at a place, or the finding there given another severity or message in place. */
const change = fc.record({ at: fc.nat(), kind: fc.constantFrom('new', 'severity', 'message'), to: finding });

describe('a few findings of a file written again (acct history)', () => {
    it('gives what writing and sorting the whole list gives', () => {
        const root = {} as Workspace;
        fc.assert(
            fc.property(
                fc.array(finding, { maxLength: 60 }),
                fc.array(fc.array(change, { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
                (first, rounds) => {
                    const written = new WeakMap<Diagnostic, { severity: unknown; message: unknown; json: DiagnosticJson }>();
                    // as PlanByFile's json: the same object while the finding's severity and message are those it was written with
                    const json = (d: Diagnostic): DiagnosticJson => {
                        const known = written.get(d);
                        if (known && known.severity === d.severity && known.message === d.message) return known.json;
                        const made = {
                            file: 'a.acct',
                            line: d.range.start.line + 1,
                            column: d.range.start.character + 1,
                            severity: String(d.severity),
                            code: String(d.code),
                            message: String(d.message),
                        } as DiagnosticJson;
                        written.set(d, { severity: d.severity, message: d.message, json: made });
                        return made;
                    };
                    let list = first.map(diagnostic);
                    let last = aligned(root, 'a.acct', list, json);
                    expect(last.order.map(i => last.jsons[i])).toEqual(list.map(json).sort(byPlace));
                    for (const changes of rounds) {
                        list = list.slice();
                        for (const { at, kind, to } of changes) {
                            if (list.length === 0) break;
                            const i = at % list.length;
                            if (kind === 'new') list[i] = diagnostic(to);
                            else if (kind === 'severity') list[i]!.severity = to.severity as Diagnostic['severity'];
                            else list[i]!.message = to.message;
                        }
                        // declined only when more than half the places changed (then written whole, as PlanByFile does)
                        const again = realigned(last, list, json) ?? (list.length >= 2 * changes.length + 1 ? undefined : aligned(root, 'a.acct', list, json));
                        expect(again).toBeDefined();
                        const expected = list.map(json).sort(byPlace);
                        const got = again!.order.map(i => again!.jsons[i]);
                        // the same objects in the same order (identity: what the step's shortcuts rely on)
                        expect(got.length).toBe(expected.length);
                        got.forEach((d, k) => expect(d).toBe(expected[k]));
                        last = again!;
                    }
                    // another length: not amended
                    expect(
                        realigned(last, [...list, diagnostic(first[0] ?? { line: 0, character: 0, code: 'x', message: 'x', severity: 1 })], json),
                    ).toBeUndefined();
                },
            ),
            { numRuns: 400, seed: 20261207 },
        );
    });

    it('declines when more than half the findings changed', () => {
        const root = {} as Workspace;
        const json = (d: Diagnostic) => ({ file: 'a.acct', line: d.range.start.line, column: 1, code: String(d.code), message: d.message }) as DiagnosticJson;
        const list = Array.from({ length: 100 }, (_, i) => diagnostic({ line: i, character: 0, code: 'c', message: 'm', severity: 1 }));
        const last = aligned(root, 'a.acct', list, json);
        const renewed = list.map(d => ({ ...d }));
        expect(realigned(last, renewed, json)).toBeUndefined();
        expect(realigned(last, list.slice(), json)!.order).toEqual(last.order);
    });
});
