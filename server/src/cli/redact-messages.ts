/**
 * The findings' messages of a redacted document (cli/redact.ts), redacted by their arguments: the
 * checks said each message with marking texts (method/messages/redactable.ts), which keep how each
 * one was made, and each message is said again here with every plan value it quotes replaced by
 * its pseudonym, or by the word for withheld. The wording around the values is the message's own,
 * in every language: nothing is looked for in it.
 */
import type { FindingSubject } from '../contract/findings.js';
import { parseSubjectKey, type SubjectKey } from '../contract/subject-key.js';
import { spaceChineseLatin, type ArgumentClass, type MarkingTexts, type SayValue, type Texts } from '../method/index.js';
import type { Redactor, Replacements } from './redact-pseudonyms.js';

export interface MessageRedaction {
    /** The message said again with each plan value given by `say`, in the language's spacing; undefined for a text the checks did not say. */
    redacted(message: string, say: SayValue): string | undefined;
    /** The word that stands for a withheld value, in the messages' language. */
    withheld: string;
}

/** The redaction of the messages the checks said through `marking`, in the language of `texts`. */
export function messageRedaction({ said }: MarkingTexts, texts: Texts): MessageRedaction {
    // the Chinese rule applies to the message as it finally reads, pseudonyms included
    const redacted: MessageRedaction['redacted'] =
        texts.locale === 'zh-CN'
            ? (message, say) => {
                  const text = said(message, say);
                  return text === undefined ? undefined : spaceChineseLatin(text);
              }
            : said;
    return { redacted, withheld: texts.t('cli.export.withheld') };
}

/** The redacted message of a finding about `about`; the pseudonyms are `r`'s, every id declared in it. */
export function messageRedactor(r: Redactor, { redacted, withheld }: MessageRedaction): (message: string, about: FindingSubject | null | undefined) => string {
    let allLocals: Replacements | undefined;
    // every customer's names, the first customer's pseudonym for a name two of them use
    const anyLocal = (): Replacements => {
        if (!allLocals) {
            allLocals = new Map();
            for (const local of r.local.values()) for (const [original, pseudonym] of local) if (!allLocals.has(original)) allLocals.set(original, pseudonym);
        }
        return allLocals;
    };
    // the names of the customer each subject belongs to, found once per subject
    const localOf = new Map<SubjectKey, Replacements | null>();
    // the finding being said: one `say` serves every message (made once, it runs warm sooner)
    let own: Replacements | null = null;
    const pseudonym = (value: string): string | undefined => {
        // the names of the customer the finding is about first (a message about a contact means it), then the workspace's
        const found = (own ?? anyLocal()).get(value) ?? r.global.get(value) ?? (own !== null ? anyLocal().get(value) : undefined);
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
    return (message, about) => {
        own = null;
        if (about) {
            own = localOf.get(about.subject) ?? null;
            if (own === null && !localOf.has(about.subject)) {
                const customer = parseSubjectKey(about.subject)?.customer ?? null;
                localOf.set(about.subject, (own = customer === null ? null : r.localOf(customer)));
            }
        }
        // a message the checks did not say through the marking texts: nothing says which of its words are the plan's
        return redacted(message, say) ?? withheld;
    };
}
