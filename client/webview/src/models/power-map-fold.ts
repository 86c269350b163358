/**
 * A deal's power map shows the people who matter to the deal (the method, §3: "each person who
 * matters to a deal gets a box"): the entries of its decision chain, the people they report to up
 * to the top of the organisation (so that the reporting lines stay readable), and the people whose
 * `influences` lines reach a chain member. The rest of the organisation is folded: counted where
 * a folded branch hangs under a person shown, or for their group when no one of their branch is
 * shown. Pure: no DOM.
 */
import type { ContactJson } from '@acct/contract';

type Person = Pick<ContactJson, 'id' | 'reportsTo' | 'influences'>;

/** The people the members of `chain` report to, up to the top of the organisation, outside the chain. */
export function chainManagers(contacts: readonly Person[], chain: ReadonlySet<string>): Set<string> {
    const byId = new Map(contacts.map(c => [c.id, c]));
    const managers = new Set<string>();
    for (const id of chain) {
        if (!byId.has(id)) continue;
        // up the declared reporting line to the top (a cycle of managers ends where it comes back)
        const seen = new Set([id]);
        for (let up = byId.get(id)!.reportsTo; up && byId.has(up) && !seen.has(up); up = byId.get(up)!.reportsTo) {
            seen.add(up);
            if (!chain.has(up)) managers.add(up);
        }
    }
    return managers;
}

/** The contacts a deal's power map shows: the members of `chain`, their `managers` and who influences a member. */
export function peopleWhoMatter(contacts: readonly Person[], chain: ReadonlySet<string>, managers: ReadonlySet<string>): Set<string> {
    const shown = new Set<string>();
    for (const c of contacts) if (chain.has(c.id) || managers.has(c.id) || c.influences?.some(to => chain.has(to))) shown.add(c.id);
    return shown;
}

/** How many folded people hang under each person shown, and how many of each group hang under no one shown. */
export interface FoldCounts {
    /** By the id of the person shown nearest above them in their group's org chart. */
    below: Map<string, number>;
    /** By group: the folded people whose branch holds no one shown. */
    loose: Map<string, number>;
}

/**
 * Counts the folded contacts of `ids` (those not in `shown`) by where they hang: `parent` is each
 * contact's manager in its group's org chart (cycles broken), `groupOf` its group.
 */
export function foldCounts(
    ids: readonly string[],
    parent: ReadonlyMap<string, string | null>,
    groupOf: ReadonlyMap<string, string>,
    shown: ReadonlySet<string>,
): FoldCounts {
    const below = new Map<string, number>();
    const loose = new Map<string, number>();
    // the person shown nearest above each folded contact (null: none), found once per contact
    const top = new Map<string, string | null>();
    const topOf = (id: string): string | null => {
        const path: string[] = [];
        let cur: string | null = id;
        let found: string | null = null;
        while (cur !== null) {
            const known = top.get(cur);
            if (known !== undefined) {
                found = known;
                break;
            }
            const up: string | null = parent.get(cur) ?? null;
            path.push(cur);
            if (up !== null && shown.has(up)) {
                found = up;
                break;
            }
            cur = up;
        }
        for (const p of path) top.set(p, found);
        return found;
    };
    for (const id of ids) {
        if (shown.has(id)) continue;
        const at = topOf(id);
        if (at !== null) below.set(at, (below.get(at) ?? 0) + 1);
        else {
            const group = groupOf.get(id) ?? '';
            loose.set(group, (loose.get(group) ?? 0) + 1);
        }
    }
    return { below, loose };
}
