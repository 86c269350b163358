/**
 * The report as the Changes page draws it (contract `ChangesPicture`): the diff, the plan on disk,
 * the page's words and the report's own lines in the display language — those `acct diff` prints
 * (contract/diff-report.ts). Pure: the panel and the browser tests build it alike.
 */
import {
    changedFindingText,
    changeSubject,
    changeLine,
    diffSummary,
    findingText,
    type ChangesPicture,
    type PlanDiff,
    type PlanView,
    type SubjectKey,
} from '@acct/contract';
import { textsFor, viewStrings, type Locale } from '@acct/method';

/** `declared`: whether an element is still declared (its change links to its line). */
export function changesPicture(report: PlanDiff, view: PlanView, revision: string, declared: (subject: SubjectKey) => boolean, locale: Locale): ChangesPicture {
    const texts = textsFor(locale);
    return {
        diff: report,
        view,
        strings: viewStrings(locale),
        revision,
        words: {
            summary: diffSummary(report, texts),
            changes: report.changes.map(c => changeLine(c, texts)),
            // what a changed finding was: the report's `~` line after the finding itself
            changedFindings: report.changedFindings.map(c => changedFindingText(c, texts).slice(findingText(c.to).length).trim()),
        },
        located: report.changes.flatMap((c, i) => (c.kind !== 'removed' && declared(changeSubject(c)) ? [i] : [])),
    };
}
