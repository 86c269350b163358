/**
 * Checks on a deal: qualification (lead vs opportunity), its power map and the iron triangle.
 * They apply to active opportunities (stage `opportunity` or `bid`) only.
 */
import type { ValidationAcceptor } from 'langium';
import type { Activity, ActivityKind, Contact, DecisionChainEntry, Opportunity } from '../../generated/ast.js';
import { decidingRoles, isMoveUnderWay, IssueCodes, keyRoles, THREE_AXES, type MessageKey, type Texts } from '../../../method/index.js';
import { effectiveRole, effectiveSupport, isActiveOpportunity, whoIs } from '../../ast/ast-rules.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { CustomerIndex } from '../customer-index.js';
import { subjectOf } from '../../ast/subject.js';
import { replaceValue, report } from './report.js';

const ironTriangleRoles = {
    ar: 'check.ironTriangle.ar',
    sr: 'check.ironTriangle.sr',
    fr: 'check.ironTriangle.fr',
} as const satisfies Record<string, MessageKey>;

/** The three moves for a hostile key person, as the message proposes them. */
const axisMoves = {
    'executive-visit': 'check.axis.executiveVisit',
    'exhibition': 'check.axis.exhibition',
    'hq-visit': 'check.axis.hqVisit',
} as const satisfies Record<(typeof THREE_AXES)[number], MessageKey>;

export class OpportunityChecks {
    constructor(
        private readonly settings: AcctSettings,
        private readonly index: CustomerIndex,
    ) {}

    readonly qualified = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity)) return;
        const texts = this.settings.texts();
        const missing = [
            opportunity.budget === undefined ? texts.t('check.unqualified.budget') : undefined,
            opportunity.start === undefined ? texts.t('check.unqualified.start') : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length === 0) return;
        report(accept, {
            code: IssueCodes.UnqualifiedOpportunity,
            node: opportunity,
            where: 'head',
            message: texts.t('check.unqualified', { opportunity: opportunity.name, missing: texts.and(missing) }),
            fix: replaceValue(opportunity, 'stage', 'lead', texts.t('check.unqualified.fix')),
        });
    };

    readonly hasPowerMap = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity) || opportunity.decisionChain) return;
        report(accept, {
            code: IssueCodes.NoPowerMap,
            node: opportunity,
            where: 'head',
            message: this.settings.texts().t('check.noPowerMap', { opportunity: opportunity.name }),
        });
    };

    readonly hasDecisionMaker = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        const chain = opportunity.decisionChain;
        if (!isActiveOpportunity(opportunity) || !chain) return;
        if (chain.entries.some(entry => decidingRoles.has(effectiveRole(entry)!))) return;
        report(accept, {
            code: IssueCodes.NoDecisionMaker,
            node: chain,
            where: { keyword: 'decision-chain' },
            message: this.settings.texts().t('check.noDecisionMaker', { opportunity: opportunity.name }),
        });
    };

    readonly fullIronTriangle = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity)) return;
        const team = opportunity.team;
        const missing = (['ar', 'sr', 'fr'] as const).filter(role => !team?.[role]);
        if (missing.length === 0) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.IncompleteIronTriangle,
            node: team ?? opportunity,
            where: team ? { keyword: 'team' } : 'head',
            subject: subjectOf(opportunity),
            message: texts.t('check.ironTriangle', {
                opportunity: opportunity.name,
                roles: texts.and(missing.map(r => r.toUpperCase())),
                names: texts.and(missing.map(r => texts.t(ironTriangleRoles[r]))),
            }),
        });
    };

    /** 1.2: a lead with a clear budget and a clear start date is an opportunity. */
    readonly ripeLead = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (opportunity.stage !== 'lead' || opportunity.budget === undefined || opportunity.start === undefined) return;
        const texts = this.settings.texts();
        report(accept, {
            code: IssueCodes.RipeLead,
            node: opportunity,
            where: 'head',
            message: texts.t('check.ripeLead', { opportunity: opportunity.name }),
            fix: replaceValue(opportunity, 'stage', 'opportunity', texts.t('check.ripeLead.fix')),
        });
    };

    /** 1.2: "80 % of the result is decided before the tender": a bid needs a value proposition. */
    readonly valueProposed = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (opportunity.stage !== 'bid') return;
        const proposition = opportunity.valueProposition;
        if (proposition && valuePropositionParts.some(part => proposition[part] !== undefined)) return;
        report(accept, {
            code: IssueCodes.NoValueProposition,
            node: proposition ?? opportunity,
            where: proposition ? { keyword: 'value-proposition' } : 'head',
            subject: subjectOf(opportunity),
            message: this.settings.texts().t(proposition ? 'check.noValueProposition.empty' : 'check.noValueProposition', { opportunity: opportunity.name }),
        });
    };

    /** 1.2 (off by default): an active opportunity should have passed the lead criteria, intent and solution. */
    readonly verified = (opportunity: Opportunity, accept: ValidationAcceptor): void => {
        if (!isActiveOpportunity(opportunity)) return;
        const texts = this.settings.texts();
        const missing = [
            opportunity.intent === undefined ? texts.t('check.unverifiedOpportunity.intent') : undefined,
            opportunity.solution === undefined ? texts.t('check.unverifiedOpportunity.solution') : undefined,
        ].filter((m): m is string => m !== undefined);
        if (missing.length === 0) return;
        report(accept, {
            code: IssueCodes.UnverifiedOpportunity,
            node: opportunity,
            where: 'head',
            message: texts.t('check.unverifiedOpportunity', { opportunity: opportunity.name, missing: texts.and(missing) }),
        });
    };

    /** 1.2 (off by default): know each approver's and decision-maker's KPI and pain. */
    readonly knownNeeds = (entry: DecisionChainEntry, accept: ValidationAcceptor): void =>
        this.unknownOfDecider(entry, accept, IssueCodes.UnknownNeeds, 'check.unknownNeeds', key => key.contact.kpis.length > 0 || key.contact.pains.length > 0);

    /** An unknown decision-maker is a priority to reach. */
    readonly knownDecidingSupport = (entry: DecisionChainEntry, accept: ValidationAcceptor): void =>
        this.unknownOfDecider(entry, accept, IssueCodes.UnknownSupport, 'check.unknownSupport', () => effectiveSupport(entry) !== null);

    /** What is not known of an approver or decision-maker of an active opportunity (`known` false): said at the entry's contact. */
    private unknownOfDecider(
        entry: DecisionChainEntry,
        accept: ValidationAcceptor,
        code: typeof IssueCodes.UnknownNeeds | typeof IssueCodes.UnknownSupport,
        message: 'check.unknownNeeds' | 'check.unknownSupport',
        known: (key: KeyPerson) => boolean,
    ): void {
        const key = keyPerson(entry);
        if (!key || !decidingRoles.has(key.role) || known(key)) return;
        const texts = this.settings.texts();
        report(accept, {
            ...aboutOf(key),
            code,
            node: entry,
            where: { property: 'contact' },
            message: texts.t(message, {
                who: whoIs(key.contact, texts),
                role: texts.term('roles', key.role),
                opportunity: key.opportunity.name,
            }),
        });
    }

    /**
     * A hostile key person: the three axes (executive visit, exhibition, headquarters visit). Moves
     * already under way (done, or planned and not overdue) are named, and only the others proposed.
     */
    readonly noOpposedKeyPerson = (entry: DecisionChainEntry, accept: ValidationAcceptor): void => {
        const key = keyPerson(entry);
        if (!key || !keyRoles.has(key.role) || effectiveSupport(entry) !== -1) return;
        const today = this.settings.today();
        const underWay = this.index
            .activitiesWith(key.contact)
            .filter(a => a.kind && (THREE_AXES as readonly string[]).includes(a.kind) && isMoveUnderWay(a.status, a.date, today));
        const started = new Set(underWay.map(a => a.kind as ActivityKind));
        const texts = this.settings.texts();
        const remaining = THREE_AXES.filter(kind => !started.has(kind)).map(kind => texts.t(axisMoves[kind]));
        const advice =
            underWay.length === 0
                ? texts.t('check.opposedKeyPerson.axes', { moves: texts.list(remaining) })
                : texts.t('check.opposedKeyPerson.underWay', {
                      started: texts.list(underWay.map(a => describeMove(a, texts))),
                      next: remaining.length
                          ? texts.t('check.opposedKeyPerson.stillToDo', { moves: texts.and(remaining) })
                          : texts.t('check.opposedKeyPerson.followUp'),
                  });
        report(accept, {
            ...aboutOf(key),
            code: IssueCodes.OpposedKeyPerson,
            node: entry,
            where: { property: 'contact' },
            message: texts.t('check.opposedKeyPerson', {
                who: whoIs(key.contact, texts),
                role: texts.term('roles', key.role),
                opportunity: key.opportunity.name,
                advice,
            }),
        });
    };
}

/** The four parts of a value proposition (1.2). */
const valuePropositionParts = ['strengths', 'uniqueValue', 'fit', 'difference'] as const;

function describeMove(activity: Activity, texts: Texts): string {
    const what = texts.vocabulary.activityKinds[activity.kind!]?.label ?? activity.kind;
    const when =
        activity.status === 'done'
            ? texts.t('check.move.done')
            : activity.date
              ? texts.t('check.move.plannedFor', { date: activity.date })
              : texts.t('check.move.planned');
    return texts.t('check.move', { kind: what!, activity: activity.name, when });
}

/** The entry's contact, deal and role when the deal is active and the contact and role are known. */
type KeyPerson = NonNullable<ReturnType<typeof keyPerson>>;

function keyPerson(entry: DecisionChainEntry) {
    const opportunity = entry.$container.$container;
    const contact = entry.contact.ref;
    const role = effectiveRole(entry);
    if (!isActiveOpportunity(opportunity) || !contact || !role) return undefined;
    return { opportunity, contact, role };
}

/** What a finding about a key person is about: the deal, and the contact it names (made for a finding only). */
function aboutOf(key: { opportunity: Opportunity; contact: Contact }) {
    return { subject: subjectOf(key.opportunity), contact: subjectOf(key.contact) };
}
