/**
 * The strategic sandbox (seed 002; contract 6.5): every open opportunity of the workspace ranked
 * exactly as `acct sandbox` ranks them — the one function `sandboxRanking` — with the four parts
 * of each score (market space, growth, profit, 6 − competition), horizon and stage; the first N
 * are the picks; unscored ones are set apart. Pure: no DOM.
 */
import { SubjectKeys, sandboxRanking, type PlanView, type SandboxRow, type SubjectKey } from '@acct/contract';
import { horizonMeanings, stageMeanings } from '@acct/method';
import { firstById } from './common.js';

export type SandboxPart = 'space' | 'growth' | 'profit' | 'openness';

/** The parts of the score in the order the bar stacks them, with their names. */
export const SANDBOX_PARTS: ReadonlyArray<{ part: SandboxPart; label: string; meaning: string }> = [
    { part: 'space', label: 'market space', meaning: 'Market space of the opportunity, 1..5.' },
    { part: 'growth', label: 'growth', meaning: 'Growth of the opportunity, 1..5.' },
    { part: 'profit', label: 'profit', meaning: 'Profit level of the opportunity, 1..5.' },
    { part: 'openness', label: '6 − competition', meaning: 'Six minus the competitive intensity (5 = fiercest): 1..5, more is easier.' },
];

/** The highest score: 5 + 5 + 5 + (6 − 1). */
export const MAX_SCORE = 20;

export interface SandboxItem extends SandboxRow {
    key: SubjectKey;
    customerName: string;
    /** The score's parts in `SANDBOX_PARTS` order; null when not given. */
    parts: Array<{ part: SandboxPart; value: number | null }>;
    ariaLabel: string;
    tooltip: string;
}

export interface SandboxModel {
    /** Scored, in rank order. */
    scored: SandboxItem[];
    /** Without all four scores, in rank order (after every scored one). */
    unscored: SandboxItem[];
    picks: number;
}

export function horizonText(row: Pick<SandboxRow, 'horizon'>): string {
    return row.horizon ? horizonMeanings[row.horizon].label : 'no horizon';
}

function describe(r: SandboxRow, customerName: string, parts: SandboxItem['parts']): { aria: string; tip: string } {
    const partsText = parts.map((p, i) => `${SANDBOX_PARTS[i]!.label} ${p.value ?? '?'}`).join(', ');
    const stage = stageMeanings[r.stage].label;
    const score = r.score === null ? 'not scored' : `score ${r.score} of ${MAX_SCORE}`;
    const amount = r.amount ? `${r.amount.value.toLocaleString('en')}${r.amount.currency ? ` ${r.amount.currency}` : ''}` : null;
    return {
        aria: `Rank ${r.rank}${r.pick ? ', a pick' : ''}: ${r.name} (${customerName}); ${score}: ${partsText}; ${horizonText(r)}; stage ${stage}`
            + (amount ? `; amount ${amount}` : ''),
        tip: [
            `#${r.rank} ${r.name}${r.pick ? ' — a pick' : ''}`,
            `${customerName} · stage ${stage} · ${horizonText(r)}${amount ? ` · ${amount}` : ''}`,
            r.score === null ? 'Not scored: give space, growth, profit and competition (1..5) to rank it.' : `Score ${r.score} = ${partsText}`,
            ...(r.competition !== null ? [`Competitive intensity ${r.competition} (5 = fiercest)`] : []),
        ].join('\n'),
    };
}

export function buildSandbox(view: PlanView, picks: number): SandboxModel {
    const names = new Map(firstById(view.plan.customers).map(c => [c.id, c.name]));
    const items = sandboxRanking(view.plan, picks).map(r => {
        const customerName = names.get(r.customer) ?? r.customer;
        const parts: SandboxItem['parts'] = [
            { part: 'space', value: r.space }, { part: 'growth', value: r.growth }, { part: 'profit', value: r.profit },
            { part: 'openness', value: r.competition === null ? null : 6 - r.competition },
        ];
        const { aria, tip } = describe(r, customerName, parts);
        return { ...r, key: SubjectKeys.opportunity(r.customer, r.opportunity), customerName, parts, ariaLabel: aria, tooltip: tip };
    });
    return { scored: items.filter(i => i.score !== null), unscored: items.filter(i => i.score === null), picks };
}
