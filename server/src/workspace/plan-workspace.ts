/**
 * The computed plan of everything the services have loaded: used by the CLI (base = current
 * directory) and the language server (base = workspace folder) alike.
 */
import { DocumentState, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Workspace } from '../language/generated/ast.js';
import { subjectOf } from '../language/acct-validator.js';
import { computePlan, type PlanFile } from '../model/plan.js';
import { diagnosticJson, findingOf, sortDiagnostics } from '../model/findings.js';
import type { AcctPlanDocument } from '../model/plan-types.js';
import type { PlanView, SourceAnchor } from '../protocol.js';

/** Path of `uri` relative to `base` (a folder URI), with `/`; `../` when outside it. */
export function relativePath(uri: URI, base: URI | undefined): string {
    if (!base) return uri.path.split('/').pop() ?? uri.path;
    const from = base.path.replace(/\/+$/, '').split('/');
    const to = uri.path.split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export function acctDocuments(shared: LangiumSharedServices): LangiumDocument<Workspace>[] {
    return shared.workspace.LangiumDocuments.all
        .filter(doc => doc.uri.path.endsWith('.acct') && doc.state >= DocumentState.Parsed)
        .toArray() as LangiumDocument<Workspace>[];
}

export function workspacePlan(documents: LangiumDocument<Workspace>[], base: URI | undefined): AcctPlanDocument {
    const files: PlanFile[] = documents.map(doc => ({ path: relativePath(doc.uri, base), root: doc.parseResult.value }));
    const diagnostics = sortDiagnostics(documents.flatMap(doc => {
        const path = relativePath(doc.uri, base);
        return (doc.diagnostics ?? []).map(d => diagnosticJson(path, d));
    }));
    return computePlan(files, diagnostics);
}

export function workspacePlanView(documents: LangiumDocument<Workspace>[], base: URI | undefined): PlanView {
    const plan = workspacePlan(documents, base);
    const anchors: Record<string, SourceAnchor> = {};
    for (const doc of documents) {
        for (const declaration of doc.parseResult.value.declarations ?? []) {
            const nodes = declaration.$type === 'Customer'
                ? [declaration, ...declaration.contacts, ...declaration.opportunities, ...declaration.activities]
                : [declaration];
            for (const node of nodes) {
                const key = subjectOf(node);
                const start = node.$cstNode?.range.start;
                if (key && start && !anchors[key]) {
                    anchors[key] = { uri: doc.uri.toString(), line: start.line + 1, column: start.character + 1 };
                }
            }
        }
    }
    const findings = documents.flatMap(doc => (doc.diagnostics ?? []).map(findingOf).filter(f => f !== undefined));
    return { plan, anchors, findings, hasErrors: plan.diagnostics.some(d => d.severity === 'error') };
}
