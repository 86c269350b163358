/**
 * How decisive each role is in a deal (seed 000, the fishbone: "the nearer the spine, the more
 * evident the person's effect, the greater the influence"): approver and decision-maker hold the
 * decision, sponsor and evaluator shape it, influencer and coach act on it from outside the formal
 * chain. The fishbone places people nearer the spine the more decisive their role.
 */
import type { Role } from './vocabulary.js';

/** 0 = most decisive. A person without a role comes after every role. */
export const roleDecisiveness: Readonly<Record<Role, number>> = {
    'approver': 0,
    'decision-maker': 0,
    'sponsor': 1,
    'evaluator': 1,
    'influencer': 2,
    'coach': 2,
};

/** The decisiveness rank of a role (0 most decisive); no role ranks last. */
export function decisivenessOf(role: Role | null | undefined): number {
    return role ? roleDecisiveness[role] : 3;
}
