/**
 * What the findings and links of the other files depend on in one file: the symbols it exports
 * (members, competitors, customers: references resolve to them), the policy (its thresholds and
 * severities apply everywhere; its place is quoted by another file's second policy), where its
 * global ids are declared (a duplicate's message elsewhere quotes the place), and what another
 * file's message quotes of a symbol (a competitor's display name). Comparing these before and
 * after an edit says which other files to link or check again — none after an edit that changes
 * none of them (a comment, a member's display name, a contact).
 */
import { isReference, type AstNode, type LangiumDocument } from 'langium';
import { isCompetitor, isPolicy, reflection, type Workspace } from '../generated/ast.js';

export interface Dependencies {
    /** Exported symbols, `Type name` → the nodes that declare it, in order (references resolve to the first). */
    exports: Map<string, AstNode[]>;
    /** The policy blocks' thresholds and severities. */
    policy: string;
    /** Where the policy blocks are. */
    policyPlaces: string;
    /** Global id → where it is declared here (kind and line of each declaration). */
    places: Map<string, string>;
    /** Symbol name → what other files' messages quote of it. */
    shown: Map<string, string>;
}

const NONE: Dependencies = { exports: new Map(), policy: '', policyPlaces: '', places: new Map(), shown: new Map() };

export function dependenciesOf(document: LangiumDocument | undefined): Dependencies {
    const root = document?.parseResult?.value as Workspace | undefined;
    if (!root || !Array.isArray(root.declarations)) return NONE;
    const result: Dependencies = { exports: new Map(), policy: '', policyPlaces: '', places: new Map(), shown: new Map() };
    const line = (node: AstNode) => node.$cstNode?.range.start.line ?? -1;
    for (const declaration of root.declarations) {
        if (isPolicy(declaration)) {
            result.policy += `${declaration.staleContactDays} ${declaration.tierReviewDays} ${declaration.generalCoverage} ${declaration.severities.map(r => `${r.code}=${r.level}`).join(',')}\n`;
            result.policyPlaces += `${line(declaration)}\n`;
            continue;
        }
        if (!declaration.name) continue;
        const key = `${declaration.$type} ${declaration.name}`;
        // pushed, not copied: a file declaring one id thousands of times (a customer opened again and again) stays linear
        const declared = result.exports.get(key);
        if (declared) declared.push(declaration);
        else result.exports.set(key, [declaration]);
        result.places.set(declaration.name, `${result.places.get(declaration.name) ?? ''}${declaration.$type} ${line(declaration)}\n`);
        // another file's competitor-ahead message names the competitor (relationship-checks.ts)
        if (isCompetitor(declaration)) result.shown.set(declaration.name, `${result.shown.get(declaration.name) ?? ''}${declaration.displayName}\n`);
    }
    return result;
}

/** What changed between two states of a file, as the other files see it. */
export interface Change {
    /** Names whose declarations changed: references with these names must resolve again. */
    relink: Set<string>;
    /** The kinds (AST types) of the declarations whose names are in `relink`. */
    relinkKinds: Set<string>;
    /** The policy's values changed: every file is checked again. */
    policy: boolean;
    /** The policy moved: files with a policy of their own are checked again. */
    policyPlace: boolean;
    /** Ids declared or moved here: files declaring them too are checked again (duplicate-id). */
    places: Set<string>;
    /** Names whose quoted text changed: files referring to them are checked again. */
    shown: Set<string>;
}

/** The types the grammar's cross-references name (`[Member:Name]`…). */
const referenceTypes = new Set<string>(
    Object.values(reflection.types).flatMap(type =>
        Object.values(type.properties as Record<string, { referenceType?: string }>).flatMap(property =>
            property.referenceType ? [property.referenceType] : [],
        ),
    ),
);
const referableKinds = new Map<string, boolean>();

/** Whether a reference can resolve to a declaration of `kind` (one of the reference types, or a subtype of one). */
function referable(kind: string): boolean {
    let known = referableKinds.get(kind);
    if (known === undefined) referableKinds.set(kind, (known = [...referenceTypes].some(type => reflection.isSubtype(kind, type))));
    return known;
}

function differing(before: Map<string, string>, after: Map<string, string>): Set<string> {
    const names = new Set<string>();
    for (const [name, value] of before) if (after.get(name) !== value) names.add(name);
    for (const [name, value] of after) if (before.get(name) !== value) names.add(name);
    return names;
}

export function changeBetween(before: Dependencies, after: Dependencies): Change {
    const relink = new Set<string>();
    const relinkKinds = new Set<string>();
    const same = (a: AstNode[] | undefined, b: AstNode[] | undefined) => !!a && !!b && a.length === b.length && a.every((node, i) => node === b[i]);
    const changed = (key: string) => {
        const kind = key.slice(0, key.indexOf(' '));
        // a declaration no reference can resolve to (a customer): another node of it relinks nothing
        if (!referable(kind)) return;
        relink.add(key.slice(key.indexOf(' ') + 1));
        relinkKinds.add(kind);
    };
    for (const [key, nodes] of before.exports) if (!same(nodes, after.exports.get(key))) changed(key);
    for (const [key, nodes] of after.exports) if (!same(nodes, before.exports.get(key))) changed(key);
    return {
        relink,
        relinkKinds,
        policy: before.policy !== after.policy,
        policyPlace: before.policyPlaces !== after.policyPlaces,
        places: differing(before.places, after.places),
        shown: differing(before.shown, after.shown),
    };
}

export function isEmptyChange(change: Change): boolean {
    return change.relink.size === 0 && !change.policy && !change.policyPlace && change.places.size === 0 && change.shown.size === 0;
}

const referredNames = new WeakMap<object, { length: number; names: ReadonlySet<string> }>();

/**
 * The names a document refers to, once per linking of it: its references list is a new array
 * after each unlinking, and only grows while linked (a reference resolved late is pushed).
 */
export function namesReferredBy(document: LangiumDocument): ReadonlySet<string> {
    const references = document.references ?? [];
    let known = referredNames.get(references);
    if (!known || known.length !== references.length) {
        known = { length: references.length, names: new Set(references.filter(isReference).map(ref => ref.$refText)) };
        referredNames.set(references, known);
    }
    return known.names;
}

/** Whether a document referring to `names` refers to one of `wanted` (the smaller set is walked: an edit names a few, a document many). */
export function refersToAny(names: ReadonlySet<string>, wanted: ReadonlySet<string>): boolean {
    if (wanted.size === 0) return false;
    if (wanted.size <= names.size) {
        for (const name of wanted) if (names.has(name)) return true;
        return false;
    }
    for (const name of names) if (wanted.has(name)) return true;
    return false;
}
