/**
 * What a waiver or a policy severity does today, in words: for the hover on a `waive` or
 * `severity` line and the code lens over a declaration whose findings are waived.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeverityRule, Waiver } from '../language/generated/ast.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import { messageText } from '../language/validation/finding-data.js';
import type { WorkspaceFacts } from '../language/workspace/workspace-facts.js';
import { isAdjustable, isIssueCode, issueCatalog, isWaivable, type DeclarationKind, type Texts } from '../method/index.js';

const LISTED = 5;

export function describeWaiver(waiver: Waiver, policy: FindingPolicy, today: string, texts: Texts): string {
    const head = texts.t('hover.waiver.head', {
        code: waiver.code,
        reason: waiver.reason ? texts.t('hover.waiver.reason', { reason: waiver.reason }) : texts.t('hover.waiver.noReason'),
    });
    if (!isIssueCode(waiver.code) || !isWaivable(waiver.code)) {
        return `${head}\n\n${texts.t('hover.waiver.notACode', { code: waiver.code })}`;
    }
    const declaration = waiver.$container.$type.toLowerCase() as DeclarationKind;
    const what = texts.t('hover.waiver.what', {
        code: waiver.code,
        declaration: texts.vocabulary.declarations[declaration] ?? declaration,
        summary: texts.vocabulary.issues[waiver.code].summary,
    });
    if (waiver.until && waiver.until < today) {
        return `${head}\n\n${what}\n\n${texts.t('hover.waiver.expired', { until: waiver.until })}`;
    }
    const waived = policy.waivedBy(waiver);
    const inForce = waiver.until ? texts.t('hover.waiver.until', { until: waiver.until }) : texts.t('hover.waiver.noEnd');
    if (waived.length === 0) return `${head}\n\n${what}\n\n${texts.t('hover.waiver.nothing', { inForce })}`;
    const list = waived.slice(0, LISTED).map(d => texts.t('hover.waiver.line', { line: d.range.start.line + 1, message: shorten(messageText(d.message)) }));
    if (waived.length > LISTED) list.push(texts.t('hover.waiver.more', { count: waived.length - LISTED }));
    return `${head}\n\n${what}\n\n${texts.t('hover.waiver.waives', { inForce, count: waived.length })}\n\n${list.join('\n')}`;
}

export function describeSeverityRule(rule: SeverityRule, facts: WorkspaceFacts, texts: Texts): string {
    if (!isIssueCode(rule.code) || !isAdjustable(rule.code)) {
        return texts.t('hover.severity.notAdjustable', { code: rule.code });
    }
    const info = issueCatalog[rule.code];
    const inForce = facts.severities().get(rule.code) ?? info.severity;
    return (
        `${texts.t('hover.severity', { code: rule.code, level: rule.level, summary: texts.vocabulary.issues[rule.code].summary })}\n\n` +
        texts.t('hover.severity.inForce', { default: info.severity, inForce })
    );
}

/** One line for a code lens: which codes a declaration's waivers waive today, and why. */
export function waivedSummary(waivers: readonly Waiver[], policy: FindingPolicy, texts: Texts): string | undefined {
    const parts = waivers.flatMap(waiver => {
        const waived: readonly Diagnostic[] = policy.waivedBy(waiver);
        if (waived.length === 0) return [];
        return [
            texts.t('lens.waived.part', {
                code: waiver.code,
                count: waived.length,
                until: waiver.until ? texts.t('lens.waived.until', { until: waiver.until }) : '',
                reason: waiver.reason ? texts.t('lens.waived.reason', { reason: shorten(waiver.reason, 60) }) : '',
            }),
        ];
    });
    return parts.length ? texts.t('lens.waived', { parts: parts.join('; ') }) : undefined;
}

function shorten(text: string, max = 100): string {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
