/**
 * Facts that belong to the whole workspace rather than to one file: the `policy` thresholds and
 * the global ids (members, competitors, customers). Cached until the next workspace change.
 */
import { AstUtils, WorkspaceCache, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { AcctServices } from './acct-module.js';
import { isPolicy, type Declaration, type Policy, type Workspace } from './generated/ast.js';

export interface EffectivePolicy {
    staleContactDays: number;
    tierReviewDays: number;
    generalCoverage: number;
    /** The policy block in force, if any. */
    source?: Policy;
}

export const defaultPolicy: EffectivePolicy = { staleContactDays: 90, tierReviewDays: 365, generalCoverage: 3 };

export class WorkspaceFacts {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, unknown>;

    constructor(services: AcctServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** Every policy block of the workspace, in file order: the first one is in force. */
    policies(): Policy[] {
        return this.cache.get('policies', () => this.sortedWorkspaces()
            .flatMap(ws => ws.declarations.filter(isPolicy))) as Policy[];
    }

    policy(): EffectivePolicy {
        return this.cache.get('policy', () => {
            const source = this.policies()[0];
            if (!source) {
                return defaultPolicy;
            }
            const pick = (value: number | undefined, fallback: number) =>
                value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
            return {
                staleContactDays: pick(source.staleContactDays, defaultPolicy.staleContactDays),
                tierReviewDays: pick(source.tierReviewDays, defaultPolicy.tierReviewDays),
                generalCoverage: pick(source.generalCoverage, defaultPolicy.generalCoverage),
                source,
            };
        }) as EffectivePolicy;
    }

    /** Global declarations (member, competitor, customer) by id, in file order. */
    globalDeclarations(): Map<string, Declaration[]> {
        return this.cache.get('globals', () => {
            const byId = new Map<string, Declaration[]>();
            for (const ws of this.sortedWorkspaces()) {
                for (const declaration of ws.declarations) {
                    if (!isPolicy(declaration) && declaration.name) {
                        const list = byId.get(declaration.name);
                        if (list) list.push(declaration); else byId.set(declaration.name, [declaration]);
                    }
                }
            }
            return byId;
        }) as Map<string, Declaration[]>;
    }

    protected sortedWorkspaces(): Workspace[] {
        return this.documents.all
            .filter(doc => doc.parseResult?.value?.$type === 'Workspace')
            .toArray()
            .sort((a, b) => compareUris(a, b))
            .map(doc => doc.parseResult.value as Workspace);
    }
}

function compareUris(a: LangiumDocument, b: LangiumDocument): number {
    const x = a.uri.toString();
    const y = b.uri.toString();
    return x < y ? -1 : x > y ? 1 : 0;
}

/** Where a node is declared, as `file.acct:LINE` for messages that point to another place. */
export function placeOf(node: { $cstNode?: { range: { start: { line: number } } } }): string {
    const document = AstUtils.getDocument(node as never);
    const file = document.uri.path.split('/').pop() ?? document.uri.path;
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${file}:${line}`;
}
