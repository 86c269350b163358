/**
 * The two sides of `acct diff` between revisions, as the comparison needs them (node/
 * workspace-loader.ts `loadTextsThen`: the second side an update of the first). Every finding of
 * both sides is converted, as `acct check` converts them; of the elements only those of the files
 * whose parse differs between the sides: a file that did not change keeps its parse, so its
 * elements would be the same objects on both sides, which the comparison skips
 * (contract/plan-diff.ts). The whole plan of each side is still there when asked for.
 */
import { isCompetitor, isCustomer, isMember, type Workspace } from '../language/generated/ast.js';
import type { AcctPlanDocument } from '../contract/plan-types.js';
import { assemblePlan, type FileElements, type FileFindings, type FilePart, type FileSide, type PlanByFile } from './plan-by-file.js';

/** Two plans whose comparison says what the comparison of the two sides' whole plans says, and each side's findings by file. */
export interface ComparedPlans {
    before: AcctPlanDocument;
    after: AcctPlanDocument;
    byFile: { before: Map<string, FileFindings>; after: Map<string, FileFindings> };
}

type Kind = keyof FileElements;

/** The elements of a file left out of the comparison: none. */
const LEFT_OUT: FileElements = Object.freeze({ members: [], competitors: [], customers: [] });

/** The whole plan of one side (what `acct export` of it gives). */
export function sidePlan(byFile: PlanByFile, sides: readonly FileSide[], today: string): AcctPlanDocument {
    return assemblePlan(
        sides.map(side => part(side, byFile.elementsOf(side.root, side.path))),
        today,
    );
}

/**
 * The plans diffPlans compares: both sides' findings, and the elements of the files whose parse
 * is not the same object on both sides — what it says of them is what it says of the whole
 * plans (the files left out give the same element objects on both sides, and each list keeps its
 * order), unless an id of theirs is also declared in a file left out (a duplicate: which
 * declaration counts depends on all of them), and then every file's elements.
 */
export function comparedPlans(byFile: PlanByFile, first: readonly FileSide[], then: readonly FileSide[], today: string): ComparedPlans {
    const roots = (sides: readonly FileSide[]) => new Map(sides.map(side => [side.path, side.root]));
    const [firstRoots, thenRoots] = [roots(first), roots(then)];
    const differs = (other: ReadonlyMap<string, Workspace>) => (side: FileSide) => other.get(side.path) !== side.root;
    const [earlier, later] = [first.filter(differs(thenRoots)), then.filter(differs(firstRoots))];
    const compared = new Set([...earlier, ...later]);
    const ids: Record<Kind, Set<string>> = { members: new Set(), competitors: new Set(), customers: new Set() };
    for (const side of compared) {
        const elements = byFile.elementsOf(side.root, side.path);
        for (const kind of ['members', 'competitors', 'customers'] as const) for (const element of elements[kind]) ids[kind].add(element.id);
    }
    // the top-level declarations of a file left out, by the id their element would have (computePlan)
    const duplicated = then.some(
        side =>
            !compared.has(side) &&
            (side.root.declarations ?? []).some(d =>
                isMember(d) ? ids.members.has(d.name) : isCompetitor(d) ? ids.competitors.has(d.name) : isCustomer(d) && ids.customers.has(d.name),
            ),
    );
    const plan = (sides: readonly FileSide[]) =>
        assemblePlan(
            sides.map(side => part(side, duplicated || compared.has(side) ? byFile.elementsOf(side.root, side.path) : LEFT_OUT)),
            today,
        );
    const findings = (sides: readonly FileSide[]) => new Map(sides.map(side => [side.path, side.findings]));
    return { before: plan(first), after: plan(then), byFile: { before: findings(first), after: findings(then) } };
}

function part(side: FileSide, elements: FileElements): FilePart {
    return { path: side.path, elements, findings: side.findings };
}
