/**
 * A plan with hundreds of thousands of syntax errors (3.4 MB of unclosed customers: 200,000) is
 * checked like any other: no step may spread its errors into one call's arguments, which
 * overflows the stack (the decision-chain check's `Math.max(...errors)` did: the whole check
 * became one internal-error finding; so did `acct history`'s text and markdown of such a commit).
 */
import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { UnresolvedReferences } from '../../server/src/language/references/unresolved-references.js';
import { formatHistoryMarkdown, formatHistoryText, type HistoryReport } from '../../server/src/contract/history-report.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';
import { ENGLISH_TEXTS } from '../../server/src/method/index.js';
import { buildWorkspace, TEAM } from './helpers.js';

/** An opportunity whose decision chain lost its `}`: the chain swallows `competitors nokia`. */
const PLAN = `customer cmgd "China Mobile Guangdong" {
    contact zhang "Zhang Wei" { role approver support 1 }
    contact li "Li Na" { role evaluator support -1 }
    opportunity core5g "5G core expansion" {
        stage opportunity
        decision-chain { zhang  li evaluator support -1
        competitors nokia
    }
    activity hqvisit "Headquarters visit" { kind hq-visit date 2026-12-05 with li status planned }
}
`;
describe('a megabyte of syntax errors (issue 17)', () => {
    it('the chains that swallowed the lines after them are found past 500,000 parse errors', async () => {
        const w = await buildWorkspace({ 'plan.acct': PLAN, 'team.acct': TEAM });
        const document = w.docs['plan.acct'] as LangiumDocument;
        const unresolved = new UnresolvedReferences(w.Acct);
        const words = (d: LangiumDocument) => unresolved.swallowed(d).map(s => s.word);
        expect(words(document)).toEqual(['competitors']);
        const errors = document.parseResult.parserErrors;
        const first = errors[0]!;
        // as many errors again as a few megabytes of unclosed customers make, each before the chain's last
        for (let i = 0; i < 500_000; i++) errors.push({ ...first, token: { ...first.token, startOffset: 0 } });
        expect(words(document)).toEqual(['competitors']);
    });

    it("acct history's text and markdown list each of 400,000 new findings of one commit", () => {
        const finding: DiagnosticJson = {
            file: 'plan.acct',
            line: 1,
            column: 17,
            severity: 'error',
            code: 'syntax',
            message: 'A `}` is missing.',
            subject: null,
        };
        const report: HistoryReport = {
            since: null,
            until: 'HEAD',
            commits: [
                {
                    commit: 'f'.repeat(40),
                    date: '2026-01-02T03:04:05Z',
                    author: 'Eve',
                    message: 'a plan of unclosed customers',
                    changes: [],
                    newFindings: Array.from({ length: 400_000 }, () => finding),
                    resolvedFindings: [],
                    changedFindings: [],
                    unchecked: 0,
                    counts: { error: 400_000, warning: 0, info: 0 },
                },
            ],
        };
        const count = (text: string, start: string) => text.split('\n').filter(line => line.startsWith(start)).length;
        expect(count(formatHistoryText(report, ENGLISH_TEXTS), '  + ')).toBe(400_000);
        expect(count(formatHistoryMarkdown(report, ENGLISH_TEXTS), '- + ')).toBe(400_000);
    });
});
