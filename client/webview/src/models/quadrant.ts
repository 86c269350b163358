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

/**
 * A cell names at most this many marks, one under the other (`cellSlot`'s `labelled`): a cell
 * of more customers draws those a reader is looking at alone and the others as one mark.
 */
export const CELL_NAMED = 4;
/** The hover text and the accessible label of a group name at most this many of its customers. */
const GROUP_NAMES = 40;

/** The customers of a crowded cell, drawn as one mark with their number. */
export interface QuadrantGroup {
    /** `cell:STANDING/COOPERATION`: the mark's key among the view's items (no plan element has it). */
    key: string;
    /** `STANDING/COOPERATION`. */
    cell: string;
    standing: number;
    cooperation: number;
    /** By name, then id (their slots' order). */
    members: QuadrantPoint[];
    mismatches: number;
    ariaLabel: string;
    tooltip: string;
}

/** What the quadrant draws: a customer alone or a group, in a slot of its cell. */
export type QuadrantMark = ({ kind: 'point'; point: QuadrantPoint } | { kind: 'group'; group: QuadrantGroup }) & {
    slot: number;
    slotCount: number;
    /** Where its first customer is in `points`: the marks are drawn in that order. */
    at: number;
};

const cellOf = (p: QuadrantPoint): string => `${p.standing}/${p.cooperation}`;

/**
 * Whether a cell's customers drawn alone (`alone`) and the others as one group (`grouped`, empty
 * for none) fit in the cell: the compact grid's question (its dots must not cover each other's numbers).
 */
export type CellFits = (alone: readonly QuadrantPoint[], grouped: readonly QuadrantPoint[]) => boolean;

/**
 * The marks of the quadrant: each customer alone while its cell holds at most `CELL_NAMED` (as
 * every cell was drawn before), or in the cell `open`; in a fuller cell, the customers `kept`
 * (the highlighted and the selected) alone with their names and the others, two or more, as one
 * group. With `fits` (the compact grid), a cell whose customers alone do not fit it is grouped
 * too, however few (two or more others). Kept or not, every customer is in exactly one mark.
 */
export function quadrantMarks(model: QuadrantModel, kept: (p: QuadrantPoint) => boolean, open: string | null = null, fits?: CellFits): QuadrantMark[] {
    const cells = new Map<string, number[]>();
    model.points.forEach((p, i) => {
        const list = cells.get(cellOf(p));
        if (list) list.push(i);
        else cells.set(cellOf(p), [i]);
    });
    const marks: QuadrantMark[] = [];
    for (const [cell, at] of cells) {
        const alone = (i: number, slot = model.points[i]!.slot, slotCount = model.points[i]!.slotCount): QuadrantMark => ({
            kind: 'point',
            point: model.points[i]!,
            slot,
            slotCount,
            at: i,
        });
        const keep = at.filter(i => kept(model.points[i]!));
        const few =
            at.length <= CELL_NAMED &&
            (!fits ||
                fits(
                    at.map(i => model.points[i]!),
                    [],
                ));
        if (few || cell === open || at.length - keep.length < 2) {
            for (const i of at) marks.push(alone(i));
            continue;
        }
        const bySlot = (a: number, b: number) => model.points[a]!.slot - model.points[b]!.slot;
        keep.sort(bySlot);
        const rest = at.filter(i => !keep.includes(i)).sort(bySlot);
        keep.forEach((i, slot) => marks.push(alone(i, slot, keep.length + 1)));
        const group = groupOf(rest.map(i => model.points[i]!));
        marks.push({ kind: 'group', group, slot: keep.length, slotCount: keep.length + 1, at: Math.min(...rest) });
    }
    return marks.sort((a, b) => a.at - b.at);
}

function groupOf(members: QuadrantPoint[]): QuadrantGroup {
    const t = texts();
    const { standing, cooperation } = members[0]!;
    const cell = `${standing}/${cooperation}`;
    const suggested = suggestedTiers[standing - 1]![cooperation - 1]!;
    const tier = t.name('tiers', suggested);
    const mismatches = members.filter(p => p.mismatch).length;
    const named = members.slice(0, GROUP_NAMES);
    const more = members.length > named.length ? [t.t('view.andMore', { count: members.length - named.length })] : [];
    const line = (p: QuadrantPoint): string =>
        t.t(p.mismatch ? 'view.quadrant.group.memberMismatch' : 'view.quadrant.group.member', {
            name: p.name,
            tier: p.tier ? t.name('tiers', p.tier) : t.t('view.notDeclared'),
        });
    const count = members.length;
    return {
        key: `cell:${cell}`,
        cell,
        standing,
        cooperation,
        members,
        mismatches,
        ariaLabel: t.t('view.quadrant.group.aria', {
            count,
            standing,
            cooperation,
            tier,
            mismatches: mismatches ? t.t('view.quadrant.group.aria.mismatches', { count: mismatches }) : '',
            names: t.list([...named.map(line), ...more]),
        }),
        tooltip: [t.t('view.quadrant.group.head', { count, standing, cooperation, tier }), '', ...named.map(line), ...more].join('\n'),
    };
}
