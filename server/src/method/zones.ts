/**
 * The readings of intimacy × support (the method's key layer over time). The checks
 * `rational-turn-risk` and `friendly-but-unsupportive` fire inside their zones, and the
 * intimacy × support view draws the same zones: one table for both.
 */
import type { Support } from './vocabulary.js';
import { isIntimacy, isSupport } from './scales.js';

export type ZoneId = 'rational-turn' | 're-examine' | 'both-high' | 'both-low';

export interface Zone {
    id: ZoneId;
    label: string;
    reading: string;
    /** Inclusive support and intimacy ranges. */
    support: readonly [number, number];
    intimacy: readonly [number, number];
}

export const ZONES: readonly Zone[] = [
    {
        id: 'rational-turn',
        label: 'Rational turn risk',
        reading: 'High support, low intimacy: they like the product, not us — may turn to a competitor at the first good offer',
        support: [2, 3],
        intimacy: [-3, -1],
    },
    {
        id: 're-examine',
        label: 'Re-examine needs',
        reading: 'High intimacy, low support: friendly but not supportive — re-examine what they really need',
        support: [-1, 0],
        intimacy: [2, 3],
    },
    { id: 'both-high', label: 'Both high', reading: 'Support is likely, though never guaranteed', support: [2, 3], intimacy: [2, 3] },
    { id: 'both-low', label: 'Both low', reading: 'Support in a deal is nearly impossible', support: [-1, 0], intimacy: [-3, -1] },
];

/** The zone of a contact, or null when either value is unknown or out of range. */
export function zoneOf(support: number | null | undefined, intimacy: number | null | undefined): Zone | null {
    if (support === null || support === undefined || !isSupport(support) || !isIntimacy(intimacy)) return null;
    return ZONES.find(z => support >= z.support[0] && support <= z.support[1] && intimacy >= z.intimacy[0] && intimacy <= z.intimacy[1]) ?? null;
}

export function isInZone(id: ZoneId, support: Support | number | undefined, intimacy: number | undefined): boolean {
    return zoneOf(support, intimacy)?.id === id;
}
