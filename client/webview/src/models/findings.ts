/**
 * The findings of a plan by the element they are about, for the three views: joined once from
 * the plan's diagnostics and their subjects (`findingsOf`), worst first.
 */
import { byWorstFirst, findingsOf, type Finding, type ViewedPlan, type SubjectKey } from '@acct/contract';
import { texts } from '../texts.js';

export type FindingIndex = ReadonlyMap<SubjectKey, Finding[]>;

/** Findings by subject key; a finding that names a `contact` is also filed under that contact. */
export function indexFindings(view: Pick<ViewedPlan, 'plan' | 'subjects'>): Map<SubjectKey, Finding[]> {
    const index = new Map<SubjectKey, Finding[]>();
    const add = (key: SubjectKey, f: Finding): void => {
        const list = index.get(key);
        if (list) {
            if (!list.includes(f)) list.push(f);
        } else {
            index.set(key, [f]);
        }
    };
    for (const f of findingsOf(view)) {
        add(f.subject, f);
        if (f.contact && f.contact !== f.subject) add(f.contact, f);
    }
    return index;
}

/** Worst severity first, then code, for stable display. */
export function sortFindings(list: readonly Finding[]): Finding[] {
    return [...list].sort(byWorstFirst);
}

/** The findings about `key`, worst first. */
export function findingsAbout(index: FindingIndex, key: SubjectKey): Finding[] {
    return sortFindings(index.get(key) ?? []);
}

export function worstSeverity(list: readonly Finding[]): Finding['severity'] | null {
    const sorted = sortFindings(list);
    return sorted.length ? sorted[0]!.severity : null;
}

/** One line per finding, for a tooltip. */
export function findingsText(list: readonly Finding[]): string {
    return sortFindings(list)
        .map(f => `${f.severity} ${f.code}: ${f.message}`)
        .join('\n');
}

/** `3 findings: …` for an ARIA label: each finding as `detail` says, worst first. */
export function findingsSummary(list: readonly Finding[], detail: (f: Finding) => string, separator = '; '): string {
    return texts().t('view.findingsSummary', { count: list.length, list: sortFindings(list).map(detail).join(separator) });
}
