/** Checks on the codes that `waive` and `severity` name (contract 1.1, section 6.3). */
import type { AstNode, ValidationAcceptor } from 'langium';
import { GrammarUtils } from 'langium';
import type { SeverityRule, Waiver } from '../generated/ast.js';
import { ISSUE_CODES, isAdjustable, isIssueCode, isWaivable, IssueCodes } from '../../method/index.js';
import { report } from './report.js';

export class CodeChecks {
    readonly waivableCode = (waiver: Waiver, accept: ValidationAcceptor): void => {
        if (!writtenAsOneWord(waiver, accept)) return;
        const problem = !isIssueCode(waiver.code) ? unknownCode(waiver.code)
            : !isWaivable(waiver.code) ? `'${waiver.code}' cannot be waived: ${waiver.code === 'unused-waiver' || waiver.code === 'expired-waiver'
                ? 'remove or renew the waiver instead' : 'it says the plan is wrong, not a judgement call. Fix the plan'}.`
            : undefined;
        if (problem) report(accept, { code: IssueCodes.InvalidCode, node: waiver, where: { property: 'code' }, message: problem });
    };

    readonly adjustableCode = (rule: SeverityRule, accept: ValidationAcceptor): void => {
        if (!writtenAsOneWord(rule, accept)) return;
        const problem = !isIssueCode(rule.code) ? unknownCode(rule.code)
            : !isAdjustable(rule.code) ? `The severity of '${rule.code}' cannot be changed: it says the plan is wrong, not a judgement call.`
            : undefined;
        if (problem) report(accept, { code: IssueCodes.InvalidCode, node: rule, where: { property: 'code' }, message: problem });
    };
}

/** `stale - contact` parses as a code; it is written as one word. */
function writtenAsOneWord(node: AstNode & { code: string }, accept: ValidationAcceptor): boolean {
    if (node.code === undefined) return false; // a syntax error already says what is missing
    const text = GrammarUtils.findNodeForProperty(node.$cstNode, 'code')?.text ?? node.code;
    if (text === node.code) return true;
    report(accept, {
        code: IssueCodes.Syntax, node, where: { property: 'code' },
        message: `Write the code as one word, without spaces: ${node.code}.`,
    });
    return false;
}

function unknownCode(code: string): string {
    const near = closest(code);
    return `'${code}' is not a check code${near ? `: did you mean ${near}?` : '. Use a code as the diagnostics show it, such as stale-contact.'}`;
}

/** The known code nearest to `code` by edit distance, if near enough to be a typo. */
function closest(code: string): string | undefined {
    let best: { code: string; distance: number } | undefined;
    for (const candidate of ISSUE_CODES) {
        const distance = editDistance(code, candidate);
        if (!best || distance < best.distance) best = { code: candidate, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(code.length / 4)) ? best.code : undefined;
}

function editDistance(a: string, b: string): number {
    if (Math.abs(a.length - b.length) > 8) return Infinity;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length]!;
}
