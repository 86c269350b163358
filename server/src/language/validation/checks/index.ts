/**
 * The one table of checks: every rule of contract sections 3, 6.2 and 7.2, by the AST type it looks at, each a
 * method of its subject's check class (one file per subject in this folder).
 */
import type { GrammarAST, ValidationChecks } from 'langium';
import type { AcctAstType } from '../../generated/ast.js';
import type { AcctLanguageServices } from '../../acct-language-services.js';
import type { AcctValidationRegistry } from '../acct-validation-registry.js';
import { IssueCodes } from '../../../method/index.js';
import { ActivityChecks } from './activity-checks.js';
import { ContactChecks } from './contact-checks.js';
import { CustomerChecks } from './customer-checks.js';
import { IdAndRangeChecks } from './ids-and-ranges.js';
import { OpportunityChecks } from './opportunity-checks.js';
import { WorkspaceChecks } from './workspace-checks.js';
import { RelationshipChecks } from './relationship-checks.js';
import { CodeChecks } from './code-checks.js';

export function registerValidationChecks(services: AcctLanguageServices): void {
    const { WorkspaceFacts: facts, AcctSettings: settings, FilePlaces: places } = services.workspace;
    const index = services.validation.CustomerIndex;
    const written = new IdAndRangeChecks(settings, places, services.Grammar as GrammarAST.Grammar);
    const workspace = new WorkspaceChecks(facts, settings, places);
    const customer = new CustomerChecks(facts, settings);
    const contact = new ContactChecks(facts, settings, index);
    const opportunity = new OpportunityChecks(settings, index);
    const relationship = new RelationshipChecks(settings, index);
    const activity = new ActivityChecks(settings);
    const codes = new CodeChecks(settings);

    const checks: ValidationChecks<AcctAstType> = {
        Workspace: [workspace.globalIdsUnique, workspace.singlePolicy],
        Policy: [written.policyRanges, written.propertyWrittenOnce],
        Customer: [
            written.propertyWrittenOnce,
            written.customerRanges,
            written.localIdsUnique,
            customer.tierMatchesScores,
            customer.tierReviewed,
            customer.relationshipLayers,
            customer.notSingleThreaded,
            customer.classPartnership,
        ],
        Contact: [
            written.propertyWrittenOnce,
            written.contactRanges,
            contact.noReportingCycle,
            contact.rationalTurnRisk,
            contact.friendlyButUnsupportive,
            contact.recentlyContacted,
            relationship.noOpposedInfluence,
        ],
        Opportunity: [
            written.propertyWrittenOnce,
            written.opportunityValues,
            opportunity.qualified,
            opportunity.hasPowerMap,
            opportunity.hasDecisionMaker,
            opportunity.fullIronTriangle,
            opportunity.ripeLead,
            opportunity.valueProposed,
            opportunity.verified,
        ],
        IronTriangle: [written.propertyWrittenOnce],
        DecisionChainEntry: [
            written.entryRanges,
            opportunity.knownDecidingSupport,
            opportunity.noOpposedKeyPerson,
            relationship.competitorNotAhead,
            relationship.supportFounded,
            relationship.keyPersonCovered,
            opportunity.knownNeeds,
        ],
        ValueProposition: [written.propertyWrittenOnce],
        Activity: [written.propertyWrittenOnce, written.activityDate, activity.notOverdue, activity.hasObjective],
        Waiver: [written.waiverDate, codes.waivableCode],
        SeverityRule: [codes.adjustableCode],
    };
    // Every block whose grammar has a single-valued property is checked for it written twice,
    // listed above or not: a new block cannot silently go without it.
    const table = checks as Record<string, unknown[] | undefined>;
    for (const type of written.singleValued.keys()) {
        const list = (table[type] ??= []);
        if (!list.includes(written.propertyWrittenOnce)) list.unshift(written.propertyWrittenOnce);
    }
    // Checks of one code each, skipped by a plan checked once when the policy turns their code off
    // (acct-validation-registry.ts skipWhenOff): the four off by default make half the findings of a
    // large plan, all dropped. (A check listed here reports no other code.)
    const registry = services.validation.ValidationRegistry as AcctValidationRegistry;
    const policy = services.validation.FindingPolicy;
    const turnedOff = (code: string) => policy.turnedOff(code);
    registry.skipWhenOff('DecisionChainEntry', opportunity.knownNeeds, [IssueCodes.UnknownNeeds], turnedOff);
    registry.skipWhenOff('DecisionChainEntry', relationship.keyPersonCovered, [IssueCodes.UncoveredKeyPerson], turnedOff);
    registry.skipWhenOff('Opportunity', opportunity.verified, [IssueCodes.UnverifiedOpportunity], turnedOff);
    registry.skipWhenOff('Activity', activity.hasObjective, [IssueCodes.AimlessActivity], turnedOff);
    services.validation.ValidationRegistry.register(checks);
    // The checks above that read today (date-driven.ts), in the same order: `acct history` re-runs only
    // these on a file that did not change when the date moves.
    (services.validation.ValidationRegistry as AcctValidationRegistry).registerDateDriven<AcctAstType>({
        Customer: [customer.tierReviewed],
        Contact: [contact.recentlyContacted],
        DecisionChainEntry: [opportunity.noOpposedKeyPerson, relationship.supportFounded],
        Activity: [activity.notOverdue],
    });
    services.validation.ValidationRegistry.registerBeforeDocument(() => index.reset());
}
