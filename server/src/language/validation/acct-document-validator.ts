/**
 * Gives parser and linker errors the contract's codes (`syntax`, `unresolved-reference`) and
 * messages a plan author can act on (syntax-messages.ts builds the parser's; one mistake gives
 * one error, syntax-cascade.ts), then hands every finding to the finding policy (severities,
 * waivers, syntax-error containment).
 */
import {
    Cancellation,
    DefaultDocumentValidator,
    DocumentValidator,
    interruptAndCheck,
    isOperationCancelled,
    type AstNode,
    type DiagnosticInfo,
    type LangiumDocument,
    type ParseResult,
    type ValidationAcceptor,
    type ValidationOptions,
    type ValidationSeverity,
} from 'langium';
import type { CancellationToken, Diagnostic, Range } from 'vscode-languageserver';
import { diagnosticRange, findingDiagnostic, pushParseErrors } from './finding-diagnostics.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import type { AcctLanguageServices } from '../acct-language-services.js';
import type { AcctDocumentBuilder } from '../workspace/acct-document-builder.js';
import type { AcctSettings } from '../workspace/acct-settings.js';
import type { FindingPolicy } from './finding-policy.js';
import type { CustomerIndex } from './customer-index.js';
import { syntaxErrors } from '../parser/syntax-cascade.js';
import { giveContractCodes, internalErrorFinding, placeAtSwallowingChains } from './syntax-findings.js';
import { FindingsForDates, heldSpan, rangeOnKeptParse, runDateChecks } from './findings-for-dates.js';
import { UnresolvedReferences } from '../references/unresolved-references.js';
import { ElementFindings } from './element-findings.js';
import { ElementWalk } from './element-walk.js';
import { withoutErrors } from './findings-without-cascades.js';
import { checkNodes } from './node-checks.js';

export class AcctDocumentValidator extends DefaultDocumentValidator {
    protected readonly findingPolicy: FindingPolicy;
    protected readonly unresolved: UnresolvedReferences;
    protected readonly settings: AcctSettings;
    /** The findings of each document's elements, reused for the elements an edit did not touch (element-findings.ts). */
    protected readonly elementFindings: ElementFindings;
    protected readonly workspaceFacts: AcctLanguageServices['workspace']['WorkspaceFacts'];

    /** Per document, the checks' findings of its last validation, and what they were made for (checkFindings). */
    protected readonly kept = new WeakMap<
        LangiumDocument,
        { text: string; today: string; locale: string; categories: string; root: AstNode; found: Diagnostic[] }
    >();
    private readonly customerIndex: CustomerIndex;
    /** The builder (looked up when first needed: it is made after the validator). */
    protected readonly builderOf: () => AcctDocumentBuilder;

    constructor(services: AcctLanguageServices) {
        super(services);
        this.builderOf = () => services.shared.workspace.DocumentBuilder as AcctDocumentBuilder;
        this.findingPolicy = services.validation.FindingPolicy;
        this.unresolved = new UnresolvedReferences(services);
        this.settings = services.workspace.AcctSettings;
        this.customerIndex = services.validation.CustomerIndex;
        this.elementFindings = new ElementFindings(this.customerIndex);
        this.workspaceFacts = services.workspace.WorkspaceFacts;
    }

    /**
     * A check that throws (a fault of acct) is a finding, an error, never a clean result: Langium's
     * own validateDocument logs such an exception and drops every finding of the document.
     */
    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken: CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<Diagnostic[]> {
        try {
            return await this.validateFully(document, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return [this.internalError(error)];
        }
    }

    /**
     * The checks' findings (validateAst): those of the document's last validation when the builder
     * says they hold (acct-document-builder.ts: only a member's declaration changed elsewhere) and
     * the document, the date and the language are the ones they were made for; else made afresh.
     */
    protected async checkFindings(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const kept = this.kept.get(document);
        const now = {
            text: document.textDocument.getText(),
            today: this.settings.today(),
            locale: this.settings.locale,
            categories: (this.validationRegistry as AcctValidationRegistry).checksKey(options.categories),
        };
        const reusable =
            this.builderOf().takeChecksKept(document) &&
            kept !== undefined &&
            kept.root === document.parseResult.value &&
            kept.text === now.text &&
            kept.today === now.today &&
            kept.locale === now.locale &&
            kept.categories === now.categories;
        this.kept.delete(document);
        const found = reusable ? kept.found : await this.validateAst(document.parseResult.value, options, cancelToken);
        // Kept as handed out, and handed out again as they are: the document's previous findings were
        // let go when it was reset (resetToState), and the finding policy sets the same severity again
        // (the policy is the same when they are used again).
        this.kept.set(document, { ...now, root: document.parseResult.value, found });
        return found;
    }

    /** The error finding that says a check failed, at the start of the document. */
    protected internalError(error: unknown): Diagnostic {
        return internalErrorFinding(error, this.settings.texts(), this.languageId);
    }

    /** Langium's validateDocument, with no spread of an unbounded list (a spread of 123,000 findings throws). */
    protected async builtInAndChecks(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            this.processLexingErrors(parseResult, diagnostics, options);
            if (options.stopAfterLexingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.LexingError))
                return diagnostics;
            this.processParsingErrors(parseResult, diagnostics, options);
            if (options.stopAfterParsingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.ParsingError))
                return diagnostics;
            this.processLinkingErrors(document, diagnostics, options);
            if (options.stopAfterLinkingErrors && diagnostics.some(d => (d.data as { code?: string } | undefined)?.code === DocumentValidator.LinkingError))
                return diagnostics;
        }
        try {
            const found = await this.checkFindings(document, options, cancelToken);
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
        const texts = () => this.settings.texts();
        const { lexing, parsing } = giveContractCodes(diagnostics, texts);
        const parsedAt = this.parseErrorOffsets.get(diagnostics);
        const { kept, muted } = syntaxErrors(document, lexing, parsing, parsedAt?.length === parsing.length ? parsedAt : undefined);
        placeAtSwallowingChains(document, kept, this.unresolved.swallowed(document), texts);
        // A cascade is not shown, but its declaration is as unreliable as the first error's (containment).
        const found = withoutErrors(diagnostics, parsing, kept);
        const parseErrors = lexing.concat(parsing);
        if (this.keepForDates && ranEveryCheck(options)) this.keptForDates.keep(document, found, parseErrors);
        return this.findingPolicy.apply(document, found, muted);
    }

    /**
     * Whether the findings of untouched elements are reused at a document's next validation
     * (element-findings.ts): not where a changed document is parsed again in full
     * nor in `acct history` (acct-language-module.ts `AcctOneShotChecksModule`).
     */
    reuseElementFindings = true;

    /**
     * `acct history` only (history-engine.ts): keep each document's findings before the policy, so that
     * when only today moves, revalidateDates re-runs only the checks that read today.
     */
    keepForDates = false;
    private readonly keptForDates = new FindingsForDates();

    /**
     * The days (day numbers) around `today` on which a date-only re-check of `document` would give
     * the findings it has: its parse is the one last validated with keepForDates, every
     * date-driven outcome holds on them, and no waiver's `until` can change what the policy does.
     * Undefined when it must be re-checked (revalidateDates).
     */
    datesHoldOn(document: LangiumDocument): { from: number; to: number } | undefined {
        const kept = this.keptForDates.of(document);
        if (!kept || this.findingPolicy.hasWaivers(document)) return undefined;
        return heldSpan(kept, this.workspaceFacts.policy());
    }

    /**
     * The findings of a document whose text and links have not changed since its last validation,
     * with today moved: its findings that do not depend on today are kept, the date-driven checks
     * (checks/date-driven.ts) run again where their findings may have changed, and the finding policy (waivers in force on the new
     * today) is applied to all — what a full validation gives. A date-driven finding equal to
     * one of the last validation is that same object (so that what is made of it can be reused).
     * Undefined when the document was not validated in full before with keepForDates (validate it).
     */
    async revalidateDates(document: LangiumDocument, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<Diagnostic[] | undefined> {
        const kept = this.keptForDates.of(document);
        if (!kept) return undefined;
        const root = kept.root;
        const registry = this.validationRegistry as AcctValidationRegistry;
        const found: Diagnostic[] = [];
        // the same parse and text as the kept validation: a node's property or keyword is where it was (found once)
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            found.push(this.toDiagnostic(severity, message, info, info.range ? undefined : rangeOnKeptParse(kept, info, diagnosticRange)));
        };
        try {
            await this.validateAstBefore(root, {}, acceptor, cancelToken);
            // the text and links are those of the kept validation: so are its customers' facts
            this.customerIndex.use(kept.facts);
            await runDateChecks(kept, registry, this.settings.today(), this.workspaceFacts.policy(), acceptor, found, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return undefined;
        }
        // a check that failed (an internal error) or reported a code that does not read today: validate in full
        const dated = this.keptForDates.withDates(kept, found);
        return dated && this.findingPolicy.applyToDated(document, kept.steady, dated, kept.parseErrors, kept.policed);
    }

    /** Parse errors in the shape of every other finding (finding-diagnostics.ts); their offsets kept for validateFully, by the list they went to. */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        this.parseErrorOffsets.set(diagnostics, pushParseErrors(parseResult, diagnostics, this.getSource()));
    }
    /** Where each parse error of a validation's findings starts (pushParseErrors), in their order: the list is each validation's own. */
    private readonly parseErrorOffsets = new WeakMap<Diagnostic[], number[]>();

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        this.unresolved.report(document, (message, info) => diagnostics.push(this.toDiagnostic('error', message, info)));
    }

    /** Langium's diagnostic, its range found the quicker way (finding-diagnostics.ts). */
    protected override toDiagnostic<N extends AstNode>(
        severity: ValidationSeverity,
        message: string,
        info: DiagnosticInfo<N, string>,
        /** Where it is, when the caller knows (diagnosticRange of the same `info` on the same parse). */
        known?: Range,
    ): Diagnostic {
        return findingDiagnostic(severity, message, info, this.getSource(), known);
    }

    /**
     * Langium's validation of the AST, in which the elements of a customer (contacts, opportunities,
     * activities) whose text and facts are those of the document's last validation get the
     * findings made then (element-findings.ts); the others, the customers and the workspace are
     * checked. The same findings, in the same order, as checking every node.
     */
    protected override async validateAst(
        root: AstNode,
        options: ValidationOptions,
        cancelToken: CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<Diagnostic[]> {
        const document = root.$document;
        const custom = this.validateSingleNodeOptions !== DefaultDocumentValidator.prototype['validateSingleNodeOptions'];
        if (!document || custom) return super.validateAst(root, options, cancelToken);
        const items: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => {
            items.push(this.toDiagnostic(severity, message, info));
        };
        await this.validateAstBefore(root, options, acceptor, cancelToken);
        const round = this.reuseElementFindings
            ? this.elementFindings.begin(document, this.findingsContext(options), this.settings.today(), this.builderOf().otherChanges(document))
            : undefined;
        if (!round) await this.validateAstNodes(root, options, acceptor, cancelToken);
        else {
            const walk = new ElementWalk(this.validationRegistry as AcctValidationRegistry, options, (...args) => this.toDiagnostic(...args), cancelToken);
            for (const diagnostic of await walk.findings(root, round)) items.push(diagnostic);
            round.commit();
        }
        await this.validateAstAfter(root, options, acceptor, cancelToken);
        return items;
    }

    /**
     * What every element's findings depend on besides the plan and today (the findings of the
     * checks that read today are made again on another day: element-walk.ts): the language, the
     * checks asked for, the policy's thresholds.
     */
    private findingsContext(options: ValidationOptions): string {
        const { source: _source, ...thresholds } = this.workspaceFacts.policy();
        return JSON.stringify([
            this.settings.locale,
            (this.validationRegistry as AcctValidationRegistry).checksKey(options.categories),
            thresholds,
            (this.validationRegistry as AcctValidationRegistry).skippedCodes(),
        ]);
    }

    /** Langium's walk, checks and order, without a stream and a promise per node and check (node-checks.ts). */
    protected override async validateAstNodes(
        root: AstNode,
        options: ValidationOptions,
        acceptor: ValidationAcceptor,
        cancelToken?: CancellationToken,
    ): Promise<void> {
        // Langium's default validates every node and its children; an override that prunes gets the walk it asks for.
        const custom = this.validateSingleNodeOptions !== DefaultDocumentValidator.prototype['validateSingleNodeOptions'];
        await checkNodes(
            this.validationRegistry as AcctValidationRegistry,
            root,
            options,
            acceptor,
            cancelToken,
            custom ? (node, nodeOptions) => this.validateSingleNodeOptions(node, nodeOptions) : undefined,
        );
    }
}

/** Every check ran: no categories asked, or built-in and fast (acct registers no slow check: the builder's update asks for these two). */
function ranEveryCheck(options: ValidationOptions): boolean {
    const asked = options.categories;
    return !asked || (asked.includes('built-in') && asked.includes('fast'));
}
