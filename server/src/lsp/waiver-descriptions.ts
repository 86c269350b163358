/**
 * What a waiver or a policy severity does today, in words: for the hover on a `waive` or
 * `severity` line and the code lens over a declaration whose findings are waived.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SeverityRule, Waiver } from '../language/generated/ast.js';
import type { FindingPolicy } from '../language/finding-policy.js';
import type { WorkspaceFacts } from '../language/workspace-facts.js';
import { isAdjustable, isIssueCode, issueCatalog, isWaivable } from '../method/index.js';

const LISTED = 5;

export function describeWaiver(waiver: Waiver, policy: FindingPolicy, today: string): string {
    const head = `**waive ${waiver.code}** — ${waiver.reason ? `“${waiver.reason}”` : 'no reason given: say why the team accepts these findings'}`;
    if (!isIssueCode(waiver.code) || !isWaivable(waiver.code)) {
        return `${head}\n\n'${waiver.code}' is not a code a waiver may name: it waives nothing.`;
    }
    const what = `Acknowledges the ${waiver.code} findings inside this ${waiver.$container.$type.toLowerCase()} (${issueCatalog[waiver.code].summary})`;
    if (waiver.until && waiver.until < today) {
        return `${head}\n\n${what}\n\nExpired on ${waiver.until}: it waives nothing any more.`;
    }
    const waived = policy.waivedBy(waiver);
    const until = waiver.until ? `In force until ${waiver.until}` : 'In force, with no end date';
    if (waived.length === 0) return `${head}\n\n${what}\n\n${until}, but it waives nothing today: remove it.`;
    const list = waived.slice(0, LISTED).map(d => `- line ${d.range.start.line + 1}: ${shorten(d.message)}`);
    if (waived.length > LISTED) list.push(`- and ${waived.length - LISTED} more`);
    return `${head}\n\n${what}\n\n${until}; it waives ${waived.length} finding${waived.length === 1 ? '' : 's'} today:\n\n${list.join('\n')}`;
}

export function describeSeverityRule(rule: SeverityRule, facts: WorkspaceFacts): string {
    if (!isIssueCode(rule.code) || !isAdjustable(rule.code)) {
        return `**severity ${rule.code}** — '${rule.code}' is not a code whose severity may change: this line has no effect.`;
    }
    const info = issueCatalog[rule.code];
    const inForce = facts.severities().get(rule.code) ?? info.severity;
    return `**severity ${rule.code} ${rule.level}** — ${info.summary}\n\nDefault: ${info.severity}; in force in this workspace: ${inForce}.`;
}

/** One line for a code lens: which codes a declaration's waivers waive today, and why. */
export function waivedSummary(waivers: readonly Waiver[], policy: FindingPolicy): string | undefined {
    const parts = waivers.flatMap(waiver => {
        const waived: readonly Diagnostic[] = policy.waivedBy(waiver);
        if (waived.length === 0) return [];
        return [`${waiver.code} ×${waived.length}${waiver.until ? ` until ${waiver.until}` : ''}${waiver.reason ? ` (${shorten(waiver.reason, 60)})` : ''}`];
    });
    return parts.length ? `Waived: ${parts.join('; ')}` : undefined;
}

function shorten(text: string, max = 100): string {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
}
