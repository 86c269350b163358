/**
 * The date-driven checks of a node run without a promise unless one of them awaits
 * (findings-for-dates.ts, runDateChecks): a check that awaits still has its findings, and the
 * checks after it theirs, in the order of the checks, and the node's outcome is not kept as
 * holding on other days (the dates read after an await are not told); a node whose checks do not
 * await keeps the days its outcome holds on.
 */
import { describe, expect, it } from 'vitest';
import type { AstNode, ValidationAcceptor, ValidationCheck } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { runDateChecks, type FindingsOfADate } from '../../server/src/language/validation/findings-for-dates.js';
import type { AcctValidationRegistry } from '../../server/src/language/validation/acct-validation-registry.js';
import { dayNumber } from '../../server/src/method/index.js';
import { Cancellation } from 'langium';

const finding = (message: string) => ({ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, code: 'x' }) as Diagnostic;

describe('the date-driven checks of a node', () => {
    it('give every check’s findings in order, whether one awaits or not', async () => {
        const root = { $type: 'Workspace', declarations: [] as AstNode[] } as unknown as AstNode;
        const late = { $type: 'Late', $container: root } as unknown as AstNode;
        const plain = { $type: 'Plain', $container: root } as unknown as AstNode;
        (root as unknown as { declarations: AstNode[] }).declarations.push(late, plain);
        const found: Diagnostic[] = [];
        const say =
            (message: string): ValidationCheck =>
            () => {
                dayNumber('2026-01-10');
                found.push(finding(message));
            };
        const awaiting: ValidationCheck = async () => {
            await new Promise(resolve => setTimeout(resolve, 1));
            found.push(finding('awaited'));
        };
        const checks: Record<string, ValidationCheck[]> = { Late: [say('first'), awaiting, say('after')], Plain: [say('plain')] };
        const registry = { dateChecksFor: (type: string) => checks[type] ?? [] } as unknown as AcctValidationRegistry;
        const kept = { root, outcomes: new Map(), ranges: new WeakMap() } as unknown as FindingsOfADate;
        const thresholds = { staleContactDays: 90, tierReviewDays: 180 };
        await runDateChecks(kept, registry, '2026-03-01', thresholds, (() => undefined) as ValidationAcceptor, found, Cancellation.CancellationToken.None);
        expect(found.map(d => d.message)).toEqual(['first', 'awaited', 'after', 'plain']);
        expect(kept.outcomes.get(late)!.quiet).toBeNull();
        expect(kept.outcomes.get(late)!.findings.map(d => d.message)).toEqual(['first', 'awaited', 'after']);
        expect(kept.outcomes.get(plain)!.quiet).not.toBeNull();
    });
});
