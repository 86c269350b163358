/**
 * `unresolved-reference` findings: what kind of element a name should be, where it was looked
 * for, and "Did you mean `zhang`?" when an id in scope is close to it — or, in a decision chain,
 * a role (`li evaluatr` reads `evaluatr` as a second contact).
 */
import { type DiagnosticInfo, type AstNode, type LangiumDocument, type ScopeProvider } from 'langium';
import { IssueCodes, roleMeanings, type DeclarationKind, type Texts } from '../method/index.js';
import type { AcctLanguageServices } from './acct-language-services.js';
import type { AcctSettings } from './acct-settings.js';
import { closestWord } from './spelling.js';

/** Suggestions computed per document at most: each reads a whole scope, and a pasted junk file may hold thousands. */
const MAX_SUGGESTIONS = 200;

const referenceKinds: Record<string, DeclarationKind> = {
    reportsTo: 'contact', contact: 'contact', with: 'contact', influences: 'contact',
    owner: 'member', ar: 'member', sr: 'member', fr: 'member',
    competitors: 'competitor', competitor: 'competitor',
};

/** The finding in the session's language: what is unknown, where it was looked for, what to do. */
function unknownText(texts: Texts, kind: DeclarationKind, name: string, remedy: string): string {
    return kind === 'contact' ? texts.t('finding.unresolved.contact', { name, remedy })
        : texts.t('finding.unresolved.global', { kind: texts.vocabulary.declarations[kind], name, remedy });
}

export class UnresolvedReferences {
    private readonly scopes: ScopeProvider;
    private readonly settings: AcctSettings;

    constructor(services: AcctLanguageServices) {
        this.scopes = services.references.ScopeProvider;
        this.settings = services.workspace.AcctSettings;
    }

    report(document: LangiumDocument, accept: (message: string, info: DiagnosticInfo<AstNode>) => void): void {
        const texts = this.settings.texts();
        let suggestions = 0;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const { container, property, index } = error.info;
            const refText = error.info.reference.$refText;
            const kind = referenceKinds[property] ?? 'declaration';
            const remedy = suggestions++ < MAX_SUGGESTIONS ? this.suggestion(error.info, refText, kind, texts) : undefined;
            accept(unknownText(texts, kind, refText, remedy ?? texts.t('finding.unresolved.declareOrCorrect')), {
                node: container, range: reference.$refNode?.range, property, index, code: IssueCodes.UnresolvedReference,
                data: { code: IssueCodes.UnresolvedReference, containerType: container.$type, property, refText },
            });
        }
    }

    private suggestion(info: Parameters<ScopeProvider['getScope']>[0], refText: string, kind: string, texts: Texts): string | undefined {
        const ids = this.scopes.getScope(info).getAllElements().map(element => element.name);
        const id = closestWord(refText, ids);
        if (id) return texts.t('finding.unresolved.didYouMean', { id });
        if (kind !== 'contact' || info.container.$type !== 'DecisionChainEntry') return undefined;
        const role = closestWord(refText, Object.keys(roleMeanings));
        return role ? texts.t('finding.unresolved.didYouMeanRole', { role }) : undefined;
    }
}
