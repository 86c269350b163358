/**
 * Gives parser and linker errors the contract's codes (`syntax`, `unresolved-reference`) and
 * messages a plan author can act on (syntax-messages.ts builds the parser's; one mistake gives
 * one error, syntax-cascade.ts), then hands every finding to the finding policy (severities,
 * waivers, syntax-error containment).
 */
import {
    Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled, type AstNode, type DiagnosticInfo,
    type LangiumDocument, type ValidationAcceptor, type ValidationOptions, type ValidationSeverity,
} from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { forEachNode, nodesOf } from '../ast/ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import { nodeForProperty } from '../ast/cst-search.js';
import { IssueCodes } from '../../method/index.js';
import type { AcctLanguageServices } from '../acct-language-services.js';
import type { AcctSettings } from '../workspace/acct-settings.js';
import type { FindingPolicy } from './finding-policy.js';
import { withoutCascades } from '../parser/syntax-cascade.js';
import { UnresolvedReferences } from '../references/unresolved-references.js';

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

    /**
     * A check that throws (a fault of acct) is a finding, an error, never a clean result: Langium's
     * own validateDocument logs such an exception and drops every finding of the document.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        try {
            return await this.validateFully(document, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return [this.internalError(error)];
        }
    }

    /** The error finding that says a check failed, at the start of the document. */
    protected internalError(error: unknown): Diagnostic {
        const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return {
            severity: 1,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: this.settings.texts().t('finding.internalError', { detail }),
            code: IssueCodes.InternalError,
            data: { code: IssueCodes.InternalError },
            source: this.languageId,
        };
    }

    /** Langium's validateDocument, with no spread of an unbounded list (a spread of 123,000 findings throws). */
    protected async builtInAndChecks(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.LexingError)) return diagnostics;
            this.processParsingErrors(parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.ParsingError)) return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.LinkingError)) return diagnostics;
        }
        try {
            const found = await this.validateAst(parseResult.value, options, cancelToken);
            for (const diagnostic of found) diagnostics.push(diagnostic);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            diagnostics.push(this.internalError(error));
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    private async validateFully(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await this.builtInAndChecks(document, options, cancelToken);
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
        this.placeAtSwallowingChains(document, kept);
        const cascades = new Set(parsing);
        for (const error of kept) cascades.delete(error);
        // A cascade is not shown, but its declaration is as unreliable as the first error's (containment).
        return this.findingPolicy.apply(document, diagnostics.filter(d => !cascades.has(d)), lexing.concat(parsing));
    }

    /**
     * A decision chain without its `}` swallows the lines after it (unresolved-references.ts drops
     * the unknown contacts they become); the syntax error that follows is the brace's: it moves to
     * the first word swallowed, and says which chain is not closed.
     */
    private placeAtSwallowingChains(document: LangiumDocument, kept: Diagnostic[]): void {
        const swallowed = this.unresolved.swallowed(document);
        if (swallowed.length === 0) return;
        const texts = this.settings.texts();
        const offsetOf = (d: Diagnostic) => document.textDocument.offsetAt(d.range.start);
        const errors = [...kept].sort((a, b) => offsetOf(a) - offsetOf(b));
        for (const { chain, entry, word } of swallowed) {
            const at = entry.$cstNode!;
            const error = errors.find(e => offsetOf(e) > at.offset);
            if (!error || !chain.$cstNode) continue;
            error.range = { start: document.textDocument.positionAt(at.offset), end: document.textDocument.positionAt(at.offset + word.length) };
            error.message = texts.t('syntax.chainNotClosed', { line: chain.$cstNode.range.start.line + 1, word });
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        this.unresolved.report(document, (message, info) => diagnostics.push(this.toDiagnostic('error', message, info)));
    }

    /** Langium's diagnostic, with the property's syntax found the quicker way (cst-search.ts). */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        if (!info.range && typeof info.property === 'string') {
            const cst = nodeForProperty(info.node.$cstNode, info.property, info.index) ?? info.node.$cstNode;
            if (cst) return super.toDiagnostic(severity, message, { ...info, range: cst.range });
        }
        return super.toDiagnostic(severity, message, info);
    }

    /**
     * Langium's walk, checks and order, without a stream and a promise per node and check
     * (acct-validation-registry.ts); cancellation is looked at every few hundred nodes.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: CancellationToken): Promise<void> {
        const registry = this.validationRegistry as AcctValidationRegistry;
        // Langium's default validates every node and its children; an override that prunes gets the walk it asks for.
        const skipped = new Set<AstNode>();
        const nodes: readonly AstNode[] = this.validateSingleNodeOptions === DefaultDocumentValidator.prototype['validateSingleNodeOptions']
            ? nodesOf(root)
            : (() => {
                const list: AstNode[] = [];
                forEachNode(root, node => {
                    list.push(node);
                    const nodeOptions = this.validateSingleNodeOptions(node, options);
                    if (!nodeOptions.validateNode) skipped.add(node);
                    return nodeOptions.validateChildren;
                });
                return list;
            })();
        for (let i = 0; i < nodes.length; i++) {
            if (i % CHECK_CANCEL_EVERY === 0) await interruptAndCheck(cancelToken ?? Cancellation.CancellationToken.None);
            const node = nodes[i]!;
            if (skipped.has(node)) continue;
            for (const check of registry.checksFor(node.$type, options.categories)) {
                const pending = check(node, acceptor, cancelToken ?? Cancellation.CancellationToken.None);
                if (pending) await pending;
            }
        }
    }
}

/** Nodes validated between two looks at cancellation. */
const CHECK_CANCEL_EVERY = 256;
