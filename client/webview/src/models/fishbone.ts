/**
 * The fishbone of a deal (seed 000): the deal at the head ("win the bid"), one bone per group
 * that acts on it — commercial evaluation, technical evaluation, selection decision, final
 * decision — and on each bone the people of the deal's decision chain whose entry names that
 * group, the most decisive nearest the spine (`decisivenessOf`, the method core). Entries
 * without a group are listed apart. Without a deal: the customer's active deals to pick. Pure: no DOM.
 */
import { SubjectKeys, type Finding, type Group, type PlanFocus, type ViewedPlan, type Role, type Stage, type SubjectKey, type Support } from '@acct/contract';
import { decisivenessOf, GROUPS, isActive, roleMeanings } from '@acct/method';
import { contactAriaLabel, contactHead, firstById, shownTitle, supportLine, type Shown } from './common.js';
import { findingsAbout, findingsText, indexFindings, sortFindings, type FindingIndex } from './findings.js';
import { texts } from '../texts.js';

export interface FishPerson {
    key: SubjectKey;
    id: string;
    name: string;
    role: Role | null;
    support: Support;
    group: Group | null;
    /** `decisivenessOf(role)`: 0 nearest the spine. */
    rank: number;
    findings: Finding[];
    ariaLabel: string;
    tooltip: string;
}

export interface FishBone {
    group: Group;
    label: string;
    meaning: string;
    /** Most decisive first (nearest the spine), then in decision-chain order. */
    people: FishPerson[];
}

/** An active deal of the shown customer, offered when no deal is shown. */
export interface DealChoice {
    key: SubjectKey;
    focus: PlanFocus;
    name: string;
    stage: Stage | null;
    chainSize: number;
    ariaLabel: string;
}

export interface FishboneModel {
    shown: Shown;
    heading: string;
    subheading: string;
    headerFindings: Finding[];
    bones: FishBone[];
    ungrouped: FishPerson[];
    /** Decision-chain entries naming no contact of the customer. */
    unknownEntries: string[];
    choices: DealChoice[];
}

/** The hint for an entry without a group. */
export function groupHint(): string {
    return texts().t('view.fishbone.groupHint', { groups: GROUPS.join('|') });
}

function choicesOf(shown: Shown): DealChoice[] {
    const customer = shown.customer;
    if (!customer) return [];
    const t = texts();
    return firstById(customer.opportunities)
        .filter(o => isActive(o.stage))
        .map(o => ({
            key: SubjectKeys.opportunity(customer.id, o.id),
            focus: { customer: customer.id, opportunity: o.id },
            name: o.name,
            stage: o.stage,
            chainSize: o.decisionChain.length,
            ariaLabel: t.t('view.fishbone.choiceAria', {
                name: o.name,
                stage: o.stage ? t.name('stages', o.stage) : String(o.stage),
                count: o.decisionChain.length,
            }),
        }));
}

export function buildFishbone(view: ViewedPlan, shown: Shown, index: FindingIndex = indexFindings(view)): FishboneModel {
    const { customer, opportunity } = shown;
    const t = texts();
    const bones: FishBone[] = GROUPS.map(group => ({ group, ...t.vocabulary.groups[group], people: [] }));
    const model: FishboneModel = {
        shown,
        heading: shownTitle(shown),
        subheading: '',
        headerFindings: [],
        bones,
        ungrouped: [],
        unknownEntries: [],
        choices: [],
    };
    if (!customer) return { ...model, subheading: t.t('view.noCustomerInWorkspace') };
    if (!opportunity) {
        model.choices = choicesOf(shown);
        model.subheading = model.choices.length
            ? t.t('view.fishbone.pickDeal', { customer: customer.name, count: model.choices.length })
            : t.t('view.fishbone.noDeal', { customer: customer.name });
        model.headerFindings = findingsAbout(index, SubjectKeys.customer(customer.id));
        return model;
    }
    const byId = new Map(firstById(customer.contacts).map(c => [c.id, c]));
    const seen = new Set<string>();
    opportunity.decisionChain.forEach(e => {
        const c = byId.get(e.contact);
        if (!c) {
            model.unknownEntries.push(e.contact);
            return;
        }
        if (seen.has(e.contact)) return;
        seen.add(e.contact);
        const key = SubjectKeys.contact(customer.id, c.id);
        const findings = findingsAbout(index, key);
        const group = e.group ?? null;
        const where = group ? t.t('view.fishbone.onBone', { bone: t.vocabulary.groups[group].label }) : t.t('view.fishbone.onNoBone', { hint: groupHint() });
        const person: FishPerson = {
            key,
            id: c.id,
            name: c.name,
            role: e.role,
            support: e.support,
            group,
            rank: decisivenessOf(e.role),
            findings,
            ariaLabel: `${contactAriaLabel({ ...c, role: e.role, support: e.support, stale: findings.some(f => f.code === 'stale-contact'), findings })}; ${where}`,
            tooltip: [
                ...contactHead(c, e.role),
                supportLine(e.support),
                group ? t.t('view.fishbone.bone', { meaning: t.vocabulary.groups[group].meaning }) : t.t('view.fishbone.noBone', { hint: groupHint() }),
                ...(findings.length ? ['', findingsText(findings)] : []),
            ].join('\n'),
        };
        if (group) bones[GROUPS.indexOf(group)]!.people.push(person);
        else model.ungrouped.push(person);
    });
    // most decisive nearest the spine; Array.sort is stable, so chain order breaks ties
    for (const b of bones) b.people.sort((a, z) => a.rank - z.rank);
    const grouped = bones.reduce((n, b) => n + b.people.length, 0);
    model.subheading =
        t.t('view.fishbone.subheading', {
            stage: opportunity.stage ? t.name('stages', opportunity.stage) : t.t('view.noStage'),
            grouped,
            count: grouped + model.ungrouped.length,
        }) + (model.ungrouped.length ? t.t('view.fishbone.ungrouped', { count: model.ungrouped.length }) : '');
    model.headerFindings = sortFindings([
        ...(index.get(SubjectKeys.customer(customer.id)) ?? []),
        ...(index.get(SubjectKeys.opportunity(customer.id, opportunity.id)) ?? []),
    ]);
    return model;
}

/** A person's role letter, or an empty string without a role. */
export function roleLetter(role: Role | null): string {
    return role ? roleMeanings[role].letter : '';
}
