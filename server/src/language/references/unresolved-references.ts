/**
 * `unresolved-reference` findings: what kind of element a name should be, where it was looked
 * for, and "Did you mean `zhang`?" when an id in scope is close to it — or, in a decision chain,
 * a role (`li evaluatr` reads `evaluatr` as a second contact).
 *
 * A decision chain whose `}` is missing reads the lines after it as contacts (keywords are valid
 * ids): `competitors nokia` becomes two unknown contacts before the syntax error that the lost
 * brace causes further down. When an unknown entry of a chain is a word that begins an item of an
 * opportunity or a customer, and a syntax error follows it in the file, that entry and the unknown
 * ones after it in the chain are the brace's cascade: the syntax error alone is reported.
 */
import { type DiagnosticInfo, type AstNode, type GrammarAST, type LangiumDocument, type Scope, type ScopeProvider } from 'langium';
import { IssueCodes, roleMeanings, type DeclarationKind, type Texts } from '../../method/index.js';
import type { AcctLanguageServices } from '../acct-language-services.js';
import type { AcctSettings } from '../workspace/acct-settings.js';
import { closestWord } from '../text/spelling.js';
import { blockStarts } from '../parser/grammar-expectations.js';

/** Suggestions computed per document at most: each reads a whole scope, and a pasted junk file may hold thousands. */
/** The properties of a decision-chain entry that take a value, with one written whole. */
const ENTRY_PROPERTY_EXAMPLES: Readonly<Record<string, string>> = { support: 'support 2', group: 'group technical' };
const MAX_SUGGESTIONS = 200;

const referenceKinds: Record<string, DeclarationKind> = {
    reportsTo: 'contact',
    contact: 'contact',
    with: 'contact',
    influences: 'contact',
    owner: 'member',
    ar: 'member',
    sr: 'member',
    fr: 'member',
    competitors: 'competitor',
    competitor: 'competitor',
};

/** The finding in the session's language: what is unknown, where it was looked for, what to do. */
function unknownText(texts: Texts, kind: DeclarationKind, name: string, remedy: string): string {
    return kind === 'contact'
        ? texts.t('finding.unresolved.contact', { name, remedy })
        : texts.t('finding.unresolved.global', { kind: texts.vocabulary.declarations[kind], name, remedy });
}

export class UnresolvedReferences {
    private readonly scopes: ScopeProvider;
    private readonly settings: AcctSettings;
    /** The words that begin an item of the blocks around a decision chain (an opportunity, a customer). */
    private readonly itemWords: ReadonlySet<string>;

    constructor(services: AcctLanguageServices) {
        this.scopes = services.references.ScopeProvider;
        this.settings = services.workspace.AcctSettings;
        const blocks = blockStarts(services.Grammar as GrammarAST.Grammar);
        this.itemWords = new Set(['Opportunity', 'Customer'].flatMap(rule => blocks.get(rule)?.keywords ?? []));
    }

    report(document: LangiumDocument, accept: (message: string, info: DiagnosticInfo<AstNode>) => void): void {
        const texts = this.settings.texts();
        const swallowed = this.swallowedEntries(document);
        let suggestions = 0;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const { container, property, index } = error.info;
            if (swallowed(container)) continue;
            const refText = error.info.reference.$refText;
            const kind = referenceKinds[property] ?? 'declaration';
            const remedy = suggestions++ < MAX_SUGGESTIONS ? this.suggestion(error.info, refText, kind, texts) : undefined;
            accept(unknownText(texts, kind, refText, remedy ?? texts.t('finding.unresolved.declareOrCorrect')), {
                node: container,
                range: reference.$refNode?.range,
                property,
                index,
                code: IssueCodes.UnresolvedReference,
                data: { code: IssueCodes.UnresolvedReference, containerType: container.$type, property, refText },
            });
        }
    }

    /**
     * The first entry each unclosed decision chain swallowed: the chain, and the entry (an unknown
     * contact named by a word that begins an item of an opportunity or a customer) — in text order.
     */
    swallowed(document: LangiumDocument): Array<{ chain: AstNode; entry: AstNode; word: string }> {
        const firsts = this.firstSwallowed(document);
        return [...firsts.entries()]
            .map(([chain, { entry, word }]) => ({ chain, entry, word }))
            .sort((a, b) => (a.entry.$cstNode?.offset ?? 0) - (b.entry.$cstNode?.offset ?? 0));
    }

    /** Whether an unknown decision-chain entry is text the chain swallowed because its `}` is missing. */
    private swallowedEntries(document: LangiumDocument): (container: AstNode) => boolean {
        const firstSwallowed = this.firstSwallowed(document);
        if (firstSwallowed.size === 0) return () => false;
        const offset = (node: AstNode) => node.$cstNode?.offset ?? -1;
        return container => {
            if (container.$type !== 'DecisionChainEntry' || !container.$container) return false;
            const first = firstSwallowed.get(container.$container);
            return first !== undefined && offset(container) >= offset(first.entry);
        };
    }

    private firstSwallowed(document: LangiumDocument): Map<AstNode, { entry: AstNode; word: string }> {
        const firstSwallowed = new Map<AstNode, { entry: AstNode; word: string }>();
        const errors = document.parseResult.parserErrors;
        if (errors.length === 0) return firstSwallowed;
        // the last syntax error of the file (at its end when the parser ran out of text), found at the
        // first unknown entry of a chain: a loop, not a spread (200,000 errors overflowed the stack)
        let lastError: number | undefined;
        const offset = (node: AstNode) => node.$cstNode?.offset ?? -1;
        for (const reference of document.references) {
            const entry = reference.error?.info.container;
            if (entry?.$type !== 'DecisionChainEntry' || !entry.$container) continue;
            lastError ??= lastErrorOffset(errors, document.textDocument.getText().length);
            const word = reference.error!.info.reference.$refText;
            if (!this.itemWords.has(word) || offset(entry) >= lastError) continue;
            const known = firstSwallowed.get(entry.$container);
            if (known === undefined || offset(entry) < offset(known.entry)) firstSwallowed.set(entry.$container, { entry, word });
        }
        return firstSwallowed;
    }

    /**
     * Per scope (the scope provider keeps one while its symbols stay the same: the workspace's
     * members, a customer's contacts), the id closest to each unknown name asked: a member renamed
     * leaves the same unknown name in 140 files, each of which read every member for it again.
     */
    private readonly closest = new WeakMap<Scope, Map<string, string | undefined>>();

    private closestId(scope: Scope, refText: string): string | undefined {
        let known = this.closest.get(scope);
        if (!known) this.closest.set(scope, (known = new Map()));
        if (known.has(refText)) return known.get(refText);
        const id = closestWord(
            refText,
            scope.getAllElements().map(element => element.name),
        );
        known.set(refText, id);
        return id;
    }

    private suggestion(info: Parameters<ScopeProvider['getScope']>[0], refText: string, kind: string, texts: Texts): string | undefined {
        const id = this.closestId(this.scopes.getScope(info), refText);
        if (id) return texts.t('finding.unresolved.didYouMean', { id });
        if (kind !== 'contact' || info.container.$type !== 'DecisionChainEntry') return undefined;
        // `a support }`: every keyword is also an id, so a property left without its value is read as the next entry's contact
        const example = ENTRY_PROPERTY_EXAMPLES[refText];
        if (example) return texts.t('finding.unresolved.propertyWithoutValue', { word: refText, example });
        const role = closestWord(refText, Object.keys(roleMeanings));
        return role ? texts.t('finding.unresolved.didYouMeanRole', { role }) : undefined;
    }
}

/** The offset of the last of `errors`' tokens (the text's end for a token past it: the parser ran out of text). */
function lastErrorOffset(errors: ReadonlyArray<{ token: { startOffset: number } }>, textLength: number): number {
    let last = -Infinity;
    for (const error of errors) {
        const at = Number.isFinite(error.token.startOffset) ? error.token.startOffset : textLength;
        if (at > last) last = at;
    }
    return last;
}
