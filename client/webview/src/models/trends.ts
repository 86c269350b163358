/**
 * The Trends view's model: the trend of the element at the cursor (contract/trends.ts, answered
 * by the server from the plan's history) as panels of step lines, each on its own scale — on a
 * contact, support (us and each competitor), intimacy, role and last contact; on an opportunity,
 * stage, amount, qualification, then the support of each person of its decision chain as small
 * multiples; on a customer, findings by severity, tier and key people with support ≥ 1 — and the
 * commits as points, each with what a tooltip says of it.
 */
import { ROLES, STAGES, TIERS, supportText, type Role, type Stage, type Tier } from '@acct/method';
import type { SubjectKey, SubjectTrend, TrendPoint, TrendValue } from '@acct/contract';
import { texts } from '../texts.js';

export interface TrendLevel {
    value: number;
    label: string;
}

/** How a panel places values: a number line (ticks chosen by d3) or named levels, one row each. */
export type TrendAxis = { kind: 'linear'; min: number; max: number; integer: boolean; format: 'number' | 'date' } | { kind: 'levels'; levels: TrendLevel[] };

export interface TrendLine {
    key: string;
    /** Said in the legend row of its panel when the panel has more than one line. */
    label: string;
    /** CSS class: `us`, `rival-N`, `sev-error` … */
    cls: string;
    /** One per point of the trend: null where the line has no value (a gap). */
    values: Array<number | null>;
}

export interface TrendPanel {
    id: string;
    title: string;
    axis: TrendAxis;
    lines: TrendLine[];
}

export interface TrendCommitPoint {
    key: SubjectKey;
    commit: string;
    date: string;
    tooltip: string;
    aria: string;
}

export interface TrendsModel {
    heading: string;
    subheading: string;
    /** The x domain: first point's date to the history's last commit. */
    from: string;
    until: string;
    dates: string[];
    points: TrendCommitPoint[];
    panels: TrendPanel[];
    /** The decision chain's people, one small panel each (an opportunity). */
    multiples: TrendPanel[];
}

const SUBHEADING = {
    contact: 'view.trends.subheading.contact',
    opportunity: 'view.trends.subheading.opportunity',
    customer: 'view.trends.subheading.customer',
} as const;
const SEVERITY = { error: 'view.legend.severity.error', warning: 'view.legend.severity.warning', info: 'view.legend.severity.info' } as const;

/** Where unknown support (?) sits on a support panel: a row of its own below −1. */
const UNKNOWN_SUPPORT = -2;
const DAY = 86_400_000;

export function dayNumber(date: string): number {
    return Date.parse(`${date}T00:00:00Z`) / DAY;
}

function supportAxis(): TrendAxis {
    return { kind: 'levels', levels: [{ value: UNKNOWN_SUPPORT, label: '?' }, ...[-1, 0, 1, 2, 3].map(v => ({ value: v, label: supportText(v as never) }))] };
}

export function buildTrends(trend: SubjectTrend): TrendsModel {
    const t = texts();
    const points = trend.points;
    const value = (p: TrendPoint, key: string): TrendValue | undefined => (key in p.values ? p.values[key] : undefined);
    const series = (key: string, map: (v: TrendValue) => number | null) =>
        points.map(p => {
            const v = value(p, key);
            return v === undefined ? null : map(v);
        });
    const support = (v: TrendValue) => (v === null ? UNKNOWN_SUPPORT : Number(v));
    const num = (v: TrendValue) => (typeof v === 'number' ? v : null);
    const panels: TrendPanel[] = [];
    const multiples: TrendPanel[] = [];
    const maxOf = (lines: TrendLine[]) => Math.max(1, ...lines.flatMap(l => l.values.filter((v): v is number => v !== null)));
    if (trend.kind === 'contact') {
        const rivals = trend.series.filter(s => s.key.startsWith('competitor:'));
        panels.push({
            id: 'support',
            title: t.t('view.trends.panel.support'),
            axis: supportAxis(),
            lines: [
                { key: 'support', label: t.t('view.trends.us'), cls: 'us', values: series('support', support) },
                ...rivals.map((s, i): TrendLine => ({ key: s.key, label: s.label ?? s.key, cls: `rival rival-${i % 4}`, values: series(s.key, support) })),
            ],
        });
        panels.push({
            id: 'intimacy',
            title: t.t('view.trends.panel.intimacy'),
            axis: { kind: 'levels', levels: [-3, -2, -1, 0, 1, 2, 3].map(v => ({ value: v, label: v > 0 ? `+${v}` : String(v) })) },
            lines: [{ key: 'intimacy', label: '', cls: 'own', values: series('intimacy', num) }],
        });
        const roles: Array<Role | null> = [null, ...ROLES];
        panels.push({
            id: 'role',
            title: t.t('view.trends.panel.role'),
            axis: { kind: 'levels', levels: roles.map((r, i) => ({ value: i, label: r ? t.vocabulary.roles[r].label : t.t('view.trends.none') })) },
            lines: [{ key: 'role', label: '', cls: 'own', values: series('role', v => roles.indexOf(v as Role | null)) }],
        });
        const lastContact = series('lastContact', v => (typeof v === 'string' ? dayNumber(v) : null));
        const known = lastContact.filter((v): v is number => v !== null);
        panels.push({
            id: 'lastContact',
            title: t.t('view.trends.panel.lastContact'),
            axis: known.length
                ? { kind: 'linear', min: Math.min(...known), max: Math.max(...known, Math.min(...known) + 1), integer: true, format: 'date' }
                : { kind: 'levels', levels: [{ value: 0, label: t.t('view.trends.none') }] },
            lines: [{ key: 'lastContact', label: '', cls: 'own', values: known.length ? lastContact : lastContact.map(() => null) }],
        });
    } else if (trend.kind === 'opportunity') {
        const stages: Stage[] = [...STAGES];
        panels.push({
            id: 'stage',
            title: t.t('view.trends.panel.stage'),
            axis: { kind: 'levels', levels: stages.map((s, i) => ({ value: i, label: t.vocabulary.stages[s].label })) },
            lines: [{ key: 'stage', label: '', cls: 'own', values: series('stage', v => (v === null ? null : stages.indexOf(v as Stage))) }],
        });
        const amount: TrendLine = { key: 'amount', label: '', cls: 'own', values: series('amount', num) };
        const currency = trend.series.find(s => s.key === 'amount')?.label;
        panels.push({
            id: 'amount',
            title: currency ? `${t.t('view.trends.panel.amount')} (${currency})` : t.t('view.trends.panel.amount'),
            axis: { kind: 'linear', min: 0, max: maxOf([amount]), integer: false, format: 'number' },
            lines: [amount],
        });
        panels.push({
            id: 'qualified',
            title: t.t('view.trends.panel.qualified'),
            axis: {
                kind: 'levels',
                levels: [
                    { value: 0, label: t.t('view.trends.no') },
                    { value: 1, label: t.t('view.trends.yes') },
                ],
            },
            lines: [{ key: 'qualified', label: '', cls: 'own', values: series('qualified', v => (v ? 1 : 0)) }],
        });
        for (const s of trend.series.filter(x => x.key.startsWith('chain:'))) {
            multiples.push({
                id: s.key,
                title: s.label ?? s.key.slice(6),
                axis: supportAxis(),
                lines: [{ key: s.key, label: '', cls: 'us', values: series(s.key, support) }],
            });
        }
    } else {
        const severities = ['error', 'warning', 'info'] as const;
        const lines = severities.map((sev): TrendLine => ({ key: sev, label: t.t(SEVERITY[sev]), cls: `sev-${sev}`, values: series(sev, num) }));
        panels.push({
            id: 'findings',
            title: t.t('view.trends.panel.findings'),
            axis: { kind: 'linear', min: 0, max: maxOf(lines), integer: true, format: 'number' },
            lines,
        });
        const tiers: Tier[] = [...TIERS].reverse();
        panels.push({
            id: 'tier',
            title: t.t('view.trends.panel.tier'),
            axis: {
                kind: 'levels',
                levels: [{ value: -1, label: t.t('view.trends.none') }, ...tiers.map((tier, i) => ({ value: i, label: t.name('tiers', tier) }))],
            },
            lines: [{ key: 'tier', label: '', cls: 'own', values: series('tier', v => (v === null ? -1 : tiers.indexOf(v as Tier))) }],
        });
        const people: TrendLine = { key: 'keyPeople', label: '', cls: 'us', values: series('keyPeople', num) };
        panels.push({
            id: 'keyPeople',
            title: t.t('view.trends.panel.keyPeople'),
            axis: { kind: 'linear', min: 0, max: maxOf([people]), integer: true, format: 'number' },
            lines: [people],
        });
    }
    const from = points[0]?.date ?? trend.until;
    const commitPoints = points.map((p): TrendCommitPoint => {
        const head = t.t('view.trends.point.head', { date: p.date, commit: p.commit.slice(0, 7), author: p.author });
        return {
            key: `${trend.subject}@${p.commit}` as SubjectKey,
            commit: p.commit,
            date: p.date,
            tooltip: [head, p.message, ...p.changes.map(c => `  ${c}`), t.t('view.trends.point.open')].join('\n'),
            aria: t.t('view.trends.point.aria', { date: p.date, author: p.author, message: p.message }),
        };
    });
    return {
        heading: t.t('view.trends.heading', { name: trend.name }),
        subheading: t.t(SUBHEADING[trend.kind], { count: points.length, from, until: trend.until }),
        from,
        until: trend.until,
        dates: points.map(p => p.date),
        points: commitPoints,
        panels,
        multiples,
    };
}
