/**
 * The strategic sandbox (seed 002; contract 6.5): every open opportunity of the workspace ranked
 * exactly as `acct sandbox` ranks them — the one function `sandboxRanking` — with the four parts
 * of each score (market space, growth, profit, 6 − competition), horizon and stage; the first N
 * are the picks; unscored ones are set apart. Pure: no DOM.
 */
import { SubjectKeys, sandboxRanking, stageDays, type Maturity, type StageAge, type ViewedPlan, type SandboxRow, type SubjectKey } from '@acct/contract';
import { firstById } from './common.js';
import { texts } from '../texts.js';

export type SandboxPart = 'space' | 'growth' | 'profit' | 'openness';

const PART_KEYS = {
    space: ['view.sandbox.part.space', 'view.sandbox.part.space.meaning'],
    growth: ['view.sandbox.part.growth', 'view.sandbox.part.growth.meaning'],
    profit: ['view.sandbox.part.profit', 'view.sandbox.part.profit.meaning'],
    openness: ['view.sandbox.part.openness', 'view.sandbox.part.openness.meaning'],
} as const;

/** The parts of the score in the order the bar stacks them. */
export const SANDBOX_PART_ORDER: readonly SandboxPart[] = ['space', 'growth', 'profit', 'openness'];

/** The parts of the score in the order the bar stacks them, with their names in the views' language. */
export function sandboxParts(): Array<{ part: SandboxPart; label: string; meaning: string }> {
    return SANDBOX_PART_ORDER.map(part => ({ part, label: texts().t(PART_KEYS[part][0]), meaning: texts().t(PART_KEYS[part][1]) }));
}

/** The highest score: 5 + 5 + 5 + (6 − 1). */
export const MAX_SCORE = 20;

export interface SandboxItem extends SandboxRow {
    key: SubjectKey;
    /** The lead's maturity (1.2): preliminary, credible or qualified. */
    maturity: Maturity | null;
    customerName: string;
    /** The score's parts in `SANDBOX_PARTS` order; null when not given. */
    parts: Array<{ part: SandboxPart; value: number | null }>;
    ariaLabel: string;
    tooltip: string;
    /** "bid since 2026-09-14, 83 days", from the plan's history; null while it is not read (or does not show it). */
    stageSince: string | null;
}

export interface SandboxModel {
    /** Scored, in rank order. */
    scored: SandboxItem[];
    /** Without all four scores, in rank order (after every scored one). */
    unscored: SandboxItem[];
    picks: number;
}

export function horizonText(row: Pick<SandboxRow, 'horizon'>): string {
    return row.horizon ? texts().vocabulary.horizons[row.horizon].label : texts().t('view.sandbox.noHorizon');
}

/** `preliminary lead`, `credible lead`, `opportunity lead`: the maturity in the method's words. */
export function maturityText(maturity: Maturity | null): string {
    return maturity ? texts().vocabulary.maturities[maturity].label : '';
}

function describe(
    r: SandboxRow,
    customerName: string,
    parts: SandboxItem['parts'],
    maturity: Maturity | null,
    stageSince: string | null,
): { aria: string; tip: string } {
    const t = texts();
    const names = sandboxParts();
    const partsText = t.list(parts.map((p, i) => `${names[i]!.label} ${p.value ?? '?'}`));
    const stage = stageSince ?? t.vocabulary.stages[r.stage].label;
    const score = r.score === null ? t.t('view.sandbox.notScored') : t.t('view.sandbox.scoreOf', { score: r.score, max: MAX_SCORE });
    const amount = r.amount ? `${r.amount.value.toLocaleString('en')}${r.amount.currency ? ` ${r.amount.currency}` : ''}` : null;
    const horizon = horizonText(r);
    return {
        aria:
            t.t('view.sandbox.aria', {
                rank: r.rank,
                pick: r.pick ? t.t('view.sandbox.aria.pick') : '',
                name: r.name,
                customer: customerName,
                score,
                parts: partsText,
                horizon,
                stage,
                amount: amount ? t.t('view.sandbox.aria.amount', { amount }) : '',
            }) + (maturity ? `; ${maturityText(maturity)}` : ''),
        tip: [
            t.t('view.sandbox.tip.title', { rank: r.rank, name: r.name, pick: r.pick ? t.t('view.sandbox.tip.pick') : '' }),
            t.t('view.sandbox.tip.meta', { customer: customerName, stage, horizon, amount: amount ? t.t('view.sandbox.tip.amount', { amount }) : '' }),
            ...(maturity ? [t.t('view.sandbox.tip.maturity', { maturity: t.vocabulary.maturities[maturity].meaning })] : []),
            r.score === null ? t.t('view.sandbox.tip.notScored') : t.t('view.sandbox.tip.score', { score: r.score, parts: partsText }),
            ...(r.competition !== null ? [t.t('view.sandbox.tip.competition', { competition: r.competition })] : []),
        ].join('\n'),
    };
}

/** The stage's label with since when the opportunity has held it, when the history says. */
function stageSinceText(r: SandboxRow, age: StageAge | undefined, today: string | null | undefined): string | null {
    if (!age || age.stage !== r.stage || !today) return null;
    return texts().t('view.sandbox.stageSince', { stage: texts().vocabulary.stages[r.stage].label, since: age.since, days: stageDays(age, today) });
}

export function buildSandbox(view: ViewedPlan, picks: number, stageAges?: Record<string, StageAge>): SandboxModel {
    const names = new Map(firstById(view.plan.customers).map(c => [c.id, c.name]));
    const maturities = new Map(view.plan.customers.flatMap(c => c.opportunities.map(o => [`${c.id}/${o.id}`, o.maturity ?? null] as const)));
    const items = sandboxRanking(view.plan, picks).map(r => {
        const customerName = names.get(r.customer) ?? r.customer;
        const parts: SandboxItem['parts'] = [
            { part: 'space', value: r.space },
            { part: 'growth', value: r.growth },
            { part: 'profit', value: r.profit },
            { part: 'openness', value: r.competition === null ? null : 6 - r.competition },
        ];
        const maturity = maturities.get(`${r.customer}/${r.opportunity}`) ?? null;
        const key = SubjectKeys.opportunity(r.customer, r.opportunity);
        const stageSince = stageSinceText(r, stageAges?.[key], view.plan.today);
        const { aria, tip } = describe(r, customerName, parts, maturity, stageSince);
        return { ...r, key, customerName, maturity, parts, ariaLabel: aria, tooltip: tip, stageSince };
    });
    return { scored: items.filter(i => i.score !== null), unscored: items.filter(i => i.score === null), picks };
}
