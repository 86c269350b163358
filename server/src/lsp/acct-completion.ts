/**
 * Completion that teaches the method: every enumeration value comes with its one-line meaning
 * (`2` — supports us and excludes others), and numeric scales are offered as their values.
 */
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from "langium/lsp";
import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { intimacyMeanings, keywordMeanings, propertyMeanings, scoreMeanings, supportMeanings, type Meaning } from '../method/index.js';

/** Punctuation and pieces of values that are offered as whole values instead. */
const notOffered = new Set(['{', '}', ',', '-', '?']);

export class AcctCompletionProvider extends DefaultCompletionProvider {
    /** A contact never reports to itself: do not offer it (that would be a reports-to cycle). */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const self = refInfo.property === 'reportsTo' ? (refInfo.container as { name?: string }).name : undefined;
        return self ? candidates.filter(candidate => candidate.name !== self) : candidates;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const scale = this.scaleFor(context, next);
        if (scale) {
            // In the scale's order (-1 0 1 2 3 ?), not in the object's key order (integer-like keys first).
            scaleOrder(scale).forEach(([value, meaning], index) => acceptor(context, {
                label: value,
                kind: CompletionItemKind.EnumMember,
                detail: meaning.label,
                documentation: meaning.meaning,
                sortText: String(index).padStart(2, '0'),
            }));
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Which value scale, if any, the next token belongs to. */
    private scaleFor(context: CompletionContext, next: NextFeature): Readonly<Record<string, Meaning>> | undefined {
        if (next.type === 'SupportValue') return supportMeanings;
        // Langium clears `next.property` for the features after a parsed keyword, so a plain
        // `SignedInt` value (whose first feature is its optional '-') is recognized by the
        // property keyword before it. Only the '-' feature answers, so the scale is offered once.
        if (GrammarAST.isKeyword(next.feature) && next.feature.value === '-'
            && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'SignedInt') {
            const before = context.textDocument.getText().slice(0, context.tokenOffset);
            const keyword = /([A-Za-z-]+)\s*$/.exec(before)?.[1];
            if (keyword === 'intimacy') return intimacyMeanings;
            if (keyword === 'standing' || keyword === 'cooperation') return scoreMeanings;
        }
        return undefined;
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return !notOffered.has(keyword.value) && !isIdAlternative(keyword) && super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const value = keywordMeanings[keyword.value];
        const property = propertyMeanings[keyword.value];
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
    const rank = (value: string) => value === '?' ? Infinity : Number(value);
    return Object.entries(scale).sort(([a], [b]) => rank(a) - rank(b));
}

/** Keywords that the `Name` rule accepts as ids are not keywords to offer where a name goes. */
export function isIdAlternative(keyword: GrammarAST.Keyword): boolean {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Name';
}
