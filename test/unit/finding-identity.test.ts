/** Contract 7.4, the pure rule: `compareFindings` pairs, changes and leaves unchecked. */
import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../server/src/contract/plan-diff.js';
import type { DiagnosticJson } from '../../server/src/contract/plan-types.js';

const d = (
    file: string,
    line: number,
    code: string,
    message: string,
    subject: DiagnosticJson['subject'],
    severity: DiagnosticJson['severity'] = 'warning',
): DiagnosticJson => ({ file, line, column: 1, severity, code, message, subject });

describe('compareFindings', () => {
    it('matches by subject, code and message whatever the file and line', () => {
        const r = compareFindings([d('a.acct', 3, 'x', 'm', 'customer:c')], [d('b.acct', 9, 'x', 'm', 'customer:c')]);
        expect(r).toEqual({ newFindings: [], resolvedFindings: [], changedFindings: [], unchecked: 0 });
    });

    it('pairs the unmatched of one subject and code in order of position; the rest are new or resolved', () => {
        const before = [d('a', 1, 'x', 'one', 'contact:c/w'), d('a', 2, 'x', 'two', 'contact:c/w'), d('a', 3, 'y', 'gone', 'contact:c/w')];
        const after = [
            d('a', 1, 'x', 'uno', 'contact:c/w'),
            d('a', 2, 'x', 'dos', 'contact:c/w'),
            d('a', 3, 'x', 'tres', 'contact:c/w'),
            d('a', 4, 'x', 'one', 'contact:c/v'),
        ];
        const r = compareFindings(before, after);
        expect(r.changedFindings.map(c => `${c.from.message}→${c.to.message}`)).toEqual(['one→uno', 'two→dos']);
        expect(r.newFindings.map(f => f.message)).toEqual(['tres', 'one']); // another subject is another finding
        expect(r.resolvedFindings.map(f => f.message)).toEqual(['gone']);
    });

    it('a matched pair whose severity differs is changed', () => {
        const r = compareFindings([d('a', 1, 'x', 'm', null, 'info')], [d('a', 1, 'x', 'm', null, 'error')]);
        expect(r.changedFindings).toHaveLength(1);
        expect([r.newFindings, r.resolvedFindings]).toEqual([[], []]);
    });

    it('unchecked: a subject inside a declaration holding a syntax error, or in a file that no longer parses', () => {
        const before = [
            d('a', 1, 'x', 'm1', 'contact:c/w'),
            d('a', 2, 'y', 'm2', 'customer:c'),
            d('a', 3, 'z', 'm3', 'member:m'),
            d('b', 1, 'z', 'm4', 'customer:e'),
        ];
        const after = [d('a', 5, 'syntax', 'bad', 'opportunity:c/o', 'error'), d('b2', 1, 'syntax', 'garbage', null, 'error')];
        const r = compareFindings(before, after, new Map([['b', 'b2']]));
        expect(r.unchecked).toBe(3);
        expect(r.resolvedFindings.map(f => f.message)).toEqual(['m3']);
        expect(r.newFindings.map(f => f.code)).toEqual(['syntax', 'syntax']);
    });
});

describe('plan text in the text reports', () => {
    it('a control character (a terminal escape in a title) is written visibly, never sent to the terminal', async () => {
        const { formatDiffText } = await import('../../server/src/contract/diff-report.js');
        const { formatHistoryText } = await import('../../server/src/contract/history-report.js');
        const { ENGLISH_TEXTS } = await import('../../server/src/method/index.js');
        const change = { kind: 'changed' as const, element: 'contact' as const, customer: 'c', id: 'x', field: 'title', from: 'a\u001b[31m', to: 'b\u009b2J' };
        const diff = { from: 'A', to: 'B', changes: [change], newFindings: [], resolvedFindings: [], changedFindings: [], unchecked: 0 };
        const text = formatDiffText(diff, ENGLISH_TEXTS);
        expect(text).toContain('c/x: title a\\u001b[31m → b\\u009b2J');
        expect(text).not.toMatch(/[\u001b\u009b]/);
        const story = formatHistoryText(
            {
                since: null,
                until: 'HEAD',
                commits: [
                    {
                        commit: 'f'.repeat(40),
                        date: '2026-01-02T03:04:05Z',
                        author: 'Eve\u001b]0;x\u0007',
                        message: 'm',
                        changes: [change],
                        newFindings: [],
                        resolvedFindings: [],
                        changedFindings: [],
                        unchecked: 0,
                        counts: { error: 0, warning: 0, info: 0 },
                    },
                ],
            },
            ENGLISH_TEXTS,
        );
        expect(story).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    });
});
