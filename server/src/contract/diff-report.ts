/**
 * `acct diff` as a reader sees it: one line per change that reads like a review
 * (`cmgd/wang: support 2 → 0`), then the new (+) and resolved (−) findings and a summary; or the
 * same as markdown for a pull-request comment (a summary line, a table per customer, the
 * findings). Pure, so the CLI and the editor's "Show Changes Since…" print the same report.
 */
import { moneyText, supportText, type DeclarationKind, type Support, type Texts } from '../method/index.js';
import type { ChangedFinding, PlanChange, PlanDiff } from './plan-diff.js';
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
export function changeLine(change: PlanChange, texts: Texts): string {
    return `${elementName(change)}: ${changeText(change, texts)}`;
}

/**
 * What changed, without the element: `support 2 → 0`, `contact added`, `decisionChain: deng support 1 → 0`.
 * Field names are the export's keys and stay as they are in every language.
 */
export function changeText(change: PlanChange, texts: Texts): string {
    if (change.kind !== 'changed') {
        const element = texts.vocabulary.declarations[change.element as DeclarationKind] ?? change.element;
        return change.kind === 'added' ? texts.t('diff.added', { element }) : texts.t('diff.removed', { element });
    }
    const field = change.field!;
    const keyed = keyedLists[field];
    if (keyed) return `${field}: ${listDelta(change.from, change.to, keyed.key, x => keyed.text(x, texts), texts)}`;
    return `${field} ${valueText(field, change.from, texts)} → ${valueText(field, change.to, texts)}`;
}

type Entry = { contact: string; role: string | null; support: Support; group: string | null };
type Line = { competitor: string; support: Support };

function entryText(e: Entry, texts: Texts): string {
    return [e.role ?? texts.t('diff.noRole'), `support ${supportText(e.support)}`, e.group].filter(Boolean).join(', ');
}

/** Lists whose elements have a key: a reviewer reads what moved in them, not both whole lists. */
const keyedLists: Record<string, { key: (x: never) => string; text: (x: never, texts: Texts) => string }> = {
    decisionChain: { key: (e: Entry) => e.contact, text: entryText },
    competitorSupport: { key: (l: Line) => l.competitor, text: (l: Line) => `support ${supportText(l.support)}` },
};

function listDelta(from: unknown, to: unknown, key: (x: never) => string, text: (x: never) => string, texts: Texts): string {
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
    return parts.length ? parts.join('; ') : texts.t('diff.reordered', { ids: [...after.keys()].join(', ') });
}

export function findingText(d: DiagnosticJson): string {
    return `${d.severity} ${d.code}: ${d.message} (${filePlace(d.file)}:${d.line}:${d.column})`;
}

/** A changed finding: the later one, and what it was (`~` line of the text report). */
export function changedFindingText(change: ChangedFinding, texts: Texts): string {
    const { from, to } = change;
    const was =
        from.severity !== to.severity && from.message !== to.message
            ? texts.t('diff.was.both', { severity: from.severity, message: from.message })
            : from.severity !== to.severity
              ? texts.t('diff.was.severity', { severity: from.severity })
              : texts.t('diff.was.message', { message: from.message });
    return `${findingText(to)} ${was}`;
}

/** The lines after the summary: changed findings and findings that could not be checked again, when there are any. */
function findingNotes(diff: PlanDiff, texts: Texts): string[] {
    const notes: string[] = [];
    if (diff.changedFindings.length) notes.push(texts.t('diff.changedCount', { changed: diff.changedFindings.length }));
    if (diff.unchecked) notes.push(texts.t('diff.unchecked', { count: diff.unchecked }));
    return notes;
}

export function diffSummary(diff: PlanDiff, texts: Texts): string {
    const count = (list: DiagnosticJson[], severity: string) => list.filter(d => d.severity === severity).length;
    const news = diff.newFindings;
    const detail = news.length
        ? texts.t('diff.summary.detail', { errors: count(news, 'error'), warnings: count(news, 'warning'), infos: count(news, 'info') })
        : '';
    return texts.t('diff.summary', {
        changes: diff.changes.length,
        from: diff.from,
        to: diff.to ?? texts.t('diff.onDisk'),
        news: news.length,
        detail,
        resolved: diff.resolvedFindings.length,
    });
}

/**
 * A line for a terminal: plan text may hold control characters (an escape sequence in a title
 * would colour or move the reader's terminal); they are written as `\u001b`.
 */
export function visible(line: string): string {
    return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatDiffText(diff: PlanDiff, texts: Texts): string {
    return (
        [
            ...diff.changes.map(change => changeLine(change, texts)),
            ...diff.newFindings.map(d => `+ ${findingText(d)}`),
            ...diff.resolvedFindings.map(d => `- ${findingText(d)}`),
            ...diff.changedFindings.map(c => `~ ${changedFindingText(c, texts)}`),
            diffSummary(diff, texts),
            ...findingNotes(diff, texts),
        ]
            .map(visible)
            .join('\n') + '\n'
    );
}

export function formatDiffMarkdown(diff: PlanDiff, texts: Texts, linkOf: LinkOf = () => undefined): string {
    let lines = [`### ${texts.t('diff.md.title')}`, '', diffSummary(diff, texts), ''];
    if (diff.unchecked) lines.push(`> ${markdownText(texts.t('diff.unchecked', { count: diff.unchecked }))}`, '');
    const groups = new Map<string, PlanChange[]>();
    for (const change of diff.changes) {
        const group = change.customer === null ? texts.t('diff.md.team') : texts.t('diff.md.customer', { customer: change.customer });
        const list = groups.get(group);
        if (list) list.push(change);
        else groups.set(group, [change]);
    }
    for (const [group, changes] of groups) {
        lines.push(`#### ${group}`, '', `| ${texts.t('diff.md.element')} | ${texts.t('diff.md.change')} |`, '|---|---|');
        for (const change of changes) {
            const name = cell(elementName(change));
            const link = change.kind === 'removed' ? undefined : linkOf(changeSubject(change));
            lines.push(`| ${link ? `[${name}](${link})` : name} | ${cell(changeText(change, texts))} |`);
        }
        lines.push('');
    }
    const findings = (title: string, list: DiagnosticJson[]) =>
        list.length === 0
            ? []
            : [`#### ${title}`, '', ...list.map(d => `- **${d.severity}** \`${d.code}\` ${markdownText(d.message)} (\`${d.file}:${d.line}\`)`), ''];
    // concat, not a spread push: the findings are unbounded
    lines = lines.concat(findings(texts.t('diff.md.new'), diff.newFindings), findings(texts.t('diff.md.resolved'), diff.resolvedFindings));
    if (diff.changedFindings.length) {
        lines = lines.concat(
            `#### ${texts.t('diff.md.changed')}`,
            '',
            diff.changedFindings.map(
                ({ from, to }) =>
                    `- **${to.severity}** \`${to.code}\` ${markdownText(to.message)} (\`${to.file}:${to.line}\`) — ${markdownText(
                        from.severity !== to.severity && from.message !== to.message
                            ? texts.t('diff.was.both', { severity: from.severity, message: from.message })
                            : from.severity !== to.severity
                              ? texts.t('diff.was.severity', { severity: from.severity })
                              : texts.t('diff.was.message', { message: from.message }),
                    )}`,
            ),
            '',
        );
    }
    return lines.join('\n');
}

/** A field's value as a reviewer reads it. */
export function valueText(field: string, value: unknown, texts: Texts): string {
    // an absent support is unknown, `?`, as everywhere else (a decision-chain entry, a competitor's support)
    if (field === 'support') return supportText((value ?? null) as Support);
    if (value === null || value === undefined) return '—';
    if (field === 'amount' || field === 'budget') {
        const m = value as MoneyJson;
        return moneyText(m.value, m.currency);
    }
    if (field === 'decisionChain') {
        const entries = value as Entry[];
        return entries.length === 0 ? texts.t('diff.none') : entries.map(e => `${e.contact} (${entryText(e, texts)})`).join(', ');
    }
    if (field === 'competitorSupport') {
        const lines = value as Line[];
        return lines.length === 0 ? texts.t('diff.none') : lines.map(l => `${l.competitor} ${supportText(l.support)}`).join(', ');
    }
    if (field === 'team') {
        const team = value as Record<string, string | null>;
        return ['ar', 'sr', 'fr'].map(role => `${role} ${team[role] ?? '—'}`).join(' ');
    }
    if (field === 'sandbox') {
        const s = value as Record<string, number | null>;
        return `${['space', 'growth', 'profit', 'competition'].map(k => `${k} ${s[k] ?? '—'}`).join(' ')} (score ${s.score ?? '—'})`;
    }
    if (Array.isArray(value)) return value.length === 0 ? texts.t('diff.none') : value.map(String).join(', ');
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
