/**
 * The suggested tier from a customer's standing (rows, 1..5) and the value of cooperation to us
 * (columns, 1..5): the table of contract section 3. Plain data with no AST, so that the checker,
 * the export and the tier quadrant in the webview all read the same table.
 */
import type { Tier } from './plan-types.js';

/** `suggestedTiers[standing - 1][cooperation - 1]`. */
export const suggestedTiers: readonly (readonly Tier[])[] = [
    /* standing 1 */ ['commercial', 'commercial', 'commercial', 'core', 'core'],
    /* standing 2 */ ['commercial', 'value', 'value', 'core', 'core'],
    /* standing 3 */ ['commercial', 'value', 'value', 'core', 'core'],
    /* standing 4 */ ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
    /* standing 5 */ ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
];

/** A score of the tier quadrant: an integer 1..5. */
export function isScore(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The suggested tier, or undefined unless both scores are 1..5. */
export function suggestedTierFor(standing: unknown, cooperation: unknown): Tier | undefined {
    return isScore(standing) && isScore(cooperation) ? suggestedTiers[standing - 1]![cooperation - 1] : undefined;
}
