/**
 * Messages that can be redacted by their arguments (`acct export --redact`, `acct report --redact`).
 * A finding's message quotes the plan: names, ids, texts, paths and values the redacted document
 * withholds. Looking for them in the formatted text damages the wording (a member `mark` in
 * "or mark the support", a withheld 7 in the date 2025-10-07) and depends on the language.
 * Instead, every template parameter of a finding's message is classified here by what it
 * carries, and the checks run with `markingTexts`: each message is said as usual, and how it was
 * made (its template and arguments) is kept by the message — or, `direct` (`acct export
 * --redact`), no message is said plainly at all: each stands in for its record until read. Redaction
 * says it from that record with each plan value replaced (`MarkingTexts.said`), never the wording
 * around them: the one way a message is redacted (cli/redact-messages.ts). The tests read every argument and its
 * class out of a message through the same record, with a `say` that marks each value
 * (test/support/marked-messages.ts).
 */
import { CATALOGS, type MessageKey } from './catalog.js';
import type { checks, findings } from './en/checks.js';
import { formatMessage, type ParamValue, type PlaceholderNames } from './format.js';
import type { Message, Texts } from './texts.js';

/**
 * What a template parameter carries. `name`: an element's id or name, a free text or a path (its
 * pseudonym; a value the plan does not declare, such as an unknown id, stays). `text`: a piece of
 * the plan's text (its pseudonym if it is one of the plan's values, else withheld). `place`: a
 * `path:line`. `withheld`: a value the redacted document withholds (intimacy, the support for a
 * competitor) or may hold one (an internal error's detail). `public`: what the redacted document
 * keeps (our support, stages, tiers, amounts, dates, counts, codes, keywords). `message`: a text
 * made by the catalog itself (`t`, `quote`, `and`…), whose own arguments are marked.
 */
export type ArgumentClass = 'name' | 'text' | 'place' | 'withheld' | 'public' | 'message';

type Templates = typeof checks & typeof findings;
type WithParameters = { [K in keyof Templates as [PlaceholderNames<Templates[K]>] extends [never] ? never : K]: Templates[K] };

/**
 * Every parameter of every finding's template, classified. A template added with a parameter
 * does not compile until its parameters are named here (and a test reads the catalog at run time).
 */
export const ARGUMENTS: { readonly [K in keyof WithParameters]: { readonly [P in PlaceholderNames<WithParameters[K]>]: ArgumentClass } } = {
    'check.tierMismatch': { customer: 'name', reason: 'message', suggested: 'public', tier: 'public' },
    'check.tierMismatch.fix': { tier: 'public' },
    'check.tierReason': { cooperation: 'message', cooperationScore: 'public', standing: 'message', standingScore: 'public' },
    'check.tierNotReviewed': { customer: 'name' },
    'check.tierReviewStale': { age: 'public', customer: 'name', limit: 'public', reviewed: 'public' },
    'check.tierReviewStale.fix': { today: 'public' },
    'check.missingLayer': { customer: 'name', missing: 'message', tier: 'public' },
    'check.missingLayer.foundation': { coverage: 'public', general: 'public' },
    'check.missingLayer.both': { foundation: 'message', roof: 'message' },
    'check.singleThreaded': { customer: 'name', who: 'message' },
    'check.singleThreaded.one': { who: 'message' },
    'check.who.id': { id: 'name' },
    'check.who.named': { id: 'name', name: 'name' },
    'check.reportsToCycle': { contact: 'name', loop: 'message' },
    'check.reportsToCycle.long': { contact: 'name', count: 'public', names: 'message' },
    'check.rationalTurnRisk': { intimacy: 'withheld', support: 'public', who: 'message' },
    'check.friendlyButUnsupportive.neutral': { intimacy: 'withheld', support: 'public', who: 'message' },
    'check.friendlyButUnsupportive.opposed': { intimacy: 'withheld', support: 'public', who: 'message' },
    'check.staleContact': { age: 'public', date: 'public', deals: 'message', evidence: 'message', limit: 'public', who: 'message' },
    'check.staleContact.evidence': { activity: 'name' },
    'check.overdueActivity': { activity: 'name', date: 'public', late: 'public' },
    'check.unqualified': { missing: 'message', opportunity: 'name' },
    'check.noPowerMap': { opportunity: 'name' },
    'check.noDecisionMaker': { opportunity: 'name' },
    'check.ironTriangle': { names: 'message', opportunity: 'name', roles: 'public' },
    'check.unknownSupport': { opportunity: 'name', role: 'public', who: 'message' },
    'check.opposedKeyPerson': { advice: 'message', opportunity: 'name', role: 'public', who: 'message' },
    'check.opposedKeyPerson.axes': { moves: 'message' },
    'check.opposedKeyPerson.underWay': { next: 'message', started: 'message' },
    'check.opposedKeyPerson.stillToDo': { moves: 'message' },
    'check.move': { activity: 'name', kind: 'public', when: 'message' },
    'check.move.plannedFor': { date: 'public' },
    'check.competitorAhead': { competitor: 'name', opportunity: 'name', ours: 'public', theirs: 'withheld', who: 'message' },
    'check.opposedInfluence': { influenced: 'message', influencedName: 'name', name: 'name', where: 'message', who: 'message' },
    'check.opposedInfluence.roleOf': { deals: 'message', role: 'public' },
    'check.unfoundedSupport': { opportunity: 'name', support: 'public', who: 'message' },
    'check.uncoveredKeyPerson': { opportunity: 'name', role: 'public', who: 'message' },
    'check.duplicateGlobal': { id: 'name', others: 'message' },
    'check.duplicate.at': { kind: 'public', place: 'place' },
    'check.duplicate.more': { count: 'public' },
    'check.secondPolicy': { place: 'place' },
    'check.code.notWaivableWaiver': { code: 'public' },
    'check.code.notWaivableFixed': { code: 'public' },
    'check.code.notAdjustable': { code: 'public' },
    'check.code.oneWord': { code: 'public' },
    'check.code.unknownNear': { code: 'public', near: 'public' },
    'check.code.unknown': { code: 'public' },
    // the last value as written: a name, a title, an intimacy…
    'check.duplicateProperty': { keyword: 'public', last: 'text' },
    'check.duplicateCompetitorSupport': { competitor: 'name' },
    'check.duplicateLocal': { customer: 'name', id: 'name', kind: 'public', place: 'place' },
    'check.range.threshold': { minimum: 'public', value: 'public' },
    'check.range.score': { property: 'public', value: 'public' },
    'check.range.intimacy': { value: 'withheld' },
    'check.range.sandbox': { property: 'public', value: 'public' },
    'check.range.competition': { property: 'public', value: 'public' },
    // our support or the support for a competitor: the same check
    'check.range.support': { value: 'withheld' },
    'check.range.date': { value: 'public' },
    'check.currency': { currency: 'public' },
    'check.currency.meant': { currency: 'public', meant: 'public' },
    'check.currency.fix': { meant: 'public' },
    'check.amountSuffix': { meant: 'public', written: 'public' },
    'check.amountSuffix.fix': { meant: 'public' },
    'check.missingCurrency': { amount: 'public' },
    'check.ripeLead': { opportunity: 'name' },
    'check.noValueProposition': { opportunity: 'name' },
    'check.noValueProposition.empty': { opportunity: 'name' },
    'check.classWithoutPartnership': { class: 'public', customer: 'name', organization: 'message' },
    'check.classWithoutPartnership.level': { organization: 'public' },
    'check.unverifiedOpportunity': { missing: 'message', opportunity: 'name' },
    'check.unknownNeeds': { opportunity: 'name', role: 'public', who: 'message' },
    'check.aimlessActivity': { activity: 'name' },
    'finding.expiredWaiver': { code: 'public', until: 'public' },
    'finding.unusedWaiver': { code: 'public' },
    'finding.unusedWaiver.elsewhere': { code: 'public', deals: 'message' },
    'finding.unresolved.contact': { name: 'name', remedy: 'message' },
    'finding.unresolved.global': { kind: 'public', name: 'name', remedy: 'message' },
    'finding.unresolved.didYouMean': { id: 'name' },
    'finding.unresolved.propertyWithoutValue': { example: 'public', word: 'name' },
    'finding.unresolved.didYouMeanRole': { role: 'public' },
    // an exception's text may quote anything
    'finding.internalError': { detail: 'withheld' },
    'syntax.expectedIn': { expected: 'message', found: 'message', hint: 'message', meant: 'message', where: 'message' },
    'syntax.didYouMean': { word: 'public' },
    'syntax.chainNotClosed': { line: 'public', word: 'name' },
    'syntax.after': { previous: 'message' },
    'syntax.word': { image: 'name' },
    'syntax.quotedName': { image: 'name' },
    'syntax.valueOf': { noun: 'public', words: 'message' },
    'syntax.unexpectedCharacters': { shown: 'name' },
    'syntax.unexpectedCharacter': { shown: 'name' },
    'syntax.place.other': { rule: 'public' },
};

/**
 * The character a mark starts with (test/support/marked-messages.ts marks each value with it). The
 * wording and the public values never hold it, so that a plan's text cannot forge a mark.
 */
export const MARK_OPEN = '\uE000';
/** Text outside any mark: never read as a mark (a plan may hold the private-use characters). */
const clean = (text: string): string => (text.includes(MARK_OPEN) ? text.replaceAll(MARK_OPEN, '\uFFFD') : text);

/** How a plan value is said again: its pseudonym, the word for withheld, or (in the tests) its mark. */
export type SayValue = (kind: ArgumentClass, value: string) => string;

export interface MarkingTexts {
    /** Says every message as the language's texts do (or, `direct`, stands for it), and keeps how it was made. */
    readonly texts: Texts;
    /**
     * A message these texts said, said again from its arguments with each plan value given by `say`;
     * undefined for a text they did not make. The language's spacing is not applied (a redaction
     * applies it to the message as it finally reads, `messageRedaction`). Redaction's one way.
     */
    said(message: string, say: SayValue): string | undefined;
    /** A message as the language's texts say it: the message itself, unless these texts are `direct`. */
    plain(message: string): string;
}

export interface MarkingOptions {
    /**
     * Never say a message in plain form while the checks speak: each text is a stand-in (a private-use
     * character, this run's nonce and a number) for how it was made, said when it is read — redacted by
     * `said`, plain by `plain` (a finding that ties with another on everything before its message,
     * a refused export's errors). For a caller that reads the findings' messages only through these
     * two (`acct export --redact`); the same text made the same way twice is the same stand-in where
     * the checks compare texts (a text without parameters, a quoted name).
     */
    direct?: boolean;
}

/**
 * How a text of the marking texts was made: a template without parameters, a template filled, or
 * a list, quote or chain of other texts. Only this is kept while the checks speak (a finding's
 * message is said again only if a document is redacted). The texts it was made of are taken as
 * they were known when it was said (`inner`).
 */
type Said =
    | { readonly plain: string }
    | {
          readonly key: MessageKey;
          readonly template: string;
          readonly params: Readonly<Record<string, ParamValue>>;
          readonly classes: Readonly<Record<string, ArgumentClass>> | undefined;
          readonly inner: Readonly<Record<string, Said>> | undefined;
      }
    | {
          readonly join: (items: readonly string[]) => string;
          readonly items: readonly string[];
          readonly inner: readonly (Said | undefined)[];
          /** An item these texts did not make is a name (a quote, a chain) or plain text (a list). */
          readonly names: boolean;
      };

/**
 * A text said again with each plan value given by `say`, the rest exactly as it was said (not
 * spaced). `plainOf`: a value as the language says it (a direct stand-in given where a value stands).
 */
function sayAgain(said: Said, say: SayValue, plainOf: (value: string) => string): string {
    if ('plain' in said) return clean(said.plain);
    if ('template' in said) {
        const values: Record<string, string> = {};
        for (const name in said.params) {
            const kind = said.classes?.[name] ?? 'message';
            const inner = kind === 'message' ? said.inner?.[name] : undefined;
            if (inner) {
                values[name] = sayAgain(inner, say, plainOf);
                continue;
            }
            const text = plainOf(String(said.params[name]));
            values[name] = kind === 'message' || kind === 'public' ? clean(text) : say(kind, text);
        }
        return formatMessage(said.template, values, said.params);
    }
    return said.join(
        said.items.map((item, i) => (said.inner[i] ? sayAgain(said.inner[i], say, plainOf) : said.names ? say('name', plainOf(item)) : clean(plainOf(item)))),
    );
}

/** The first character of a direct stand-in; the plan's texts cannot forge one (they do not know the nonce). */
const STAND_IN = '\uE001';
const same = (text: string): string => text;

/** Texts that say what `base` says and remember how each message was made, by the message (or, `direct`, by its stand-in). */
export function markingTexts(base: Texts, { direct = false }: MarkingOptions = {}): MarkingTexts {
    const memo = new Map<string, Said>();
    // direct: the records by number, each text a stand-in `prefix + number`
    const records: Said[] = [];
    const prefix = `${STAND_IN}${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}:`;
    const recordOf = direct
        ? (text: string): Said | undefined => (text.startsWith(prefix) ? records[Number(text.slice(prefix.length))] : undefined)
        : (text: string): Said | undefined => memo.get(text);
    const remember = direct
        ? (_plain: string, said: Said): string => `${prefix}${records.push(said) - 1}`
        : (plain: string, said: Said): string => {
              memo.set(plain, said);
              return plain;
          };
    /** A direct stand-in as the language says it; any other text as it is. */
    const plainOf = (text: string): string => {
        const said = direct ? recordOf(text) : undefined;
        if (!said) return text;
        if ('plain' in said) return said.plain;
        if ('template' in said) {
            const params: Record<string, ParamValue> = {};
            for (const name in said.params) {
                const value = said.params[name]!;
                params[name] = typeof value === 'string' ? plainOf(value) : value;
            }
            return (base.t as (key: MessageKey, params?: Readonly<Record<string, ParamValue>>) => string)(said.key, params);
        }
        return said.join(said.items.map(plainOf));
    };
    const templates: Readonly<Record<string, string>> = CATALOGS[base.locale].messages;
    const classes: Readonly<Record<string, Readonly<Record<string, ArgumentClass>> | undefined>> = ARGUMENTS;
    // direct: a text without parameters, and a quoted name, one stand-in per text (the checks compare them: a list without repeats)
    const constantOfKey = new Map<string, string>();
    const constantOfPlain = new Map<string, string>();
    const quotes = new Map<string, string>();
    const t = (key: MessageKey, params?: Readonly<Record<string, ParamValue>>): string => {
        if (!params) {
            if (!direct) {
                const plain = base.t(key as never);
                return remember(plain, { plain });
            }
            let standIn = constantOfKey.get(key);
            if (standIn === undefined) {
                const plain = base.t(key as never);
                standIn = constantOfPlain.get(plain) ?? remember(plain, { plain });
                constantOfKey.set(key, standIn);
                constantOfPlain.set(plain, standIn);
            }
            return standIn;
        }
        const plain = direct ? '' : (base.t as (key: MessageKey, params?: Readonly<Record<string, ParamValue>>) => string)(key, params);
        const of = classes[key];
        // a text the catalog made before is said again as it was made; any other, as plain text
        let inner: Record<string, Said> | undefined;
        for (const name in params) {
            if ((of?.[name] ?? 'message') !== 'message') continue;
            const made = recordOf(String(params[name]));
            if (made) (inner ??= {})[name] = made;
        }
        // copied: a caller may reuse its object for the next message
        return remember(plain, { key, template: templates[key] ?? key, params: { ...params }, classes: of, inner });
    };
    const render = (said: Message): string =>
        t(
            said.key,
            said.params && Object.fromEntries(Object.entries(said.params).map(([name, value]) => [name, typeof value === 'object' ? render(value) : value])),
        );
    const made = (join: (items: readonly string[]) => string, items: readonly string[], names: boolean): string =>
        remember(direct ? '' : join(items), { join, items: [...items], inner: items.map(recordOf), names });
    const joined =
        (join: (items: readonly string[]) => string) =>
        (items: readonly string[]): string =>
            // direct: an empty list says nothing (a check may test it), as the language's texts do
            direct && items.length === 0 ? join(items) : made(join, items, false);
    const quoteOne = (items: readonly string[]): string => base.quote(items[0]!);
    const quote = (text: string): string => {
        if (!direct) return made(quoteOne, [text], true);
        let standIn = quotes.get(text);
        if (standIn === undefined) quotes.set(text, (standIn = made(quoteOne, [text], true)));
        return standIn;
    };
    const texts: Texts = {
        ...base,
        t: t as Texts['t'],
        render,
        and: joined(base.and),
        or: joined(base.or),
        list: joined(base.list),
        quote,
        chain: names => made(base.chain, names, true),
    };
    const plainOfText = direct ? plainOf : same;
    return {
        texts,
        said: (message, say) => {
            const said = recordOf(message);
            return said && sayAgain(said, say, plainOfText);
        },
        plain: plainOfText,
    };
}
