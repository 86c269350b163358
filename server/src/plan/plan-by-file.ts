/**
 * The plan built file by file, each file's part kept for the next plan of the same services
 * (`acct diff` between two revisions: the second side is an update of the first). A file whose
 * parse is the same gives the same element objects, and a file whose findings are the same (it
 * was not validated again) gives the same finding objects, so that neither is converted twice
 * and the comparison of the two sides skips them (contract/plan-diff.ts compares objects that
 * differ). The document is the one `PlanBuilder.plan` gives (test/unit/two-sides.test.ts).
 *
 * Only for services whose parses are never changed in place: the one-shot CLI's (the editor's
 * incremental parser copies the root of a document it re-parses, but a plan that outlives a build
 * is not what the views need).
 */
import type { LangiumDocument, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Workspace } from '../language/generated/ast.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import { relativePath } from '../language/workspace/file-places.js';
import { subjectsByOffset } from '../language/ast/subject.js';
import { byPlace, compareText } from '../contract/findings.js';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import { diagnosticJson } from './diagnostics.js';
import { computePlan } from './plan-json.js';

/** One file's findings as the export writes them, sorted by place. */
export interface FileFindings {
    path: string;
    diagnostics: DiagnosticJson[];
    waived: WaivedJson[];
}

type Elements = Pick<AcctPlanDocument, 'members' | 'competitors' | 'customers'>;

interface KeptFindings extends FileFindings {
    /** The policy's waived list they were made with (a new validation makes a new one). */
    waivedFrom: readonly unknown[];
}

export class PlanByFile {
    /** Each file's elements, by its parse. */
    private readonly elements = new WeakMap<Workspace, Elements>();
    /** Each file's findings, by the diagnostics of the validation that found them. */
    private readonly findings = new WeakMap<readonly Diagnostic[], KeptFindings>();
    /** Each plan made here: its findings by file (the same object on both sides: the file's findings did not change). */
    readonly findingsByFile = new WeakMap<AcctPlanDocument, Map<string, FileFindings>>();

    constructor(private readonly policy: FindingPolicy) {}

    /** The `acct-plan` document of `documents`, paths relative to `base`. */
    plan(documents: readonly LangiumDocument<Workspace>[], base: URI | undefined, today: string): AcctPlanDocument {
        const files = documents.map(doc => ({ doc, path: relativePath(doc.uri, base) })).sort((a, b) => compareText(a.path, b.path));
        const plan: AcctPlanDocument = {
            format: 'acct-plan',
            version: 1,
            today,
            files: files.map(file => file.path),
            members: [],
            competitors: [],
            customers: [],
            diagnostics: [],
            waived: [],
        };
        const byFile = new Map<string, FileFindings>();
        for (const { doc, path } of files) {
            const root = doc.parseResult.value;
            let elements = this.elements.get(root);
            if (!elements) {
                const { members, competitors, customers } = computePlan([{ path, root }], { today, diagnostics: [], waived: [] });
                elements = { members, competitors, customers };
                this.elements.set(root, elements);
            }
            plan.members.push(...elements.members);
            plan.competitors.push(...elements.competitors);
            plan.customers.push(...elements.customers);
            const found = this.findingsOf(doc, path);
            byFile.set(path, found);
            plan.diagnostics.push(...found.diagnostics);
            plan.waived.push(...found.waived);
        }
        this.findingsByFile.set(plan, byFile);
        return plan;
    }

    private findingsOf(doc: LangiumDocument<Workspace>, path: string): FileFindings {
        const diagnostics = doc.diagnostics ?? [];
        const waivedIn = this.policy.waivedIn(doc);
        const kept = this.findings.get(diagnostics);
        const sameWaived = (was: readonly unknown[]) => was === waivedIn || (was.length === 0 && waivedIn.length === 0);
        if (kept && kept.path === path && sameWaived(kept.waivedFrom)) return kept;
        const at = subjectsByOffset(doc.parseResult.value);
        const subject = (d: Diagnostic) => at(doc.textDocument.offsetAt(d.range.start));
        const made: KeptFindings = {
            path,
            waivedFrom: waivedIn,
            diagnostics: diagnostics.map(d => diagnosticJson(path, d, subject(d))).sort(byPlace),
            waived: waivedIn
                .map(({ diagnostic, waiver }): WaivedJson => ({
                    ...diagnosticJson(path, diagnostic, subject(diagnostic)),
                    reason: waiver.reason ?? '',
                    until: waiver.until ?? null,
                }))
                .sort(byPlace),
        };
        this.findings.set(diagnostics, made);
        return made;
    }
}
