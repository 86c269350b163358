/**
 * Gives parser and linker errors the contract's codes (`syntax`, `unresolved-reference`) and
 * messages a plan author can act on, then hands every finding to the finding policy (severities,
 * waivers, syntax-error containment).
 */
import {
    Cancellation, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, type AstNode, type DiagnosticInfo, type LangiumDocument,
    type ValidationAcceptor, type ValidationOptions, type ValidationSeverity,
} from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { forEachNode, nodesOf } from './ast-walk.js';
import type { AcctValidationRegistry } from './acct-validation-registry.js';
import { nodeForProperty } from './cst-search.js';
import { IssueCodes } from '../method/index.js';
import type { AcctLanguageServices } from './acct-language-services.js';
import type { FindingPolicy } from './finding-policy.js';

const referenceKinds: Record<string, string> = {
    reportsTo: 'contact', contact: 'contact', with: 'contact', influences: 'contact',
    owner: 'member', ar: 'member', sr: 'member', fr: 'member',
    competitors: 'competitor', competitor: 'competitor',
};

export class AcctDocumentValidator extends DefaultDocumentValidator {
    protected readonly findingPolicy: FindingPolicy;

    constructor(services: AcctLanguageServices) {
        super(services);
        this.findingPolicy = services.validation.FindingPolicy;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const parseErrors: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code;
            if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
                parseErrors.push(diagnostic);
                diagnostic.code = IssueCodes.Syntax;
                diagnostic.data = { code: IssueCodes.Syntax };
                diagnostic.message = syntaxMessage(diagnostic.message);
            } else if (code === DocumentValidator.LinkingError) {
                const data = diagnostic.data as { property: string; refText: string };
                const kind = referenceKinds[data.property] ?? 'declaration';
                const where = kind === 'contact' ? ' among the contacts of this customer' : ' in the workspace';
                diagnostic.code = IssueCodes.UnresolvedReference;
                diagnostic.data = { ...data, code: IssueCodes.UnresolvedReference };
                diagnostic.message = `Unknown ${kind} '${data.refText}': no ${kind} has this id${where}. Declare it, or correct the id.`;
            } else if (diagnostic.code === undefined && code === undefined) {
                // Langium caught an exception in a check: the other checks ran; say what failed, under a code.
                diagnostic.code = IssueCodes.InternalError;
                diagnostic.data = { code: IssueCodes.InternalError };
                diagnostic.message = `acct could not finish a check here (${diagnostic.message.replace(/^An error occurred during validation: /, '')}): a fault of acct, not of the plan. Please report it with this plan.`;
            }
        }
        return this.findingPolicy.apply(document, diagnostics, parseErrors);
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

const tokenNames: Record<string, string> = {
    ID: 'an id', STRING: 'a quoted name', DATE: 'a date (YYYY-MM-DD)', INT: 'a number',
    AMOUNT: 'an amount', DECIMAL: 'a number',
};

/** Chevrotain's messages name tokens by their internal names; say them as a user writes them. */
function syntaxMessage(message: string): string {
    const found = /but found:? '([^']*)'/.exec(message)?.[1];
    const alternatives = [...message.matchAll(/\d+\. \[([^\]]+)\]/g)].map(m => m[1]);
    if (alternatives.length > 0 && found !== undefined) {
        // Where an id may stand, every keyword may too (contract: a keyword is a valid id): say "an id" once.
        const idPossible = alternatives.includes('ID');
        const expected = [...new Set(alternatives
            .filter(a => !(idPossible && /^[a-z]+$/.test(a)))
            .map(a => tokenNames[a] ?? `'${a}'`))];
        const list = expected.length > 8 ? [...expected.slice(0, 8), '...'] : expected;
        return `Syntax error: expected ${list.length > 1 ? 'one of ' : ''}${list.join(', ')} but found '${found}'.`;
    }
    const cleaned = message
        .replace(/token of type '([A-Z]+)'/g, (_m, name: string) => tokenNames[name] ?? name)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/^Expecting /, 'expected ')
        .replace(/`([^`]*)`/g, "'$1'");
    return `Syntax error: ${cleaned.length > 300 ? cleaned.slice(0, 297) + '...' : cleaned}`;
}
