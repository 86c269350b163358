/**
 * The three moves for an opposed key person (seed 000, "three axes": an executive visit, an
 * exhibition, a headquarters visit), as the card of a contact with an `opposed-key-person`
 * finding shows them: each move done, planned or missing. Which activities count, and when a
 * move is under way, is the method core's rule (`THREE_AXES`, `isMoveUnderWay`). Pure: no DOM.
 */
import type { ActivityJson, CustomerJson } from '@acct/contract';
import { isMoveUnderWay, THREE_AXES } from '@acct/method';
import { texts } from '../texts.js';

export type MoveAxis = (typeof THREE_AXES)[number];
export type MoveState = 'done' | 'planned' | 'missing';

export interface MoveMark {
    axis: MoveAxis;
    state: MoveState;
    /** The move's name in the method's words ("executive visit"). */
    label: string;
    /** The activity that makes it done or planned. */
    activity: Pick<ActivityJson, 'id' | 'name' | 'date'> | null;
}

const RANK: Record<MoveState, number> = { done: 0, planned: 1, missing: 2 };

function stateOf(a: ActivityJson, today: string): MoveState {
    if (!isMoveUnderWay(a.status, a.date, today)) return 'missing';
    return a.status === 'done' ? 'done' : 'planned';
}

/** The three moves with `contactId` in `customer`'s activities, in the method's order. */
export function threeMoves(customer: CustomerJson, contactId: string, today: string): MoveMark[] {
    return THREE_AXES.map(axis => {
        let best: MoveMark = { axis, state: 'missing', label: texts().vocabulary.activityKinds[axis].label, activity: null };
        for (const a of customer.activities) {
            if (a.kind !== axis || !(a.with ?? []).includes(contactId)) continue;
            const state = stateOf(a, today);
            if (state !== 'missing' && RANK[state] < RANK[best.state]) {
                best = { ...best, state, activity: { id: a.id, name: a.name, date: a.date } };
            }
        }
        return best;
    });
}

/** One line per move, for a tooltip or an ARIA label. */
export function moveLine(m: MoveMark): string {
    const t = texts();
    if (!m.activity) return t.t('view.move.missing', { label: m.label });
    const { name: activity, date } = m.activity;
    if (m.state === 'done') return date ? t.t('view.move.doneOn', { label: m.label, date, activity }) : t.t('view.move.done', { label: m.label, activity });
    return date ? t.t('view.move.plannedFor', { label: m.label, date, activity }) : t.t('view.move.planned', { label: m.label, activity });
}

const STATE_KEYS = { done: 'view.move.state.done', planned: 'view.move.state.planned', missing: 'view.move.state.missing' } as const;

/** `executive visit done, exhibition planned, headquarters visit missing`. */
export function movesSummary(moves: readonly MoveMark[]): string {
    return moves.map(m => texts().t(STATE_KEYS[m.state], { label: m.label })).join(', ');
}
