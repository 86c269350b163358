/**
 * `acct diff` as a reader sees it: one line per change that reads like a review
 * (`cmgd/wang: support 2 → 0`), then the new (+) and resolved (−) findings and a summary; or the
 * same as markdown for a pull-request comment (a summary line, a table per customer, the
 * findings). Pure, so the CLI and the editor's "Show Changes Since…" print the same report.
 */
import { moneyText, supportText, type Support } from '../method/index.js';
import type { PlanChange, PlanDiff } from './plan-diff.js';
import type { DiagnosticJson, MoneyJson } from './plan-types.js';
import { filePlace } from './findings.js';
import { SubjectKeys, type SubjectKey } from './subject-key.js';

/** Where an element is declared, as a link target (the editor gives one; a PR comment has none). */
export type LinkOf = (subject: SubjectKey) => string | undefined;

export function changeSubject(change: PlanChange): SubjectKey {
    return SubjectKeys.of(change.element, change.id, change.customer ?? undefined);
}

/** `cmgd/wang`, `cmgd`, `member alice`. */
export function elementName(change: PlanChange): string {
    if (change.element === 'member' || change.element === 'competitor') return `${change.element} ${change.id}`;
    return change.element === 'customer' ? change.id : `${change.customer}/${change.id}`;
}

/** One change as a review line. */
export function changeLine(change: PlanChange): string {
    return `${elementName(change)}: ${changeText(change)}`;
}

/** What changed, without the element: `support 2 → 0`, `contact added`, `decisionChain: deng support 1 → 0`. */
export function changeText(change: PlanChange): string {
    if (change.kind !== 'changed') return `${change.element} ${change.kind}`;
    const field = change.field!;
    const keyed = keyedLists[field];
    if (keyed) return `${field}: ${listDelta(change.from, change.to, keyed.key, keyed.text)}`;
    return `${field} ${valueText(field, change.from)} → ${valueText(field, change.to)}`;
}

type Entry = { contact: string; role: string | null; support: Support; group: string | null };
type Line = { competitor: string; support: Support };

/** Lists whose elements have a key: a reviewer reads what moved in them, not both whole lists. */
const keyedLists: Record<string, { key: (x: never) => string; text: (x: never) => string }> = {
    decisionChain: {
        key: (e: Entry) => e.contact,
        text: (e: Entry) => [e.role ?? 'no role', `support ${supportText(e.support)}`, e.group].filter(Boolean).join(', '),
    },
    competitorSupport: { key: (l: Line) => l.competitor, text: (l: Line) => `support ${supportText(l.support)}` },
};

function listDelta(from: unknown, to: unknown, key: (x: never) => string, text: (x: never) => string): string {
    const before = new Map(((from ?? []) as never[]).map(x => [key(x), text(x)]));
    const after = new Map(((to ?? []) as never[]).map(x => [key(x), text(x)]));
    const parts: string[] = [];
    for (const [k, now] of after) {
        const was = before.get(k);
        if (was === undefined) parts.push(`+ ${k} (${now})`);
        else if (was !== now) parts.push(`${k} ${was} → ${now}`);
    }
    for (const k of before.keys()) if (!after.has(k)) parts.push(`− ${k}`);
    // same members and values, another order
    return parts.length ? parts.join('; ') : `${[...after.keys()].join(', ')} (reordered)`;
}

export function findingText(d: DiagnosticJson): string {
    return `${d.severity} ${d.code}: ${d.message} (${filePlace(d.file)}:${d.line}:${d.column})`;
}

export function diffSummary(diff: PlanDiff): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const count = (list: DiagnosticJson[], severity: string) => list.filter(d => d.severity === severity).length;
    const news = diff.newFindings;
    const detail = news.length ? ` (${plural(count(news, 'error'), 'error')}, ${plural(count(news, 'warning'), 'warning')}, ${count(news, 'info')} info)` : '';
    return `${plural(diff.changes.length, 'change')} from ${diff.from} to ${diff.to ?? 'the files on disk'}: `
        + `${news.length} new finding${news.length === 1 ? '' : 's'}${detail}, ${diff.resolvedFindings.length} resolved.`;
}

export function formatDiffText(diff: PlanDiff): string {
    return [
        ...diff.changes.map(changeLine),
        ...diff.newFindings.map(d => `+ ${findingText(d)}`),
        ...diff.resolvedFindings.map(d => `- ${findingText(d)}`),
        diffSummary(diff),
    ].join('\n') + '\n';
}

export function formatDiffMarkdown(diff: PlanDiff, linkOf: LinkOf = () => undefined): string {
    const lines = [`### Account plan changes`, '', diffSummary(diff), ''];
    const groups = new Map<string, PlanChange[]>();
    for (const change of diff.changes) {
        const group = change.customer === null ? 'Team and competitors' : `Customer \`${change.customer}\``;
        const list = groups.get(group);
        if (list) list.push(change); else groups.set(group, [change]);
    }
    for (const [group, changes] of groups) {
        lines.push(`#### ${group}`, '', '| element | change |', '|---|---|');
        for (const change of changes) {
            const name = cell(elementName(change));
            const link = change.kind === 'removed' ? undefined : linkOf(changeSubject(change));
            lines.push(`| ${link ? `[${name}](${link})` : name} | ${cell(changeText(change))} |`);
        }
        lines.push('');
    }
    const findings = (title: string, list: DiagnosticJson[]) => list.length === 0 ? [] : [
        `#### ${title}`, '', ...list.map(d => `- **${d.severity}** \`${d.code}\` ${markdownText(d.message)} (\`${d.file}:${d.line}\`)`), '',
    ];
    lines.push(...findings('New findings', diff.newFindings), ...findings('Resolved findings', diff.resolvedFindings));
    return lines.join('\n');
}

/** A field's value as a reviewer reads it. */
export function valueText(field: string, value: unknown): string {
    if (value === null || value === undefined) return '—';
    if (field === 'support') return supportText(value as Support);
    if (field === 'amount' || field === 'budget') { const m = value as MoneyJson; return moneyText(m.value, m.currency); }
    if (field === 'decisionChain') {
        const entries = value as Array<{ contact: string; role: string | null; support: Support; group: string | null }>;
        return entries.length === 0 ? 'none'
            : entries.map(e => `${e.contact} (${[e.role ?? 'no role', `support ${supportText(e.support)}`, e.group].filter(Boolean).join(', ')})`).join(', ');
    }
    if (field === 'competitorSupport') {
        const lines = value as Array<{ competitor: string; support: Support }>;
        return lines.length === 0 ? 'none' : lines.map(l => `${l.competitor} ${supportText(l.support)}`).join(', ');
    }
    if (field === 'team') {
        const team = value as Record<string, string | null>;
        return ['ar', 'sr', 'fr'].map(role => `${role} ${team[role] ?? '—'}`).join(' ');
    }
    if (field === 'sandbox') {
        const s = value as Record<string, number | null>;
        return `${['space', 'growth', 'profit', 'competition'].map(k => `${k} ${s[k] ?? '—'}`).join(' ')} (score ${s.score ?? '—'})`;
    }
    if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(String).join(', ');
    if (typeof value === 'string') return /\s/.test(value) || value === '' ? JSON.stringify(value) : value;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function cell(text: string): string {
    return markdownText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Plan text in markdown: no markup of its own (names may hold `*`, `_`, `<`…). */
function markdownText(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#+!|]/g, c => `\\${c}`);
}
