/**
 * The suggested tier from a customer's standing (rows, 1..5) and the value of cooperation to us
 * (columns, 1..5): the tier quadrant of the method. The checker, the export and the tier
 * quadrant view all read this one table.
 */
import type { Tier } from './vocabulary.js';
import { isScore } from './scales.js';
import type { Texts } from './messages/texts.js';

/** `suggestedTiers[standing - 1][cooperation - 1]`. */
export const suggestedTiers: readonly (readonly Tier[])[] = [
    /* standing 1 */ ['commercial', 'commercial', 'commercial', 'core', 'core'],
    /* standing 2 */ ['commercial', 'value', 'value', 'core', 'core'],
    /* standing 3 */ ['commercial', 'value', 'value', 'core', 'core'],
    /* standing 4 */ ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
    /* standing 5 */ ['commercial', 'value', 'strategic', 'excellent', 'excellent'],
];

/** The suggested tier, or undefined unless both scores are 1..5. */
export function suggestedTierFor(standing: unknown, cooperation: unknown): Tier | undefined {
    return isScore(standing) && isScore(cooperation) ? suggestedTiers[standing - 1]![cooperation - 1] : undefined;
}

/** Why the table suggests a tier, in the method's words (for hover and messages). */
export function tierReason(standing: number, cooperation: number, texts: Texts): string {
    const high =
        standing >= 4
            ? texts.t('check.tierReason.highStanding')
            : standing >= 2
              ? texts.t('check.tierReason.moderateStanding')
              : texts.t('check.tierReason.lowStanding');
    const coop =
        cooperation >= 4
            ? texts.t('check.tierReason.largeCooperation')
            : cooperation === 3
              ? texts.t('check.tierReason.moderateCooperation')
              : texts.t('check.tierReason.littleCooperation');
    return texts.t('check.tierReason', { standing: high, standingScore: standing, cooperation: coop, cooperationScore: cooperation });
}
