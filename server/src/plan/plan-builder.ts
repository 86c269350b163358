/**
 * The computed plan, once per build: the one place where the CLI (`check`, `export`), the
 * editor's export command, the views and the tests get the plan and its findings. Results are
 * cached per base folder until the next build is validated, so a cursor move or a second
 * request costs nothing.
 */
import { DocumentState, WorkspaceCache, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import type { Workspace } from '../language/generated/ast.js';
import type { AcctLanguageServices } from '../language/acct-language-services.js';
import { isCustomer } from '../language/generated/ast.js';
import { subjectOf, subjectsByOffset } from '../language/ast/subject.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { byPlace, type FindingSubject, type PlanView } from '../contract/findings.js';
import type { AcctPlanDocument, DiagnosticJson, WaivedJson } from '../contract/plan-types.js';
import type { FindingPolicy } from '../language/validation/finding-policy.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';
import type { SourceAnchor } from '../contract/plan-focus.js';
import type { SubjectKey } from '../contract/subject-key.js';
import { diagnosticJson, locatedFinding, subjectOfDiagnostic, type LocatedFinding } from './diagnostics.js';
import { computePlan } from './plan-json.js';
import { sandboxPlan } from './sandbox-plan.js';
import type { RankedPlan } from '../contract/sandbox.js';
import { relativePath } from '../language/workspace/file-places.js';
import { documentsByUri } from '../language/workspace/acct-documents.js';
import { lineStarts, offsetOf } from '../language/text/text-scan.js';
import { lineStartsIn } from '../language/parser/lean-cst.js';

interface Findings {
    /** Sorted by file, line, column (contract section 5). */
    diagnostics: DiagnosticJson[];
    /** What each of `diagnostics` is about, at the same index. */
    subjects: (FindingSubject | null)[];
    /** The findings waivers took out, sorted like `diagnostics`. */
    waived: WaivedJson[];
    /** `diagnostics` and `waived` with their ends and subjects, at the same indexes. */
    located: { diagnostics: LocatedFinding[]; waived: LocatedFinding[] };
}

export class AcctPlanBuilder {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, unknown>;
    protected readonly findingPolicy: FindingPolicy;
    protected readonly settings: AcctSettings;

    constructor(services: AcctLanguageServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared, DocumentState.Validated);
        this.findingPolicy = services.validation.FindingPolicy;
        this.settings = services.workspace.AcctSettings;
    }

    /** The `.acct` documents that have been parsed, by URI. */
    acctDocuments(): LangiumDocument<Workspace>[] {
        return documentsByUri(this.documents).filter(
            doc => doc.uri.path.endsWith('.acct') && doc.state >= DocumentState.Parsed,
        ) as LangiumDocument<Workspace>[];
    }

    /** Every finding of the workspace, paths relative to `base` (what `acct check` prints). */
    diagnostics(base: URI | undefined): DiagnosticJson[] {
        return this.findings(base).diagnostics;
    }

    /**
     * Every finding and every waived one with where its range ends and what it is about (the
     * export's diagnostics carry neither): for SARIF regions and fingerprints, and redaction.
     */
    located(base: URI | undefined): { diagnostics: LocatedFinding[]; waived: LocatedFinding[] } {
        return this.findings(base).located;
    }

    /** The section-4 document, paths relative to `base`. */
    plan(base: URI | undefined): AcctPlanDocument {
        return this.cached('plan', base, () => {
            const files = this.acctDocuments().map(doc => ({ path: relativePath(doc.uri, base), root: doc.parseResult.value }));
            const { diagnostics, waived } = this.findings(base);
            return computePlan(files, { today: this.settings.today(), diagnostics, waived });
        });
    }

    /** Each customer's opportunities, as in `plan` but without the rest of it: what `acct sandbox` ranks. */
    sandboxPlan(base: URI | undefined): RankedPlan {
        return this.cached('sandbox', base, () =>
            sandboxPlan(this.acctDocuments().map(doc => ({ path: relativePath(doc.uri, base), root: doc.parseResult.value }))),
        );
    }

    /** What the views draw. */
    view(base: URI | undefined): PlanView {
        return this.cached('view', base, () => {
            const plan = this.plan(base);
            return { plan, subjects: this.findings(base).subjects, hasErrors: plan.diagnostics.some(d => d.severity === 'error') };
        });
    }

    /** Where an element is declared: its first declaration in URI order. */
    locate(subject: SubjectKey): SourceAnchor | null {
        const anchors = this.cache.get('anchors', () => {
            const found = new Map<SubjectKey, SourceAnchor>();
            for (const doc of this.acctDocuments()) {
                for (const declaration of doc.parseResult.value.declarations ?? []) {
                    const nodes = isCustomer(declaration)
                        ? [declaration, ...declaration.contacts, ...declaration.opportunities, ...declaration.activities]
                        : [declaration];
                    for (const node of nodes) {
                        const key = subjectOf(node);
                        const start = node.$cstNode?.range.start;
                        if (key && start && !found.has(key)) {
                            found.set(key, { uri: doc.uri.toString(), line: start.line + 1, column: start.character + 1 });
                        }
                    }
                }
            }
            return found;
        }) as Map<SubjectKey, SourceAnchor>;
        return anchors.get(subject) ?? null;
    }

    protected findings(base: URI | undefined): Findings {
        return this.cached('findings', base, () => {
            // Each finding is one DiagnosticJson, with its source diagnostic beside it at the same
            // index; what only SARIF, redaction and the views read (ends, subjects) is made when
            // first asked, so that a megabyte of findings checked once makes no more objects than it prints.
            const documents = this.acctDocuments();
            const all: DiagnosticJson[] = [];
            const sources: Diagnostic[] = [];
            const waivedAll: WaivedJson[] = [];
            const waivedSources: Diagnostic[] = [];
            for (const doc of documents) {
                const path = relativePath(doc.uri, base);
                const at = subjectsByOffset(doc.parseResult.value);
                // the offset as the document's offsetAt gives it, from line starts found by the engine's search
                const text = doc.textDocument.getText();
                let starts: Uint32Array | undefined;
                // (the tree's, when it holds this text: found by the lexer or for a finding's range already)
                const root = doc.parseResult.value.$cstNode?.root;
                const startsOf = () => (root && root.fullText === text ? lineStartsIn(root) : lineStarts(text));
                const offset = (p: { line: number; character: number }) => offsetOf(text, (starts ??= startsOf()), p.line, p.character);
                for (const d of doc.diagnostics ?? []) {
                    all.push(diagnosticJson(path, d, at(offset(d.range.start))));
                    sources.push(d);
                }
                for (const { diagnostic, waiver } of this.findingPolicy.waivedIn(doc)) {
                    waivedAll.push({
                        ...diagnosticJson(path, diagnostic, at(offset(diagnostic.range.start))),
                        reason: waiver.reason ?? '',
                        until: waiver.until ?? null,
                    });
                    waivedSources.push(diagnostic);
                }
            }
            // the messages as they read (the direct marking texts of `acct export --redact` stand in for them)
            const said = this.settings.marking?.plain;
            const order = placeOrder(all, said);
            const waivedOrder = placeOrder(waivedAll, said);
            const diagnostics = order.map(i => all[i]!);
            const waived = waivedOrder.map(i => waivedAll[i]!);
            let subjects: (FindingSubject | null)[] | undefined;
            let located: Findings['located'] | undefined;
            return {
                diagnostics,
                get subjects() {
                    return (subjects ??= order.map(i => subjectOfDiagnostic(sources[i]!)));
                },
                waived,
                get located() {
                    return (located ??= {
                        diagnostics: order.map((i, n) => locatedFinding(diagnostics[n]!, sources[i]!)),
                        waived: waivedOrder.map((i, n) => locatedFinding(waived[n]!, waivedSources[i]!)),
                    });
                },
            };
        });
    }

    private cached<T>(what: string, base: URI | undefined, compute: () => T): T {
        return this.cache.get(`${what} ${base?.toString() ?? ''}`, compute) as T;
    }
}

/** The indexes of `findings` in the order of the CLI and the export (byPlace; equal findings keep their order). */
function placeOrder(findings: readonly DiagnosticJson[], said: ((message: string) => string) | undefined): number[] {
    const order = Array.from({ length: findings.length }, (_, i) => i);
    return order.sort((a, b) => byPlace(findings[a]!, findings[b]!, said));
}
