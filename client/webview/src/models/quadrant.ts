/**
 * The tier quadrant's model: every customer by standing × cooperation, its declared tier against
 * the tier the plan suggests for it (`suggestedTier`, computed by the server from the method's
 * table), in deterministic slots per cell. Pure: no DOM.
 */
import { compareText, SubjectKeys, type Finding, type ViewedPlan, type SubjectKey, type Tier } from '@acct/contract';
import { isScore, suggestedTiers } from '@acct/method';
import { assignSlots, firstById, type Slotted } from './common.js';
import { findingsAbout, findingsSummary, findingsText, indexFindings, type FindingIndex } from './findings.js';
import { texts } from '../texts.js';

export interface QuadrantPoint extends Slotted {
    key: SubjectKey;
    id: string;
    name: string;
    standing: number;
    cooperation: number;
    tier: Tier | null;
    /** The tier the plan suggests for the scores. */
    suggested: Tier | null;
    mismatch: boolean;
    focused: boolean;
    findings: Finding[];
    ariaLabel: string;
    tooltip: string;
}

export interface QuadrantModel {
    points: QuadrantPoint[];
    /** Customers without usable standing/cooperation. */
    unplotted: { key: SubjectKey; name: string; reason: string }[];
    /** `counts[standing-1][cooperation-1]`. */
    counts: number[][];
    mismatches: number;
}

export function buildQuadrant(view: ViewedPlan, focusedCustomer: string | null, index: FindingIndex = indexFindings(view)): QuadrantModel {
    // the report draws a quadrant of every customer per customer, all from one plan and one index of its findings: built once
    const t = texts();
    let built = builtFor.get(index);
    if (!built || built.view !== view || built.texts !== t) {
        built = { view, texts: t, model: buildUnfocused(view, index) };
        builtFor.set(index, built);
    }
    const m = built.model;
    const model: QuadrantModel = {
        points: m.points.map(p => ({ ...p, focused: p.id === focusedCustomer })),
        unplotted: m.unplotted.map(u => ({ ...u })),
        counts: m.counts.map(row => [...row]),
        mismatches: m.mismatches,
    };
    unfocused.set(model, m);
    return model;
}

/** The model with no customer focused that `model` was copied from (the same points, in the same order). */
export function unfocusedOf(model: QuadrantModel): QuadrantModel | undefined {
    return unfocused.get(model);
}

const unfocused = new WeakMap<QuadrantModel, QuadrantModel>();

/** The quadrant last built with an index of findings (a fresh index, as the editor's views make, builds it again). */
const builtFor = new WeakMap<FindingIndex, { view: ViewedPlan; texts: ReturnType<typeof texts>; model: QuadrantModel }>();

function buildUnfocused(view: ViewedPlan, index: FindingIndex): QuadrantModel {
    const focusedCustomer = null;
    const points: QuadrantPoint[] = [];
    const unplotted: QuadrantModel['unplotted'] = [];
    const t = texts();
    for (const c of firstById(view.plan.customers)) {
        const key = SubjectKeys.customer(c.id);
        if (!isScore(c.standing) || !isScore(c.cooperation)) {
            const missing = [!isScore(c.standing) ? t.t('view.quadrant.standing') : '', !isScore(c.cooperation) ? t.t('view.quadrant.cooperation') : ''].filter(
                Boolean,
            );
            unplotted.push({ key, name: c.name, reason: t.t('view.quadrant.noValid', { missing: t.and(missing) }) });
            continue;
        }
        const suggested = c.suggestedTier;
        const mismatch = c.tier !== null && suggested !== null && c.tier !== suggested;
        const findings = findingsAbout(index, key);
        const tier = c.tier ? t.name('tiers', c.tier) : t.t('view.notDeclared');
        const suggestedName = suggested ? t.name('tiers', suggested) : t.t('view.none');
        const scores = { standing: c.standing, cooperation: c.cooperation };
        const label =
            t.t('view.quadrant.aria', { name: c.name, ...scores, tier, suggested: suggestedName }) +
            (mismatch ? t.t('view.quadrant.aria.mismatch') : '') +
            (findings.length ? `; ${findingsSummary(findings, f => f.code, ', ')}` : '');
        const tip = [
            c.name,
            t.t('view.quadrant.scores', scores),
            t.t(mismatch ? 'view.quadrant.tierMismatch' : 'view.quadrant.tier', { tier, suggested: suggestedName }),
            ...(c.industry ? [t.t('view.quadrant.industry', { industry: c.industry })] : []),
            ...(findings.length ? ['', findingsText(findings)] : []),
        ].join('\n');
        points.push({
            key,
            id: c.id,
            name: c.name,
            standing: c.standing,
            cooperation: c.cooperation,
            tier: c.tier,
            suggested,
            mismatch,
            focused: c.id === focusedCustomer,
            findings,
            slot: 0,
            slotCount: 1,
            ariaLabel: label,
            tooltip: tip,
        });
    }
    const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    for (const p of points) counts[p.standing - 1]![p.cooperation - 1]!++;
    // by name, then id: reordering the plan moves no one
    assignSlots(
        points,
        p => `${p.standing}/${p.cooperation}`,
        (a, b) => a.name.localeCompare(b.name) || compareText(a.id, b.id),
    );
    return { points, unplotted, counts, mismatches: points.filter(p => p.mismatch).length };
}

/** A region of the quadrant: the cells, side by side, for which the table suggests one tier. */
export interface TierRegion {
    tier: Tier;
    /** `[standing, cooperation]` of each cell. */
    cells: Array<[number, number]>;
    /** The cell that carries the region's name: the one holding the fewest customers, bottom right first. */
    labelCell: [number, number];
}

/** The regions of the tier table, found by joining neighbouring cells of the same tier. */
export function tierRegions(counts: readonly (readonly number[])[]): TierRegion[] {
    const seen = new Set<string>();
    const regions: TierRegion[] = [];
    for (let s = 1; s <= 5; s++) {
        for (let c = 1; c <= 5; c++) {
            if (seen.has(`${s}/${c}`)) continue;
            const tier = suggestedTiers[s - 1]![c - 1]!;
            const cells: Array<[number, number]> = [];
            const todo: Array<[number, number]> = [[s, c]];
            seen.add(`${s}/${c}`);
            while (todo.length) {
                const [cs, cc] = todo.pop()!;
                cells.push([cs, cc]);
                for (const [ns, nc] of [
                    [cs + 1, cc],
                    [cs - 1, cc],
                    [cs, cc + 1],
                    [cs, cc - 1],
                ] as const) {
                    if (ns < 1 || ns > 5 || nc < 1 || nc > 5 || seen.has(`${ns}/${nc}`) || suggestedTiers[ns - 1]![nc - 1] !== tier) continue;
                    seen.add(`${ns}/${nc}`);
                    todo.push([ns, nc]);
                }
            }
            const fewest = (a: [number, number], b: [number, number]): number =>
                counts[a[0] - 1]![a[1] - 1]! - counts[b[0] - 1]![b[1] - 1]! || a[0] - b[0] || b[1] - a[1];
            regions.push({ tier, cells, labelCell: [...cells].sort(fewest)[0]! });
        }
    }
    return regions;
}
