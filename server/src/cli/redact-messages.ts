/**
 * The findings' messages of a redacted document (cli/redact.ts), redacted by their arguments: the
 * checks said each message with marking texts (method/messages/redactable.ts), and each plan
 * value the message quotes is replaced here by its pseudonym, or by the word for withheld. The
 * wording around the values is the message's own, in every language: nothing is looked for in it.
 */
import type { FindingSubject } from '../contract/findings.js';
import { parseSubjectKey, type SubjectKey } from '../contract/subject-key.js';
import { sayMarked, type ArgumentClass, type Locale, type MarkingTexts, type SayValue, type Texts } from '../method/index.js';
import type { Redactor, Replacements } from './redact-pseudonyms.js';

export interface MessageRedaction {
    /** The marked form of a message, from the texts the checks spoke (`MarkingTexts.marked`). */
    marked(message: string): string | undefined;
    /** The message said again with each marked value given by `say` (`MarkingTexts.redacted`): the same as reading its marked form, without making it. */
    redacted?(message: string, say: SayValue): string | undefined;
    /** The word that stands for a withheld value, in the messages' language. */
    withheld: string;
    /** The messages' language (its spacing rule applies to the redacted message). */
    locale: Locale;
}

/** The redaction of the messages the checks said through `marking`, in the language of `texts`. */
export const messageRedaction = ({ marked, redacted }: MarkingTexts, texts: Texts): MessageRedaction => ({
    marked,
    redacted,
    withheld: texts.t('cli.export.withheld'),
    locale: texts.locale,
});

/** Without marked forms nothing of a message can be told from its wording: each one is withheld whole. */
export const UNMARKED: MessageRedaction = { marked: () => undefined, withheld: 'withheld', locale: 'en' };

/** The redacted message of a finding about `about`; the pseudonyms are `r`'s, every id declared in it. */
export function messageRedactor(
    r: Redactor,
    { marked, redacted, withheld, locale }: MessageRedaction,
): (message: string, about: FindingSubject | null | undefined) => string {
    let allLocals: Replacements | undefined;
    // every customer's names, the first customer's pseudonym for a name two of them use
    const anyLocal = (): Replacements => {
        if (!allLocals) {
            allLocals = new Map();
            for (const local of r.local.values()) for (const [original, pseudonym] of local) if (!allLocals.has(original)) allLocals.set(original, pseudonym);
        }
        return allLocals;
    };
    const customerOf = new Map<SubjectKey, string | null>();
    return (message, about) => {
        let customer: string | null = null;
        if (about) {
            customer = customerOf.get(about.subject) ?? null;
            if (customer === null && !customerOf.has(about.subject))
                customerOf.set(about.subject, (customer = parseSubjectKey(about.subject)?.customer ?? null));
        }
        // the names of the customer the finding is about first (a message about a contact means it), then the workspace's
        const own = customer !== null ? r.localOf(customer) : anyLocal();
        const pseudonym = (value: string): string | undefined => {
            const found = own.get(value) ?? r.global.get(value) ?? (customer !== null ? anyLocal().get(value) : undefined);
            if (found !== undefined) return found;
            // a quoted name as written in the plan (a syntax message's token)
            const quoted = value.length > 2 && value.startsWith('"') && value.endsWith('"') ? pseudonym(value.slice(1, -1)) : undefined;
            return quoted === undefined ? undefined : `"${quoted}"`;
        };
        const say = (kind: ArgumentClass, value: string): string => {
            if (kind === 'name') return pseudonym(value) ?? value;
            if (kind === 'text') return pseudonym(value) ?? withheld;
            if (kind === 'place') {
                const colon = value.lastIndexOf(':');
                const path = colon < 0 ? value : value.slice(0, colon);
                return (pseudonym(path) ?? pseudonym(path.split('/').pop()!) ?? withheld) + (colon < 0 ? '' : value.slice(colon));
            }
            return withheld;
        };
        // a message the marking texts did not make: nothing says which of its words are the plan's
        if (redacted) return redacted(message, say) ?? withheld;
        const shown = marked(message);
        return shown === undefined ? withheld : sayMarked(shown, locale, say);
    };
}
