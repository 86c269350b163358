/**
 * Gives parser and linker errors the contract's codes (`syntax`, `unresolved-reference`) and
 * messages a plan author can act on (syntax-messages.ts builds the parser's; one mistake gives
 * one error, syntax-cascade.ts), then hands every finding to the finding policy (severities,
 * waivers, syntax-error containment).
 */
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { IssueCodes } from '../method/index.js';
import type { AcctLanguageServices } from './acct-language-services.js';
import type { AcctSettings } from './acct-settings.js';
import type { FindingPolicy } from './finding-policy.js';
import { withoutCascades } from './syntax-cascade.js';
import { UnresolvedReferences } from './unresolved-references.js';

export class AcctDocumentValidator extends DefaultDocumentValidator {
    protected readonly findingPolicy: FindingPolicy;
    protected readonly unresolved: UnresolvedReferences;
    protected readonly settings: AcctSettings;

    constructor(services: AcctLanguageServices) {
        super(services);
        this.findingPolicy = services.validation.FindingPolicy;
        this.unresolved = new UnresolvedReferences(services);
        this.settings = services.workspace.AcctSettings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const lexing: Diagnostic[] = [];
        const parsing: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                (code === DocumentValidator.LexingError ? lexing : parsing).push(diagnostic);
                diagnostic.code = IssueCodes.Syntax;
                diagnostic.data = { code: IssueCodes.Syntax };
            } else if (diagnostic.code === undefined && code === undefined) {
                // Langium caught an exception in a check: the other checks ran; say what failed, under a code.
                diagnostic.code = IssueCodes.InternalError;
                diagnostic.data = { code: IssueCodes.InternalError };
                const detail = diagnostic.message.replace(/^An error occurred during validation: /, '');
                diagnostic.message = this.settings.texts().t('finding.internalError', { detail });
            }
        }
        const kept = withoutCascades(document, lexing, parsing);
        const cascades = new Set(parsing);
        for (const error of kept) cascades.delete(error);
        // A cascade is not shown, but its declaration is as unreliable as the first error's (containment).
        return this.findingPolicy.apply(document, diagnostics.filter(d => !cascades.has(d)), [...lexing, ...parsing]);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        this.unresolved.report(document, (message, info) => diagnostics.push(this.toDiagnostic('error', message, info)));
    }
}
