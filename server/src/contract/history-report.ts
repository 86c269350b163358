/**
 * `acct history` as a reader sees it (contract 7.6): per commit a heading line — date, short id,
 * author, the first line of its message — then its changes and findings as `acct diff` prints
 * them, so the output reads like the story of the account; or the same as markdown. And the
 * `--subject` filter: the changes and findings of one element and what lies inside it. Pure.
 */
import type { Texts } from '../method/index.js';
import type { ChangedFinding, PlanChange } from './plan-diff.js';
import type { DiagnosticJson } from './plan-types.js';
import { changeLine, changedFindingText, changeText, elementName, findingText, visible } from './diff-report.js';
import { parseSubjectKey, SubjectKeys, type SubjectKey } from './subject-key.js';

/** One commit as `acct history --format json` gives it. */
export interface HistoryEntry {
    commit: string;
    date: string;
    author: string;
    message: string;
    changes: PlanChange[];
    newFindings: DiagnosticJson[];
    resolvedFindings: DiagnosticJson[];
    changedFindings: ChangedFinding[];
    counts: { error: number; warning: number; info: number };
}

/** What the text and markdown reports add to an entry: findings that could not be checked again. */
export interface HistoryStep extends HistoryEntry {
    unchecked: number;
}

export interface HistoryReport {
    since: string | null;
    until: string;
    /** The shallow boundary, when the repository is a shallow clone. */
    shallow?: string;
    commits: HistoryStep[];
}

/**
 * `--subject KEY`: `CUSTOMER`, `CUSTOMER/ID` or a subject key. Keeps what is KEY or lies inside it;
 * undefined when KEY is none of these forms.
 */
export function subjectFilter(key: string): ((subject: SubjectKey | null) => boolean) | undefined {
    const parsed = key.includes(':') ? parseSubjectKey(key) : undefined;
    if (key.includes(':')) {
        if (!parsed || !parsed.id || (parsed.customer !== null && !parsed.customer)) return undefined;
        if (parsed.kind === 'customer') return inCustomer(parsed.id);
        return subject => subject === key;
    }
    const parts = key.split('/');
    if (parts.some(part => part === '' || /\s/.test(part)) || parts.length > 2) return undefined;
    if (parts.length === 1) return inCustomer(parts[0]!);
    const [customer, id] = parts as [string, string];
    const keys = new Set<SubjectKey>((['contact', 'opportunity', 'activity'] as const).map(kind => SubjectKeys.of(kind, id, customer)));
    return subject => subject !== null && keys.has(subject);
}

function inCustomer(customer: string): (subject: SubjectKey | null) => boolean {
    return subject => {
        const parsed = subject === null ? undefined : parseSubjectKey(subject);
        return !!parsed && parsed.kind !== 'member' && parsed.kind !== 'competitor' && parsed.customer === customer;
    };
}

/** The entry with only what `keep` keeps; null when nothing is left. */
export function filterStep(step: HistoryStep, keep: (subject: SubjectKey | null) => boolean): HistoryStep | null {
    const changes = step.changes.filter(c => keep(SubjectKeys.of(c.element, c.id, c.customer ?? undefined)));
    const newFindings = step.newFindings.filter(d => keep(d.subject));
    const resolvedFindings = step.resolvedFindings.filter(d => keep(d.subject));
    const changedFindings = step.changedFindings.filter(c => keep(c.to.subject) || keep(c.from.subject));
    if (!changes.length && !newFindings.length && !resolvedFindings.length && !changedFindings.length) return null;
    return { ...step, changes, newFindings, resolvedFindings, changedFindings };
}

/** The JSON of the contract: the entries without what only the text reports use. */
export function historyJson(report: HistoryReport): object {
    return {
        since: report.since,
        until: report.until,
        ...(report.shallow ? { shallow: report.shallow } : {}),
        commits: report.commits.map(historyEntry),
    };
}

/** One entry of the JSON: the step without what only the text reports use. */
export function historyEntry({ commit, date, author, message, changes, newFindings, resolvedFindings, changedFindings, counts }: HistoryEntry): HistoryEntry {
    return { commit, date, author, message, changes, newFindings, resolvedFindings, changedFindings, counts };
}

/**
 * `JSON.stringify(historyJson(report), null, 2)` in pieces, from the entries already written one
 * by one (`historyEntryText`), so that a long history is kept neither as objects nor as one text
 * until the end: joined, the same bytes.
 */
export function historyJsonPieces(report: Omit<HistoryReport, 'commits'>, entries: readonly string[]): string[] {
    if (entries.length === 0) return [JSON.stringify(historyJson({ ...report, commits: [] }), null, 2)];
    return [historyJsonOpening(report), ...entries.flatMap((entry, i) => (i ? [',\n', entry] : [entry])), HISTORY_JSON_CLOSING];
}

/** What `historyJsonPieces` writes before the first entry (the report has one at least). */
export function historyJsonOpening(report: Omit<HistoryReport, 'commits'>): string {
    const head = JSON.stringify(historyJson({ ...report, commits: [] }), null, 2);
    // `"commits": []\n}` at the end of the head: the list opened, each entry indented two levels
    return `${head.slice(0, -'[]\n}'.length)}[\n`;
}

/** What `historyJsonPieces` writes after the last entry. */
export const HISTORY_JSON_CLOSING = '\n  ]\n}';

/** One entry as `historyJsonPieces` places it (indented as it stands in the list). */
export function historyEntryText(step: HistoryEntry): string {
    // written at the list's depth by JSON.stringify itself (inside an object's list, each line moves in by four
    // spaces), and cut out of the wrapper: the entry is not written once more to move its lines in
    const text = JSON.stringify({ commits: [historyEntry(step)] }, null, 2);
    return text.slice(ENTRY_START.length, text.length - ENTRY_END.length);
}

/** What JSON.stringify writes around an entry it is given as `{ commits: [entry] }` with two spaces. */
const ENTRY_START = '{\n  "commits": [\n';
const ENTRY_END = '\n  ]\n}';

/** `2026-11-02  a1b2c3d  Alice Chen  Met Wang at the expo` */
export function historyHeading(step: HistoryEntry): string {
    return `${step.date.slice(0, 10)}  ${step.commit.slice(0, 7)}  ${oneLine(step.author)}  ${oneLine(step.message)}`;
}

export function formatHistoryText(report: HistoryReport, texts: Texts): string {
    const lines: string[] = [];
    if (report.shallow) lines.push(texts.t('history.shallow', { commit: report.shallow.slice(0, 7) }), '');
    for (const step of report.commits) {
        lines.push(historyHeading(step));
        // one push per line, not a spread: a commit adding a few megabytes of syntax errors has 400,000 findings (the stack's limit)
        for (const change of step.changes) lines.push(`  ${changeLine(change, texts)}`);
        for (const d of step.newFindings) lines.push(`  + ${findingText(d)}`);
        for (const d of step.resolvedFindings) lines.push(`  - ${findingText(d)}`);
        for (const c of step.changedFindings) lines.push(`  ~ ${changedFindingText(c, texts)}`);
        if (step.unchecked) lines.push(`  ${texts.t('diff.unchecked', { count: step.unchecked })}`);
        lines.push('');
    }
    lines.push(report.commits.length ? texts.t('history.summary', { commits: report.commits.length }) : texts.t('history.none'));
    return lines.map(visible).join('\n') + '\n';
}

export function formatHistoryMarkdown(report: HistoryReport, texts: Texts): string {
    const lines = [`### ${texts.t('history.md.title')}`, ''];
    if (report.shallow) lines.push(`> ${markdownText(texts.t('history.shallow', { commit: report.shallow.slice(0, 7) }))}`, '');
    for (const step of report.commits) {
        lines.push(
            `#### ${step.date.slice(0, 10)} \`${step.commit.slice(0, 7)}\` ${markdownText(oneLine(step.author))} — ${markdownText(oneLine(step.message))}`,
            '',
        );
        for (const change of step.changes) lines.push(`- ${markdownText(elementName(change))}: ${markdownText(changeText(change, texts))}`);
        const finding = (sign: string, d: DiagnosticJson) => `- ${sign} **${d.severity}** \`${d.code}\` ${markdownText(d.message)} (\`${d.file}:${d.line}\`)`;
        for (const d of step.newFindings) lines.push(finding('+', d));
        for (const d of step.resolvedFindings) lines.push(finding('−', d));
        for (const c of step.changedFindings) lines.push(`- ~ ${markdownText(changedFindingText(c, texts))}`);
        if (step.unchecked) lines.push(`- ${markdownText(texts.t('diff.unchecked', { count: step.unchecked }))}`);
        lines.push('');
    }
    lines.push(report.commits.length ? texts.t('history.summary', { commits: report.commits.length }) : texts.t('history.none'), '');
    return lines.join('\n');
}

function oneLine(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

function markdownText(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#+!|]/g, c => `\\${c}`);
}
