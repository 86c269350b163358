/** Checks on a contact: reporting lines, intimacy × support readings, relationships over time. */
import type { ValidationAcceptor } from 'langium';
import type { Contact } from '../../generated/ast.js';
import { daysBetween, isInZone, IssueCodes } from '../../../method/index.js';
import { lastContactOf, supportOf, whoIs } from '../../ast/ast-rules.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import type { WorkspaceFacts } from '../../workspace/workspace-facts.js';
import { report } from './report.js';

/** How many names of a reporting cycle its message lists (a cycle of thousands stays one line). */
export const NAMED_IN_CYCLE = 8;

export class ContactChecks {
    constructor(
        private readonly facts: WorkspaceFacts,
        private readonly settings: AcctSettings,
        private readonly index: CustomerIndex,
    ) {}

    readonly noReportingCycle = (contact: Contact, accept: ValidationAcceptor): void => {
        const cycle = this.index.cycleOf(contact);
        if (!cycle) return;
        // The loop as read from this contact: `a → b → c → a`.
        const start = cycle.position.get(contact)!;
        const length = cycle.members.length;
        const steps = Math.min(length, NAMED_IN_CYCLE);
        const names = Array.from({ length: steps }, (_, i) => cycle.members[(start + i) % length]!.name);
        const texts = this.settings.texts();
        const loop =
            steps < length
                ? texts.t('check.reportsToCycle.long', { names: texts.chain(names), count: length, contact: contact.name })
                : texts.chain([...names, contact.name]);
        report(accept, {
            code: IssueCodes.ReportsToCycle,
            node: contact,
            where: { property: 'reportsTo' },
            message: texts.t('check.reportsToCycle', { contact: contact.name, loop }),
        });
    };

    readonly rationalTurnRisk = (contact: Contact, accept: ValidationAcceptor): void => {
        const support = supportOf(contact.support);
        if (!isInZone('rational-turn', support, contact.intimacy)) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.RationalTurnRisk,
            node: contact,
            where: { property: 'intimacy' },
            message: texts.t('check.rationalTurnRisk', { who: whoIs(contact, texts), support: support!, intimacy: contact.intimacy! }),
        });
    };

    readonly friendlyButUnsupportive = (contact: Contact, accept: ValidationAcceptor): void => {
        const support = supportOf(contact.support);
        if (!isInZone('re-examine', support, contact.intimacy)) return;
        const texts = this.settings.texts();
        const params = { who: whoIs(contact, texts), intimacy: contact.intimacy!, support: support! };
        report(accept, {
            code: IssueCodes.FriendlyButUnsupportive,
            node: contact,
            where: { property: 'support' },
            message: support === 0 ? texts.t('check.friendlyButUnsupportive.neutral', params) : texts.t('check.friendlyButUnsupportive.opposed', params),
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
        const texts = this.settings.texts();
        const evidence = last.activity ? texts.t('check.staleContact.evidence', { activity: last.activity.name }) : '';
        report(accept, {
            code: IssueCodes.StaleContact,
            node: contact,
            where: contact.lastContact ? { property: 'lastContact' } : 'head',
            message: texts.t('check.staleContact', {
                who: whoIs(contact, texts),
                deals: texts.list(deals.map(d => texts.quote(d.name))),
                date: last.date,
                evidence,
                age,
                limit,
            }),
        });
    };
}
