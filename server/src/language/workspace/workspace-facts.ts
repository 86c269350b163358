/**
 * Facts that belong to the whole workspace rather than to one file: the `policy` thresholds and
 * severities, and the global ids (members, competitors, customers). Cached until the next workspace change.
 */
import { WorkspaceCache, type LangiumCoreServices, type LangiumDocuments } from 'langium';
import { isPolicy, type Declaration, type Policy, type Workspace } from '../generated/ast.js';
import { defaultThresholds, isAdjustable, isIssueCode, thresholdRules, type IssueCode, type SeverityLevel, type Thresholds } from '../../method/index.js';
import { compareText } from '../../contract/findings.js';

export interface EffectivePolicy extends Thresholds {
    /** The policy block in force, if any. */
    source?: Policy;
}

export class WorkspaceFacts {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, unknown>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** Every policy block of the workspace, in file order: the first one is in force. */
    policies(): Policy[] {
        return this.cache.get('policies', () => this.sortedWorkspaces().flatMap(ws => ws.declarations.filter(isPolicy))) as Policy[];
    }

    /** The thresholds in force: the policy's where valid (an out-of-range value counts for nothing), else the defaults. */
    policy(): EffectivePolicy {
        return this.cache.get('policy', () => {
            const source = this.policies()[0];
            if (!source) return defaultThresholds;
            const effective: EffectivePolicy = { ...defaultThresholds, source };
            for (const [property, rule] of Object.entries(thresholdRules) as Array<[keyof Thresholds, { minimum: number }]>) {
                const value = source[property];
                if (value !== undefined && Number.isInteger(value) && value >= rule.minimum) effective[property] = value;
            }
            return effective;
        }) as EffectivePolicy;
    }

    /** The severities the policy in force gives checks (`severity CODE LEVEL`; the last line for a code counts). */
    severities(): ReadonlyMap<IssueCode, SeverityLevel> {
        return this.cache.get('severities', () => {
            const levels = new Map<IssueCode, SeverityLevel>();
            for (const rule of this.policies()[0]?.severities ?? []) {
                if (isIssueCode(rule.code) && isAdjustable(rule.code) && rule.level) levels.set(rule.code, rule.level);
            }
            return levels;
        }) as ReadonlyMap<IssueCode, SeverityLevel>;
    }

    /** Global declarations (member, competitor, customer) by id, in file order. */
    globalDeclarations(): Map<string, Declaration[]> {
        return this.cache.get('globals', () => {
            const byId = new Map<string, Declaration[]>();
            for (const ws of this.sortedWorkspaces()) {
                for (const declaration of ws.declarations) {
                    if (isPolicy(declaration) || !declaration.name) continue;
                    const list = byId.get(declaration.name);
                    if (list) list.push(declaration);
                    else byId.set(declaration.name, [declaration]);
                }
            }
            return byId;
        }) as Map<string, Declaration[]>;
    }

    protected sortedWorkspaces(): Workspace[] {
        return this.documents.all
            .filter(doc => doc.parseResult?.value?.$type === 'Workspace')
            .toArray()
            .sort((a, b) => compareText(a.uri.toString(), b.uri.toString()))
            .map(doc => doc.parseResult.value as Workspace);
    }
}
