/**
 * The vocabulary in English: the method core's own tables (vocabulary.ts, keywords.ts, zones.ts,
 * issue-codes.ts, issue-guidance.ts) are the source, so that a word changes in one place.
 */
import {
    activityKindMeanings,
    activityStatusMeanings,
    classMeanings,
    groupMeanings,
    maturityMeanings,
    horizonMeanings,
    intimacyMeanings,
    organizationMeanings,
    roleMeanings,
    scoreMeanings,
    stageMeanings,
    supportMeanings,
    tierMeanings,
    type Meaning,
} from '../../vocabulary.js';
import { PROPERTY_MEANINGS } from '../../keywords.js';
import { ZONES, type ZoneId } from '../../zones.js';
import { ISSUE_CODES, issueCatalog, type IssueCode } from '../../issue-codes.js';
import { issueGuidance } from '../../issue-guidance.js';
import type { IntimacyKey, IssueTexts, ScoreKey, SupportKey, VocabularyTexts, ZoneTexts } from '../vocabulary-texts.js';

/** Label and meaning only (a role's letter is the same in every language). */
function meanings<K extends string>(table: Readonly<Record<K, Meaning>>): Record<K, Meaning> {
    return Object.fromEntries(Object.entries<Meaning>(table).map(([key, { label, meaning }]) => [key, { label, meaning }])) as Record<K, Meaning>;
}

export const vocabulary: VocabularyTexts = {
    roles: meanings(roleMeanings),
    support: meanings(supportMeanings as Readonly<Record<SupportKey, Meaning>>),
    intimacy: meanings(intimacyMeanings as Readonly<Record<IntimacyKey, Meaning>>),
    scores: meanings(scoreMeanings as Readonly<Record<ScoreKey, Meaning>>),
    tiers: meanings(tierMeanings),
    organizations: meanings(organizationMeanings),
    stages: meanings(stageMeanings),
    activityKinds: meanings(activityKindMeanings),
    activityStatuses: meanings(activityStatusMeanings),
    horizons: meanings(horizonMeanings),
    groups: meanings(groupMeanings),
    classes: meanings(classMeanings),
    maturities: meanings(maturityMeanings),
    declarations: {
        member: 'member',
        competitor: 'competitor',
        customer: 'customer',
        contact: 'contact',
        opportunity: 'opportunity',
        activity: 'activity',
        declaration: 'declaration',
    },
    properties: PROPERTY_MEANINGS,
    zones: Object.fromEntries(ZONES.map(z => [z.id, { label: z.label, reading: z.reading }])) as Record<ZoneId, ZoneTexts>,
    issues: Object.fromEntries(
        ISSUE_CODES.map(code => [
            code,
            {
                title: code.replace(/-/g, ' '),
                summary: issueCatalog[code].summary,
                why: issueGuidance[code].why,
                help: issueGuidance[code].help,
            },
        ]),
    ) as Record<IssueCode, IssueTexts>,
};
