/**
 * Gives parser and linker errors the contract's codes (`syntax`, `unresolved-reference`) and
 * messages a plan author can act on, then hands every finding to the finding policy (severities,
 * waivers, syntax-error containment).
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { IssueCodes, type DeclarationKind, type MessageKey, type Texts } from '../method/index.js';
import type { AcctLanguageServices } from './acct-language-services.js';
import type { AcctSettings } from './acct-settings.js';
import type { FindingPolicy } from './finding-policy.js';

const referenceKinds: Record<string, DeclarationKind> = {
    reportsTo: 'contact', contact: 'contact', with: 'contact', influences: 'contact',
    owner: 'member', ar: 'member', sr: 'member', fr: 'member',
    competitors: 'competitor', competitor: 'competitor',
};

export class AcctDocumentValidator extends DefaultDocumentValidator {
    protected readonly findingPolicy: FindingPolicy;
    protected readonly settings: AcctSettings;

    constructor(services: AcctLanguageServices) {
        super(services);
        this.findingPolicy = services.validation.FindingPolicy;
        this.settings = services.workspace.AcctSettings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const texts = this.settings.texts();
        const parseErrors: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                parseErrors.push(diagnostic);
                diagnostic.code = IssueCodes.Syntax;
                diagnostic.data = { code: IssueCodes.Syntax };
                diagnostic.message = syntaxMessage(diagnostic.message, texts);
            } else if (code === DocumentValidator.LinkingError) {
                const data = diagnostic.data as { property: string; refText: string };
                const kind = referenceKinds[data.property] ?? 'declaration';
                diagnostic.code = IssueCodes.UnresolvedReference;
                diagnostic.data = { ...data, code: IssueCodes.UnresolvedReference };
                diagnostic.message = kind === 'contact'
                    ? texts.t('finding.unresolved.contact', { name: data.refText })
                    : texts.t('finding.unresolved.global', { kind: texts.vocabulary.declarations[kind], name: data.refText });
            } else if (diagnostic.code === undefined && code === undefined) {
                // Langium caught an exception in a check: the other checks ran; say what failed, under a code.
                diagnostic.code = IssueCodes.InternalError;
                diagnostic.data = { code: IssueCodes.InternalError };
                diagnostic.message = texts.t('finding.internalError', { detail: diagnostic.message.replace(/^An error occurred during validation: /, '') });
            }
        }
        return this.findingPolicy.apply(document, diagnostics, parseErrors);
    }
}

const tokenNames: Record<string, Extract<MessageKey, `syntax.token.${string}`>> = {
    ID: 'syntax.token.id', WORD: 'syntax.token.id', STRING: 'syntax.token.string', DATE: 'syntax.token.date', INT: 'syntax.token.number',
    AMOUNT: 'syntax.token.amount', DECIMAL: 'syntax.token.number',
};

/** Chevrotain's messages name tokens by their internal names; say them as a user writes them. */
function syntaxMessage(message: string, texts: Texts): string {
    const tokenName = (name: string): string | undefined => {
        const key = tokenNames[name];
        return key && texts.t(key);
    };
    const found = /but found:? '([^']*)'/.exec(message)?.[1];
    const alternatives = [...message.matchAll(/\d+\. \[([^\]]+)\]/g)].map(m => m[1]);
    if (alternatives.length > 0 && found !== undefined) {
        // Where an id may stand, every keyword may too (contract: a keyword is a valid id): say "an id" once.
        const idPossible = alternatives.includes('ID') || alternatives.includes('WORD');
        const expected = [...new Set(alternatives
            .filter(a => !(idPossible && /^[a-z]+$/.test(a)))
            .map(a => tokenName(a) ?? texts.quote(a)))];
        const list = texts.list(expected.length > 8 ? [...expected.slice(0, 8), '...'] : expected);
        return texts.t('syntax.expected', { expected: expected.length > 1 ? texts.t('syntax.oneOf', { list }) : list, found });
    }
    const cleaned = message
        .replace(/token of type '([A-Z]+)'/g, (_m, name: string) => tokenName(name) ?? name)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/^Expecting /, 'expected ')
        .replace(/`([^`]*)`/g, "'$1'");
    return texts.t('syntax.parser', { detail: cleaned.length > 300 ? cleaned.slice(0, 297) + '...' : cleaned });
}
