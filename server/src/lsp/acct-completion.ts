/**
 * Completion that teaches the method: every enumeration value comes with its one-line meaning
 * (`2` — supports us and excludes others), numeric scales are offered as their values, codes
 * after `waive` and `severity` with what their check finds, and dates where a date is due.
 */
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type LangiumServices, type NextFeature } from 'langium/lsp';
import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { CompletionItemKind } from 'vscode-languageserver-types';
import {
    addDays,
    ISSUE_CODES,
    isAdjustable,
    issueCatalog,
    isWaivable,
    type Meaning,
    type PropertyKeyword,
    type Texts,
    type VocabularyTexts,
} from '../method/index.js';
import type { AcctLanguageAddedServices } from '../language/acct-language-services.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';
import { WAIVER_DAYS } from '../language/editing/waiver-insertion.js';

/** Punctuation and pieces of values that are offered as whole values instead. */
const notOffered = new Set(['{', '}', ',', '-', '?']);

export class AcctCompletionProvider extends DefaultCompletionProvider {
    protected readonly settings: AcctSettings;

    constructor(services: LangiumServices) {
        super(services);
        this.settings = (services as LangiumServices & AcctLanguageAddedServices).workspace.AcctSettings;
    }

    /** A contact never reports to itself: do not offer it (that would be a reports-to cycle). */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const self = refInfo.property === 'reportsTo' ? (refInfo.container as { name?: string }).name : undefined;
        return self ? candidates.filter(candidate => candidate.name !== self) : candidates;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const before = wordsBefore(context.textDocument.getText(), context.tokenOffset);
        const code = /\b(waive|severity)\s+((?:[A-Za-z]+-)*)$/.exec(before);
        if (code) return this.completeCode(context, code[1] as 'waive' | 'severity', code[2]!.length, acceptor);
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'DATE') return this.completeDate(context, before, acceptor);
        const scale = this.scaleFor(context, next, this.settings.texts());
        if (scale) {
            // In the scale's order (-1 0 1 2 3 ?), not in the object's key order (integer-like keys first).
            scaleOrder(scale).forEach(([value, meaning], index) =>
                acceptor(context, {
                    label: value,
                    kind: CompletionItemKind.EnumMember,
                    detail: meaning.label,
                    documentation: meaning.meaning,
                    sortText: String(index).padStart(2, '0'),
                }),
            );
            return;
        }
        if (GrammarAST.isCrossReference(next.feature) && !next.type && context.node) {
            // Langium takes the node before the cursor as the reference's container; after a nested
            // element (`amount 1.2B CNY`, a decision-chain entry) that is the element, which has no
            // such reference (Langium then logs "Property competitors of type Money is not a
            // reference" and offers nothing). The reference belongs to the nearest container that has it.
            const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature;
            const owner = property ? this.ownerOfReference(context.node, property) : undefined;
            if (!owner) return;
            if (owner !== context.node) return super.completionFor({ ...context, node: owner }, next, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    /** `node` or its nearest container whose type has `property` as a cross-reference. */
    private ownerOfReference(node: AstNode, property: string): AstNode | undefined {
        for (let at: AstNode | undefined = node; at; at = at.$container) {
            if (this.astReflection.getTypeMetaData(at.$type).properties[property]?.referenceType) return at;
        }
        return undefined;
    }

    /** The codes a `waive` (waivable ones) or `severity` (adjustable ones) may name, each with what its check finds. */
    private completeCode(context: CompletionContext, after: 'waive' | 'severity', typed: number, acceptor: CompletionAcceptor): void {
        const start = context.textDocument.positionAt(context.tokenOffset - typed);
        const end = context.textDocument.positionAt(context.offset);
        const texts = this.settings.texts();
        for (const code of ISSUE_CODES) {
            if (after === 'waive' ? !isWaivable(code) : !isAdjustable(code)) continue;
            const info = issueCatalog[code];
            acceptor(context, {
                label: code,
                kind: CompletionItemKind.EnumMember,
                detail: texts.t('completion.byDefault', { severity: info.severity }),
                documentation: texts.vocabulary.issues[code].summary,
                textEdit: { range: { start, end }, newText: code },
                filterText: code,
            });
        }
    }

    /** Dates where one is due: a waiver's end in a month or a quarter; today for a review or a contact just made. */
    private completeDate(context: CompletionContext, before: string, acceptor: CompletionAcceptor): void {
        const keyword = /([A-Za-z-]+)\s*$/.exec(before)?.[1];
        const today = this.settings.today();
        const texts = this.settings.texts();
        const offers: Array<[string, string]> =
            keyword === 'until'
                ? [
                      [addDays(today, WAIVER_DAYS), texts.t('completion.inDays', { days: WAIVER_DAYS })],
                      [addDays(today, 90), texts.t('completion.inDays', { days: 90 })],
                  ]
                : keyword === 'reviewed' || keyword === 'last-contact'
                  ? [[today, texts.t('completion.today')]]
                  : [];
        offers.forEach(([date, when], index) =>
            acceptor(context, {
                label: date,
                kind: CompletionItemKind.Value,
                detail: when,
                sortText: String(index),
            }),
        );
    }

    /** Which value scale, if any, the next token belongs to. */
    private scaleFor(context: CompletionContext, next: NextFeature, texts: Texts): Readonly<Record<string, Meaning>> | undefined {
        if (next.type === 'SupportValue') return texts.vocabulary.support;
        // Langium clears `next.property` for the features after a parsed keyword, so a plain
        // `SignedInt` value (whose first feature is its optional '-') is recognized by the
        // property keyword before it. Only the '-' feature answers, so the scale is offered once.
        if (
            GrammarAST.isKeyword(next.feature) &&
            next.feature.value === '-' &&
            AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'SignedInt'
        ) {
            const before = wordsBefore(context.textDocument.getText(), context.tokenOffset);
            const keyword = /([A-Za-z-]+)\s*$/.exec(before)?.[1];
            if (keyword === 'intimacy') return texts.vocabulary.intimacy;
            if (keyword === 'standing' || keyword === 'cooperation') return texts.vocabulary.scores;
        }
        return undefined;
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return !notOffered.has(keyword.value) && !isIdAlternative(keyword) && super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const texts = this.settings.texts();
        const value = meaningOfKeyword(keyword, texts);
        const property = texts.vocabulary.properties[keyword.value as PropertyKeyword] as string | undefined;
        acceptor(context, {
            label: keyword.value,
            kind: value ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
            detail: value ? value.label : undefined,
            documentation: value ? value.meaning : property,
            sortText: value ? '1' : '2',
        });
    }
}

/** Numeric values in ascending order, `?` last. */
function scaleOrder(scale: Readonly<Record<string, Meaning>>): Array<[string, Meaning]> {
    const rank = (value: string) => (value === '?' ? Infinity : Number(value));
    return Object.entries(scale).sort(([a], [b]) => rank(a) - rank(b));
}

/** Keywords that the `Name` rule accepts as ids (and `CodeWord` as parts of codes) are not keywords to offer. */
export function isIdAlternative(keyword: GrammarAST.Keyword): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    return rule === 'Name' || rule === 'CodeWord';
}

/** The meaning of an enumeration keyword where it stands: `commercial` is a tier, or in a `group` the commercial bone. */
export function meaningOfKeyword(keyword: GrammarAST.Keyword, texts: Texts): Meaning | undefined {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
    if (rule === 'Group') return texts.vocabulary.groups[keyword.value as keyof VocabularyTexts['groups']];
    return texts.keyword(keyword.value);
}

const isWordChar = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;

/**
 * The text before `offset` that the end-anchored patterns above can match: the word (letters and
 * `-`) the cursor is in, the space before it, the word before that and one more character (for
 * `\b`). The same matches as on the whole text before the cursor, which a pattern anchored at the
 * end would scan from the start of the file (milliseconds at the end of a 10k-line plan).
 */
function wordsBefore(text: string, offset: number): string {
    let start = offset;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    while (start > 0 && /\s/.test(text[start - 1]!)) start--;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    return text.slice(Math.max(0, start - 1), offset);
}
