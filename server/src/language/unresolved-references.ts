/**
 * `unresolved-reference` findings: what kind of element a name should be, where it was looked
 * for, and "Did you mean `zhang`?" when an id in scope is close to it — or, in a decision chain,
 * a role (`li evaluatr` reads `evaluatr` as a second contact).
 */
import { type DiagnosticInfo, type AstNode, type LangiumDocument, type ScopeProvider } from 'langium';
import { IssueCodes, roleMeanings } from '../method/index.js';
import type { AcctLanguageServices } from './acct-language-services.js';
import { closestWord } from './spelling.js';

/** Suggestions computed per document at most: each reads a whole scope, and a pasted junk file may hold thousands. */
const MAX_SUGGESTIONS = 200;

const referenceKinds: Record<string, string> = {
    reportsTo: 'contact', contact: 'contact', with: 'contact', influences: 'contact',
    owner: 'member', ar: 'member', sr: 'member', fr: 'member',
    competitors: 'competitor', competitor: 'competitor',
};

/** The texts of the finding. */
export const referenceText = {
    unknown: (kind: string, id: string, inScope: boolean, remedy: string) =>
        `Unknown ${kind} '${id}': no ${kind} has this id${inScope ? ' among the contacts of this customer' : ' in the workspace'}. ${remedy}`,
    declareOrCorrect: 'Declare it, or correct the id.',
    didYouMean: (id: string) => `Did you mean \`${id}\`?`,
    didYouMeanRole: (role: string) => `Did you mean the role \`${role}\`? A role follows the contact's id on the same entry.`,
};

export class UnresolvedReferences {
    private readonly scopes: ScopeProvider;

    constructor(services: AcctLanguageServices) {
        this.scopes = services.references.ScopeProvider;
    }

    report(document: LangiumDocument, accept: (message: string, info: DiagnosticInfo<AstNode>) => void): void {
        let suggestions = 0;
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const { container, property, index } = error.info;
            const refText = error.info.reference.$refText;
            const kind = referenceKinds[property] ?? 'declaration';
            const remedy = suggestions++ < MAX_SUGGESTIONS ? this.suggestion(error.info, refText, kind) : undefined;
            accept(referenceText.unknown(kind, refText, kind === 'contact', remedy ?? referenceText.declareOrCorrect), {
                node: container, range: reference.$refNode?.range, property, index, code: IssueCodes.UnresolvedReference,
                data: { code: IssueCodes.UnresolvedReference, containerType: container.$type, property, refText },
            });
        }
    }

    private suggestion(info: Parameters<ScopeProvider['getScope']>[0], refText: string, kind: string): string | undefined {
        const ids = this.scopes.getScope(info).getAllElements().map(element => element.name);
        const id = closestWord(refText, ids);
        if (id) return referenceText.didYouMean(id);
        if (kind !== 'contact' || info.container.$type !== 'DecisionChainEntry') return undefined;
        const role = closestWord(refText, Object.keys(roleMeanings));
        return role ? referenceText.didYouMeanRole(role) : undefined;
    }
}
