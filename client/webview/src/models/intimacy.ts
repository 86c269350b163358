/**
 * The intimacy × support model: the contacts of the shown customer by their own support and
 * intimacy, each in the method's zone (`zoneOf`, the same table the checks use). Pure: no DOM.
 */
import { SubjectKeys, type Finding, type ViewedPlan, type Role, type SubjectKey, type Support } from '@acct/contract';
import { intimacyText, isIntimacy, isSupport, supportText, zoneOf, type Zone } from '@acct/method';
import { INTIMACY } from '../labels.js';
import { assignSlots, contactAriaLabel, contactHead, firstById, supportLine, type Shown, type Slotted } from './common.js';
import { findingsAbout, findingsText, indexFindings, type FindingIndex } from './findings.js';
import { texts } from '../texts.js';

export interface IntimacyPoint extends Slotted {
    key: SubjectKey;
    id: string;
    name: string;
    role: Role | null;
    support: Support;
    /** null: unknown or out of range (plotted in the "?" row). */
    intimacy: number | null;
    zone: Zone | null;
    /** The shown deal's support for this person, when it differs from their own (the one plotted). */
    dealSupport: { value: Support } | null;
    findings: Finding[];
    ariaLabel: string;
    tooltip: string;
}

export interface IntimacyModel {
    shown: Shown;
    points: IntimacyPoint[];
    unknownSupport: number;
    unknownIntimacy: number;
    /** How many people the shown deal gives another support than their own. */
    dealDiffers: number;
}

export function buildIntimacy(view: ViewedPlan, shown: Shown, index: FindingIndex = indexFindings(view)): IntimacyModel {
    const points: IntimacyPoint[] = [];
    const customer = shown.customer;
    const deal = shown.opportunity;
    // the first entry of a contact in the chain is the one in force, as on the power map
    const chain = new Map<string, Support>();
    for (const e of deal?.decisionChain ?? []) if (!chain.has(e.contact)) chain.set(e.contact, isSupport(e.support) ? e.support : null);
    for (const c of customer ? firstById(customer.contacts) : []) {
        const key = SubjectKeys.contact(customer!.id, c.id);
        const findings = findingsAbout(index, key);
        const support: Support = isSupport(c.support) ? c.support : null;
        const intimacy = isIntimacy(c.intimacy) ? c.intimacy : null;
        const zone = zoneOf(support, intimacy);
        const stale = findings.some(f => f.code === 'stale-contact');
        const t = texts();
        const words = zone ? t.vocabulary.zones[zone.id] : null;
        const inDeal = chain.has(c.id) ? chain.get(c.id)! : undefined;
        const dealSupport = deal && inDeal !== undefined && inDeal !== support ? { value: inDeal } : null;
        const differs = dealSupport ? INTIMACY.differs(deal!.name, supportText(dealSupport.value), supportText(support)) : null;
        const aria =
            contactAriaLabel({ ...c, support, intimacy, stale, findings }) +
            (words ? t.t('view.intimacy.zoneAria', { zone: words.label }) : '') +
            (differs ? `; ${differs}` : '');
        const tip = [
            ...contactHead(c, c.role),
            supportLine(support),
            ...(differs ? [differs] : []),
            t.t('view.line.intimacy', { value: intimacyText(intimacy) }),
            ...(words ? [`${words.label}: ${words.reading}`] : []),
            ...(findings.length ? ['', findingsText(findings)] : []),
        ].join('\n');
        points.push({
            key,
            id: c.id,
            name: c.name,
            role: c.role,
            support,
            intimacy,
            zone,
            dealSupport,
            findings,
            slot: 0,
            slotCount: 1,
            ariaLabel: aria,
            tooltip: tip,
        });
    }
    assignSlots(points, p => `${p.support}/${p.intimacy}`);
    return {
        shown,
        points,
        unknownSupport: points.filter(p => p.support === null).length,
        unknownIntimacy: points.filter(p => p.intimacy === null).length,
        dealDiffers: points.filter(p => p.dealSupport).length,
    };
}
