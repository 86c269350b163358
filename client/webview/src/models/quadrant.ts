/**
 * The tier quadrant's model: every customer by standing × cooperation, its declared tier against
 * the tier the plan suggests for it (`suggestedTier`, computed by the server from the method's
 * table), in deterministic slots per cell. Pure: no DOM.
 */
import { compareText, SubjectKeys, type Finding, type PlanView, type SubjectKey, type Tier } from '@acct/contract';
import { isScore } from '@acct/method';
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

export function buildQuadrant(view: PlanView, focusedCustomer: string | null, index: FindingIndex = indexFindings(view)): QuadrantModel {
    const points: QuadrantPoint[] = [];
    const unplotted: QuadrantModel['unplotted'] = [];
    const t = texts();
    for (const c of firstById(view.plan.customers)) {
        const key = SubjectKeys.customer(c.id);
        if (!isScore(c.standing) || !isScore(c.cooperation)) {
            const missing = [
                !isScore(c.standing) ? t.t('view.quadrant.standing') : '', !isScore(c.cooperation) ? t.t('view.quadrant.cooperation') : '',
            ].filter(Boolean);
            unplotted.push({ key, name: c.name, reason: t.t('view.quadrant.noValid', { missing: t.and(missing) }) });
            continue;
        }
        const suggested = c.suggestedTier;
        const mismatch = c.tier !== null && suggested !== null && c.tier !== suggested;
        const findings = findingsAbout(index, key);
        const tier = c.tier ? t.name('tiers', c.tier) : t.t('view.notDeclared');
        const suggestedName = suggested ? t.name('tiers', suggested) : t.t('view.none');
        const scores = { standing: c.standing, cooperation: c.cooperation };
        const label = t.t('view.quadrant.aria', { name: c.name, ...scores, tier, suggested: suggestedName })
            + (mismatch ? t.t('view.quadrant.aria.mismatch') : '')
            + (findings.length ? `; ${findingsSummary(findings, f => f.code, ', ')}` : '');
        const tip = [
            c.name,
            t.t('view.quadrant.scores', scores),
            t.t(mismatch ? 'view.quadrant.tierMismatch' : 'view.quadrant.tier', { tier, suggested: suggestedName }),
            ...(c.industry ? [t.t('view.quadrant.industry', { industry: c.industry })] : []),
            ...(findings.length ? ['', findingsText(findings)] : []),
        ].join('\n');
        points.push({
            key, id: c.id, name: c.name, standing: c.standing, cooperation: c.cooperation, tier: c.tier, suggested,
            mismatch, focused: c.id === focusedCustomer, findings, slot: 0, slotCount: 1, ariaLabel: label, tooltip: tip,
        });
    }
    const counts = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    for (const p of points) counts[p.standing - 1]![p.cooperation - 1]!++;
    // by name, then id: reordering the plan moves no one
    assignSlots(points, p => `${p.standing}/${p.cooperation}`, (a, b) => a.name.localeCompare(b.name) || compareText(a.id, b.id));
    return { points, unplotted, counts, mismatches: points.filter(p => p.mismatch).length };
}
