/**
 * Facts that belong to the whole workspace rather than to one file: the `policy` thresholds and
 * severities, and the global ids (members, competitors, customers). Cached until the next workspace change.
 */
import { WorkspaceCache, type LangiumCoreServices, type LangiumDocuments } from 'langium';
import { isPolicy, type Declaration, type Policy, type Workspace } from '../generated/ast.js';
import { defaultThresholds, isAdjustable, isIssueCode, thresholdRules, type IssueCode, type SeverityLevel, type Thresholds } from '../../method/index.js';
import { documentsByUri } from './acct-documents.js';

export interface EffectivePolicy extends Thresholds {
    /** The policy block in force, if any. */
    source?: Policy;
}

/** Past this many parses changed, the global ids are found again from all. */
const MAX_PARSES_UPDATED = 8;

export class WorkspaceFacts {
    protected readonly documents: LangiumDocuments;
    protected readonly cache: WorkspaceCache<string, unknown>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
        // the facts kept across updates hold parses: a deleted file's must not outlive it
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            if (deleted.length) this.forgetKeptFacts();
        });
    }

    private forgetKeptFacts(): void {
        this.derivedFacts.clear();
        this.lastGlobals = undefined;
        this.lastRoots = [];
        this.lastPolicies = [];
        this.policiesFrom = [];
    }

    /** Every policy block of the workspace, in file order: the first one is in force. */
    policies(): Policy[] {
        return this.derived('policies', this.roots(), this.findPolicies) as Policy[];
    }

    private findPolicies(): Policy[] {
        const roots = this.roots();
        const from = this.policiesFrom;
        this.policiesFrom = roots;
        // each parse the same as the one the last blocks were found in at its place, or it and that one without a
        // policy (`acct history`: a commit changes a file or two of 200): the same blocks, without a walk of every parse's
        if (
            roots.length === from.length &&
            roots.every((ws, i) => ws === from[i] || (this.policiesIn(ws).length === 0 && this.policiesIn(from[i]!).length === 0))
        )
            return this.lastPolicies;
        const policies = roots.flatMap(ws => this.policiesIn(ws));
        const last = this.lastPolicies;
        if (policies.length === last.length && policies.every((policy, i) => policy === last[i])) return last;
        return (this.lastPolicies = policies);
    }

    /** The policy blocks of one parse (most files have none), found once per parse. */
    private readonly policiesOf = new WeakMap<Workspace, readonly Policy[]>();
    private policiesIn(ws: Workspace): readonly Policy[] {
        let known = this.policiesOf.get(ws);
        if (!known) this.policiesOf.set(ws, (known = ws.declarations.filter(isPolicy)));
        return known;
    }

    /** The policy blocks last found: the same array while they are the same blocks, so that what follows from them is not worked out again. */
    private lastPolicies: Policy[] = [];
    /** The parses they were found in. */
    private policiesFrom: readonly Workspace[] = [];

    /** The thresholds in force: the policy's where valid (an out-of-range value counts for nothing), else the defaults. */
    policy(): EffectivePolicy {
        return this.derived('policy', this.policies(), this.findPolicy) as EffectivePolicy;
    }

    private findPolicy(): EffectivePolicy {
        const source = this.policies()[0];
        if (!source) return defaultThresholds;
        const effective: EffectivePolicy = { ...defaultThresholds, source };
        for (const [property, rule] of Object.entries(thresholdRules) as Array<[keyof Thresholds, { minimum: number }]>) {
            const value = source[property];
            if (value !== undefined && Number.isInteger(value) && value >= rule.minimum) effective[property] = value;
        }
        return effective;
    }

    /** The severities the policy in force gives checks (`severity CODE LEVEL`; the last line for a code counts). */
    severities(): ReadonlyMap<IssueCode, SeverityLevel> {
        return this.derived('severities', this.policies(), this.findSeverities) as ReadonlyMap<IssueCode, SeverityLevel>;
    }

    private findSeverities(): ReadonlyMap<IssueCode, SeverityLevel> {
        const levels = new Map<IssueCode, SeverityLevel>();
        for (const rule of this.policies()[0]?.severities ?? []) {
            if (isIssueCode(rule.code) && isAdjustable(rule.code) && rule.level) levels.set(rule.code, rule.level);
        }
        return levels;
    }

    /** Global declarations (member, competitor, customer) by id, in file order. */
    globalDeclarations(): Map<string, Declaration[]> {
        return this.derived('globals', this.roots(), () => {
            const roots = this.roots();
            const last = this.lastGlobals;
            const byId = (last && this.updatedGlobals(last.roots, roots, last.byId)) ?? this.globalsOf(roots);
            this.lastGlobals = { roots, byId };
            return byId;
        }) as Map<string, Declaration[]>;
    }

    /** The global ids of the parses last asked for (an update changes a few parses: their ids are updated in them). */
    private lastGlobals: { roots: readonly Workspace[]; byId: Map<string, Declaration[]> } | undefined;

    private globalsOf(roots: readonly Workspace[]): Map<string, Declaration[]> {
        const byId = new Map<string, Declaration[]>();
        for (const ws of roots) {
            const { names, declarations } = this.namedIn(ws);
            for (let i = 0; i < names.length; i++) {
                const name = names[i]!;
                const declaration = declarations[i]!;
                const list = byId.get(name);
                if (list) list.push(declaration);
                else byId.set(name, [declaration]);
            }
        }
        return byId;
    }

    /**
     * `byId`, the global ids of the parses `before`, made those of `after` in place — the lists of
     * the ids the changed parses declare made again, in file order — when the same number of
     * parses differ in a few places, none moved; else undefined.
     */
    private updatedGlobals(
        before: readonly Workspace[],
        after: readonly Workspace[],
        byId: Map<string, Declaration[]>,
    ): Map<string, Declaration[]> | undefined {
        if (before.length !== after.length) return undefined;
        const removed = new Set<Workspace>();
        const added: Workspace[] = [];
        for (let i = 0; i < after.length; i++) {
            if (after[i] === before[i]) continue;
            if (added.push(after[i]!) > MAX_PARSES_UPDATED) return undefined;
            removed.add(before[i]!);
        }
        // a parse at another place in the order (a file renamed): found again from all
        if (added.some(ws => removed.has(ws))) return undefined;
        const names = new Set<string>();
        for (const ws of [...removed, ...added]) for (const name of this.namedIn(ws).names) names.add(name);
        for (const name of names) {
            // (the editor's incremental parse moves the declarations it keeps into the new parse)
            const list = (byId.get(name) ?? []).filter(d => !removed.has(d.$container) && !added.includes(d.$container));
            let grew = false;
            for (const ws of added) {
                const named = this.namedIn(ws);
                for (let i = 0; i < named.names.length; i++) {
                    if (named.names[i] !== name) continue;
                    list.push(named.declarations[i]!);
                    grew = true;
                }
            }
            // in file order (a stable sort: a file's declarations stay in their order)
            if (grew && list.length > 1) list.sort((a, b) => after.indexOf(a.$container) - after.indexOf(b.$container));
            if (list.length) byId.set(name, list);
            else byId.delete(name);
        }
        return byId;
    }

    /**
     * The global declarations of one parse with their ids, found once per parse: the map is made
     * again at each update (`acct history`: at each commit), and a name read from the syntax tree
     * costs more than a map's entry (1.4 ms per update for 260 declarations). Two lists side by
     * side, not a pair per declaration: a megabyte of customers kept 60,000 pairs for the load.
     */
    private readonly namedOf = new WeakMap<Workspace, NamedDeclarations>();
    private namedIn(ws: Workspace): NamedDeclarations {
        let known = this.namedOf.get(ws);
        if (!known) {
            const named: NamedDeclarations = { names: [], declarations: [] };
            for (const declaration of ws.declarations) {
                if (isPolicy(declaration) || !declaration.name) continue;
                named.names.push(declaration.name);
                named.declarations.push(declaration);
            }
            this.namedOf.set(ws, (known = named));
        }
        return known;
    }

    /**
     * A fact worked out again only when what it follows from is another array: the parses for the
     * global ids, the policy blocks for the thresholds and severities (each a function of those
     * alone, and a parse is never changed in place). An update that re-parses a file without a
     * policy keeps the policy's facts.
     */
    private readonly derivedFacts = new Map<string, { from: readonly unknown[]; value: unknown }>();
    private derived(key: string, from: readonly unknown[], compute: (this: WorkspaceFacts) => unknown): unknown {
        const known = this.derivedFacts.get(key);
        if (known && known.from === from) return known.value;
        // a method, not a closure made at each call: the policy is asked for by every check of every node
        const value = compute.call(this);
        this.derivedFacts.set(key, { from, value });
        return value;
    }

    /** The workspace's parses in file order, the same array as long as they are the same parses. */
    private lastRoots: readonly Workspace[] = [];
    private roots(): readonly Workspace[] {
        return this.cache.get('roots', this.findRoots) as readonly Workspace[];
    }

    /** The roots found again after an update: one function for the cache, not a closure at every call (policy() asks for the roots, and every check for the policy). */
    private readonly findRoots = (): readonly Workspace[] => {
        const roots = this.sortedWorkspaces();
        const last = this.lastRoots;
        if (roots.length === last.length && roots.every((root, i) => root === last[i])) return last;
        return (this.lastRoots = roots);
    };

    protected sortedWorkspaces(): Workspace[] {
        const roots: Workspace[] = [];
        for (const doc of documentsByUri(this.documents)) if (doc.parseResult?.value?.$type === 'Workspace') roots.push(doc.parseResult.value as Workspace);
        return roots;
    }
}

/** A parse's global declarations and their ids: `names[i]` is the id of `declarations[i]`. */
interface NamedDeclarations {
    names: string[];
    declarations: Declaration[];
}
