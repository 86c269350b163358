/**
 * Go to Symbol in Workspace: every member, competitor and customer, and every contact, opportunity
 * and activity with its customer as container, found by id or by display name (`Wang` finds
 * `wang "Wang Lei"`, `王` finds `陈王`), case-insensitively and fuzzily as VS Code filters them.
 * The symbol's name carries both, because VS Code keeps only the results whose name matches what
 * was typed. Each file's symbols are listed once per parse; a query is one pass over them.
 */
import { GrammarUtils, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isCustomer, isMember, isCompetitor, type Customer, type Workspace } from '../language/generated/ast.js';

/** A result list the editor can show at once; the best matches come first. */
export const WORKSPACE_SYMBOL_LIMIT = 200;

interface Declared extends AstNode {
    name: string;
    displayName: string;
}

interface Entry {
    node: Declared;
    /** `wang "Wang Lei"`, or the id alone when the name repeats it. */
    label: string;
    id: string;
    name: string;
    /** The display name without blanks, for queries typed with or without them. */
    compact: string;
    container?: string;
}

/** How well an entry matches (lower is better); undefined: no match. */
function rank(entry: Entry, query: string): number | undefined {
    if (query === '') return 5;
    if (entry.id === query || entry.compact === query) return 0;
    if (entry.id.startsWith(query) || entry.compact.startsWith(query)) return 1;
    if (wordStarts(entry.name, query) || wordStarts(entry.id, query)) return 2;
    if (entry.id.includes(query) || entry.compact.includes(query)) return 3;
    return isSubsequence(query, entry.id + entry.compact) ? 4 : undefined;
}

/** A word of `text` (after a blank, `_`, `-` or `.`) starts with `query`. */
function wordStarts(text: string, query: string): boolean {
    for (let at = text.indexOf(query); at > 0; at = text.indexOf(query, at + 1)) {
        if (' _-.'.includes(text[at - 1]!)) return true;
    }
    return false;
}

function isSubsequence(query: string, text: string): boolean {
    let found = 0;
    for (let i = 0; i < text.length && found < query.length; i++) {
        if (text[i] === query[found]) found++;
    }
    return found === query.length;
}

export function symbolLabel(id: string, displayName: string | undefined): string {
    return displayName && displayName !== id ? `${id} "${displayName}"` : id;
}

export class AcctWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly kinds: NodeKindProvider;
    /** Per parse result: a new parse is a new root, so an edited file is listed again. */
    private readonly entries = new WeakMap<AstNode, Entry[]>();

    constructor(services: LangiumSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.kinds = services.lsp.NodeKindProvider;
    }

    getSymbols(params: WorkspaceSymbolParams, _cancelToken?: CancellationToken): WorkspaceSymbol[] {
        const query = params.query.toLowerCase().replace(/\s+/g, '');
        const found: Array<{ entry: Entry; rank: number; uri: string; order: number }> = [];
        for (const document of this.documents.all) {
            const uri = document.uri.toString();
            this.entriesOf(document).forEach((entry, order) => {
                const score = rank(entry, query);
                if (score !== undefined) found.push({ entry, rank: score, uri, order });
            });
        }
        found.sort((a, b) => a.rank - b.rank || a.entry.label.length - b.entry.label.length || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.order - b.order));
        return found.slice(0, WORKSPACE_SYMBOL_LIMIT).map(({ entry, uri }) => this.symbolOf(entry, uri));
    }

    private symbolOf(entry: Entry, uri: string): WorkspaceSymbol {
        const cst = entry.node.$cstNode!;
        const name = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        return {
            name: entry.label,
            kind: this.kinds.getSymbolKind(entry.node),
            ...(entry.container ? { containerName: entry.container } : {}),
            location: { uri, range: name.range },
        };
    }

    private entriesOf(document: LangiumDocument): Entry[] {
        const root = document.parseResult.value as Workspace;
        let entries = this.entries.get(root);
        if (!entries) {
            entries = [];
            for (const declaration of root.declarations ?? []) {
                if (isMember(declaration) || isCompetitor(declaration)) add(entries, declaration);
                if (!isCustomer(declaration)) continue;
                add(entries, declaration);
                const container = symbolLabel(declaration.name, declaration.displayName);
                for (const element of elementsOf(declaration)) add(entries, element, container);
            }
            this.entries.set(root, entries);
        }
        return entries;
    }
}

function elementsOf(customer: Customer): Declared[] {
    return [...customer.contacts, ...customer.opportunities, ...customer.activities];
}

function add(entries: Entry[], node: Declared, container?: string): void {
    // A declaration that did not parse far enough to have an id is not a symbol yet.
    if (!node.name || !node.$cstNode) return;
    const name = (node.displayName ?? '').toLowerCase();
    entries.push({
        node,
        label: symbolLabel(node.name, node.displayName),
        id: node.name.toLowerCase(),
        name,
        compact: name.replace(/\s+/g, ''),
        ...(container ? { container } : {}),
    });
}
