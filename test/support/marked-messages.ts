/**
 * The marked form of a message the marking texts said (server/src/method/messages/redactable.ts):
 * each plan value it quotes wrapped in a mark that says its class, so that a test can read every
 * argument and its class out of a message. Made from the same record the redaction says a message
 * again from (`MarkingTexts.said`); no redaction reads it.
 */
import { MARK_OPEN, spaceChineseLatin, type ArgumentClass, type Locale, type MarkingTexts } from '../../server/src/method/index.js';

const CLOSE = '\uE001';
const CLASS_LETTER: Readonly<Record<ArgumentClass, string>> = { name: 'n', text: 't', place: 'p', withheld: 'w', public: '', message: '' };
const LETTER_CLASS: Readonly<Record<string, ArgumentClass>> = { n: 'name', t: 'text', p: 'place', w: 'withheld' };

/**
 * A value's mark: its class and its length, then the value. The length, not an end mark, ends it,
 * so a hostile name holding the mark's characters cannot end it early.
 */
const mark = (kind: ArgumentClass, value: string): string => `${MARK_OPEN}${CLASS_LETTER[kind]}${value.length}${CLOSE}${value}`;

/** The marked form of `message` (undefined for a text `marking` did not make), not spaced. */
export const markedForm = (marking: MarkingTexts, message: string): string | undefined => marking.said(message, mark);

/**
 * A marked message said with each marked value replaced by `say(class, value)`, in `locale`'s
 * spacing (the Chinese rule applies to the message as it finally reads, pseudonyms included).
 */
export function sayMarked(marked: string, locale: Locale, say: (kind: ArgumentClass, value: string) => string): string {
    let out = '';
    let at = 0;
    for (let open = marked.indexOf(MARK_OPEN); open >= 0; open = marked.indexOf(MARK_OPEN, at)) {
        const close = marked.indexOf(CLOSE, open);
        const start = close + 1;
        const end = start + Number(marked.slice(open + 2, close));
        out += marked.slice(at, open) + say(LETTER_CLASS[marked[open + 1]!]!, marked.slice(start, end));
        at = end;
    }
    out += marked.slice(at);
    return locale === 'zh-CN' ? spaceChineseLatin(out) : out;
}
