/** Checks on the codes that `waive` and `severity` name (contract 1.1, section 6.3). */
import type { AstNode, ValidationAcceptor } from 'langium';
import { GrammarUtils } from 'langium';
import type { SeverityRule, Waiver } from '../../generated/ast.js';
import { ISSUE_CODES, isAdjustable, isIssueCode, isWaivable, IssueCodes, type Texts } from '../../../method/index.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import { report } from './report.js';

export class CodeChecks {
    constructor(private readonly settings: AcctSettings) {}

    readonly waivableCode = (waiver: Waiver, accept: ValidationAcceptor): void => {
        const texts = this.settings.texts();
        if (!writtenAsOneWord(waiver, accept, texts)) return;
        const problem = !isIssueCode(waiver.code)
            ? unknownCode(waiver.code, texts)
            : !isWaivable(waiver.code)
              ? texts.t(waiver.code === 'unused-waiver' || waiver.code === 'expired-waiver' ? 'check.code.notWaivableWaiver' : 'check.code.notWaivableFixed', {
                    code: waiver.code,
                })
              : undefined;
        if (problem) report(accept, { code: IssueCodes.InvalidCode, node: waiver, where: { property: 'code' }, message: problem });
    };

    readonly adjustableCode = (rule: SeverityRule, accept: ValidationAcceptor): void => {
        const texts = this.settings.texts();
        if (!writtenAsOneWord(rule, accept, texts)) return;
        const problem = !isIssueCode(rule.code)
            ? unknownCode(rule.code, texts)
            : !isAdjustable(rule.code)
              ? texts.t('check.code.notAdjustable', { code: rule.code })
              : undefined;
        if (problem) report(accept, { code: IssueCodes.InvalidCode, node: rule, where: { property: 'code' }, message: problem });
    };
}

/** `stale - contact` parses as a code; it is written as one word. */
function writtenAsOneWord(node: AstNode & { code: string }, accept: ValidationAcceptor, texts: Texts): boolean {
    if (node.code === undefined) return false; // a syntax error already says what is missing
    const text = GrammarUtils.findNodeForProperty(node.$cstNode, 'code')?.text ?? node.code;
    if (text === node.code) return true;
    report(accept, {
        code: IssueCodes.Syntax,
        node,
        where: { property: 'code' },
        message: texts.t('check.code.oneWord', { code: node.code }),
    });
    return false;
}

function unknownCode(code: string, texts: Texts): string {
    const near = closest(code);
    return near ? texts.t('check.code.unknownNear', { code, near }) : texts.t('check.code.unknown', { code });
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
