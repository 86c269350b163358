/**
 * The method's vocabulary as one language says it: every value of every scale and enumeration
 * (its short form and its meaning), what each keyword means, the intimacy × support zones, and
 * each check's summary, why and help. Keyed by the method's own values, so that a translation
 * that misses one does not compile.
 */
import type { ActivityKind, ActivityStatus, CustomerClass, Group, Horizon, Maturity, Meaning, Organization, Role, Stage, Tier } from '../vocabulary.js';
import type { PropertyKeyword } from '../keywords.js';
import type { ZoneId } from '../zones.js';
import type { IssueCode } from '../issue-codes.js';

/** A support value as written: `-1` … `3`, `?`. */
export type SupportKey = '-1' | '0' | '1' | '2' | '3' | '?';
export type IntimacyKey = '-3' | '-2' | '-1' | '0' | '1' | '2' | '3';
export type ScoreKey = '1' | '2' | '3' | '4' | '5';
/** What a declaration is called in a message (`also member at team.acct:1`). */
export type DeclarationKind = 'member' | 'competitor' | 'customer' | 'contact' | 'opportunity' | 'activity' | 'declaration';

export interface ZoneTexts {
    label: string;
    reading: string;
}

export interface IssueTexts {
    /** The finding's name in a few words (a chip of the views): `opposed key person`. */
    title: string;
    /** One line: when the check fires. */
    summary: string;
    /** Why the method cares. */
    why: string;
    /** What to do about a finding. */
    help: string;
}

export interface VocabularyTexts {
    roles: Readonly<Record<Role, Meaning>>;
    support: Readonly<Record<SupportKey, Meaning>>;
    intimacy: Readonly<Record<IntimacyKey, Meaning>>;
    scores: Readonly<Record<ScoreKey, Meaning>>;
    tiers: Readonly<Record<Tier, Meaning>>;
    organizations: Readonly<Record<Organization, Meaning>>;
    stages: Readonly<Record<Stage, Meaning>>;
    activityKinds: Readonly<Record<ActivityKind, Meaning>>;
    activityStatuses: Readonly<Record<ActivityStatus, Meaning>>;
    horizons: Readonly<Record<Horizon, Meaning>>;
    groups: Readonly<Record<Group, Meaning>>;
    /** Seed 004's S/A/B/C (1.2). */
    classes: Readonly<Record<CustomerClass, Meaning>>;
    /** A lead's maturity (1.2). */
    maturities: Readonly<Record<Maturity, Meaning>>;
    declarations: Readonly<Record<DeclarationKind, string>>;
    properties: Readonly<Record<PropertyKeyword, string>>;
    zones: Readonly<Record<ZoneId, ZoneTexts>>;
    issues: Readonly<Record<IssueCode, IssueTexts>>;
}
