/** Checks on a contact: reporting lines, intimacy × support readings, relationships over time. */
import type { ValidationAcceptor } from 'langium';
import type { Contact } from '../generated/ast.js';
import { daysBetween, isInZone, IssueCodes } from '../../method/index.js';
import { lastContactOf, supportOf, whoIs } from '../ast-rules.js';
import type { AcctSettings } from '../acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import type { WorkspaceFacts } from '../workspace-facts.js';
import { report } from './report.js';

/** How many names of a reporting cycle its message lists (a cycle of thousands stays one line). */
const NAMED_IN_CYCLE = 8;

export class ContactChecks {
    constructor(private readonly facts: WorkspaceFacts, private readonly settings: AcctSettings, private readonly index: CustomerIndex) {}

    readonly noReportingCycle = (contact: Contact, accept: ValidationAcceptor): void => {
        const cycle = this.index.cycleOf(contact);
        if (!cycle) return;
        // The loop as read from this contact: `a → b → c → a`.
        const start = cycle.position.get(contact)!;
        const length = cycle.members.length;
        const steps = Math.min(length, NAMED_IN_CYCLE);
        const names = Array.from({ length: steps }, (_, i) => cycle.members[(start + i) % length]!.name);
        const loop = steps < length ? `${names.join(' → ')} → … (${length} contacts) → ${contact.name}` : [...names, contact.name].join(' → ');
        report(accept, {
            code: IssueCodes.ReportsToCycle, node: contact, where: { property: 'reportsTo' },
            message: `Reporting line loops back to '${contact.name}' (${loop}): an org chart needs a head. Fix one reports-to.`,
        });
    };

    readonly rationalTurnRisk = (contact: Contact, accept: ValidationAcceptor): void => {
        const support = supportOf(contact.support);
        if (!isInZone('rational-turn', support, contact.intimacy)) return;
        report(accept, {
            code: IssueCodes.RationalTurnRisk, node: contact, where: { property: 'intimacy' },
            message: `${whoIs(contact)} supports us (${support}) but intimacy is ${contact.intimacy}: they like the product, not us, and may turn rationally to a competitor at the first good offer. Build the personal relationship.`,
        });
    };

    readonly friendlyButUnsupportive = (contact: Contact, accept: ValidationAcceptor): void => {
        const support = supportOf(contact.support);
        if (!isInZone('re-examine', support, contact.intimacy)) return;
        report(accept, {
            code: IssueCodes.FriendlyButUnsupportive, node: contact, where: { property: 'support' },
            message: `${whoIs(contact)} is close to us (intimacy ${contact.intimacy}) but ${support === 0 ? 'neutral' : 'opposed'} (support ${support}): do not misread the friendship. Re-examine what they really need (career, company policy).`,
        });
    };

    /**
     * Relationships decay when neglected: a key person of an active deal needs recent contact. The
     * last contact is the latest of `last-contact` and the done activities with them (contract 1.1).
     */
    readonly recentlyContacted = (contact: Contact, accept: ValidationAcceptor): void => {
        const deals = this.index.activeDealsOf(contact);
        if (deals.length === 0) return;
        const today = this.settings.today();
        const last = lastContactOf(contact, this.index.activitiesWith(contact), today);
        if (!last) return;
        const limit = this.facts.policy().staleContactDays;
        const age = daysBetween(last.date, today);
        if (age === undefined || age <= limit) return;
        const evidence = last.activity ? ` (activity '${last.activity.name}')` : '';
        report(accept, {
            code: IssueCodes.StaleContact, node: contact, where: contact.lastContact ? { property: 'lastContact' } : 'head',
            message: `${whoIs(contact)} is in the power map of ${deals.map(d => `'${d.name}'`).join(', ')} but was last contacted ${last.date}${evidence}, ${age} days ago (policy: ${limit}): relationships decay when neglected. Plan a contact.`,
        });
    };
}
