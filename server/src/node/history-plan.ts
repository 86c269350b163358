/**
 * Each commit's plan for the history engine (history-engine.ts), as `acct export` gives it, made
 * of parts kept from one commit to the next: a file's elements by its parse, its findings by the
 * validation that found them, a finding's export object by the finding (a date-only re-check
 * keeps the findings that did not change: they are not converted again), a file's path by its URI.
 * And the step of a commit: what changed against the commit before, the files whose findings are
 * the same objects on both sides left out of the comparison.
 */
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Workspace } from '../language/generated/ast.js';
import { relativePath } from '../language/workspace/file-places.js';
import { computePlan } from '../plan/plan-json.js';
import { diagnosticJson } from '../plan/diagnostics.js';
import { subjectsByOffset } from '../language/ast/subject.js';
import { byPlace, compareText } from '../contract/findings.js';
import { diffPlans } from '../contract/plan-diff.js';
import type { HistoryStep } from '../contract/history-report.js';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import type { CommitRecord } from './git-history.js';
import { emptyPlan, samePlan } from './commit-plans.js';

/** One file's findings as the export writes them. */
export interface FileFindings {
    path: string;
    /** The finding policy's waived list it was made with (a new validation makes a new one). */
    waivedFrom: unknown;
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}

type Elements = Pick<AcctPlanDocument, 'members' | 'competitors' | 'customers'>;

export class PlanParts {
    private readonly base: URI;
    private readonly paths = new Map<string, string>();
    /** Each file's elements as the export writes them, by parse: a file that did not change is not converted again. */
    private readonly elements = new WeakMap<Workspace, Elements>();
    /** Each file's findings as the export writes them, by the validation that found them. */
    private readonly findings = new WeakMap<object, FileFindings>();
    /** Each finding as the export writes it, and the path, severity and message it was written with (the policy sets a severity in place). */
    private readonly written = new WeakMap<Diagnostic, { path: string; severity: unknown; message: unknown; json: DiagnosticJson }>();
    /** Each plan's findings by file: a file whose findings are the same object on both sides is not compared again. */
    private readonly byFile = new WeakMap<AcctPlanDocument, Map<string, FileFindings>>();
    /** Each parse's subject finder (the declarations' spans): a date re-check's new findings in an unchanged file do not walk it again. */
    private readonly subjects = new WeakMap<Workspace, ReturnType<typeof subjectsByOffset>>();

    constructor(
        cwd: string,
        private readonly policy: FindingPolicy,
    ) {
        this.base = URI.file(cwd);
    }

    /** The path of `uri` in the output (relative to the folder the command runs in). */
    path(uri: URI): string {
        const key = uri.toString();
        let known = this.paths.get(key);
        if (known === undefined) this.paths.set(key, (known = relativePath(uri, this.base)));
        return known;
    }

    /** The plan of `documents` as `acct export` gives it, each unchanged file's part reused. */
    plan(documents: readonly LangiumDocument<Workspace>[], today: string): AcctPlanDocument {
        const files = documents.map(doc => ({ path: this.path(doc.uri), doc })).sort((a, b) => compareText(a.path, b.path));
        const plan = emptyPlan(today);
        plan.files = files.map(f => f.path);
        for (const { path, doc } of files) {
            const root = doc.parseResult.value;
            let part = this.elements.get(root);
            if (!part) {
                const { members, competitors, customers } = computePlan([{ path, root }], { today, diagnostics: [], waived: [] });
                part = { members, competitors, customers };
                this.elements.set(root, part);
            }
            for (const member of part.members) plan.members.push(member);
            for (const competitor of part.competitors) plan.competitors.push(competitor);
            for (const customer of part.customers) plan.customers.push(customer);
        }
        // Findings file by file, each file's converted once per validation of it (sorted by place: file, then line, column…)
        const byFile = new Map<string, FileFindings>();
        for (const { path, doc } of files) {
            const part = this.fileFindings(doc, path);
            byFile.set(path, part);
            for (const d of part.diagnostics) plan.diagnostics.push(d);
            for (const d of part.waived) plan.waived.push(d);
        }
        this.byFile.set(plan, byFile);
        return plan;
    }

    private fileFindings(doc: LangiumDocument<Workspace>, path: string): FileFindings {
        const diagnostics = doc.diagnostics ?? [];
        const waivedIn = this.policy.waivedIn(doc);
        const known = this.findings.get(diagnostics);
        if (known && known.waivedFrom === waivedIn && known.path === path) return known;
        let at: ReturnType<typeof subjectsByOffset> | undefined;
        const json = (d: Diagnostic): DiagnosticJson => {
            const written = this.written.get(d);
            if (written && written.path === path && written.severity === d.severity && written.message === d.message) return written.json;
            if (!at) {
                const root = doc.parseResult.value;
                at = this.subjects.get(root);
                if (!at) this.subjects.set(root, (at = subjectsByOffset(root)));
            }
            const made = diagnosticJson(path, d, at(doc.textDocument.offsetAt(d.range.start)));
            this.written.set(d, { path, severity: d.severity, message: d.message, json: made });
            return made;
        };
        const part: FileFindings = {
            path,
            waivedFrom: waivedIn,
            diagnostics: diagnostics.map(json).sort(byPlace),
            waived: waivedIn
                .map(({ diagnostic, waiver }): WaivedJson => ({ ...json(diagnostic), reason: waiver.reason ?? '', until: waiver.until ?? null }))
                .sort(byPlace),
        };
        this.findings.set(diagnostics, part);
        return part;
    }

    /**
     * The step of `record`: `after` against `before` as `acct diff` compares them, or null when the
     * plans are the same (contract 7.6: a commit that changes nothing is left out).
     */
    step(before: AcctPlanDocument, after: AcctPlanDocument, record: CommitRecord, renamed: ReadonlyMap<string, string>): HistoryStep | null {
        // the files whose findings are the same objects on both sides match each other: compare the others
        const [was, is] = [this.byFile.get(before), this.byFile.get(after)];
        const same = (path: string) => !!was && !!is && was.get(path) !== undefined && was.get(path) === is.get(path);
        const differing = (plan: AcctPlanDocument, files?: Map<string, FileFindings>) => ({
            diagnostics: files ? [...files].filter(([path]) => !same(path)).flatMap(([, f]) => f.diagnostics) : plan.diagnostics,
            waived: files ? [...files].filter(([path]) => !same(path)).flatMap(([, f]) => f.waived) : plan.waived,
        });
        const [earlier, later] = [
            { ...before, ...differing(before, was) },
            { ...after, ...differing(after, is) },
        ];
        if (samePlan(earlier, later)) return null;
        const { changes, newFindings, resolvedFindings, changedFindings, unchecked } = diffPlans(
            earlier,
            later,
            { from: record.parent ?? '', to: record.commit },
            renamed,
        );
        const counts = { error: 0, warning: 0, info: 0 };
        for (const d of after.diagnostics) {
            if (d.severity === 'error') counts.error++;
            else if (d.severity === 'warning') counts.warning++;
            else counts.info++;
        }
        return {
            commit: record.commit,
            date: record.date,
            author: record.author,
            message: record.message,
            changes,
            newFindings,
            resolvedFindings,
            changedFindings,
            unchecked,
            counts,
        };
    }
}
