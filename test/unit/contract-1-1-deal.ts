/**
 * The deal the contract-1.1 tests start from (healthy under v1 and 1.1), the team it names, and
 * how they check a variant of it: edits that must each hit exactly once, the workspace with
 * "today", the codes found, and exactly one finding of a code.
 */
import { expect } from 'vitest';
import { buildWorkspace, summary, type TestWorkspace } from './helpers.js';

export const TEAM = `member alice "Alice Chen"
member bob "Bob Li"
member carol "Carol Wu"
competitor nokia "Nokia"
competitor rival "Rival Corp"
`;

/**
 * An active deal whose power map is healthy under v1 and 1.1: every person with a recorded
 * contact and an owner. Tests replace pieces of it.
 */
export const DEAL = `customer acme "Acme" {
    standing 3 cooperation 3 tier value reviewed 2026-06-01
    contact dana "Dana" {
        role decision-maker support 2 intimacy 1 last-contact 2026-11-01 owner alice
    }
    contact li "Li Na" {
        role evaluator support 1 intimacy 1 last-contact 2026-11-01 owner bob
    }
    contact bo "Bo" {
        role approver support 1 intimacy 0 last-contact 2026-11-01 owner carol
    }
    opportunity x "Expansion" {
        stage bid budget 1M CNY start 2027-01-01
        team { ar alice sr bob fr carol }
        decision-chain { dana li bo }
        competitors rival
        value-proposition { strengths "the reference site in their province" }
    }
}
`;

export function deal(...edits: Array<[string, string]>): string {
    let text = DEAL;
    for (const [from, to] of edits) {
        if (text.split(from).length !== 2) throw new Error(`'${from}' must occur exactly once`);
        text = text.replace(from, to);
    }
    return text;
}

export async function check(plan: string, team = TEAM, today = '2026-11-22'): Promise<TestWorkspace> {
    return buildWorkspace({ 'team.acct': team, 'plan.acct': plan }, { today });
}

export function codes(w: TestWorkspace): string[] {
    return w
        .findings()
        .map(f => f.code)
        .sort();
}

export function only(w: TestWorkspace, code: string) {
    const found = w.withCode(code);
    expect(found, `expected one ${code}, got:\n${summary(w.findings())}`).toHaveLength(1);
    return found[0]!;
}
