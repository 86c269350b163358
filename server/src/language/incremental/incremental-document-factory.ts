/**
 * Langium parses a changed document again from its first character. Here the document's previous
 * parse is handed to the incremental parser (incremental-parse.ts), which re-parses only the
 * declarations or elements around the edit when that gives the same result, and the whole text
 * otherwise. Only the parse changes: the builder's phases after it run as before.
 */
import {
    DefaultLangiumDocumentFactory,
    type AstNode,
    type Cancellation,
    type LangiumCoreServices,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type ParseResult,
    type URI,
} from 'langium';
import type { Workspace } from '../generated/ast.js';
import { IncrementalParser } from './incremental-parse.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A user that serves the parses itself (the history engine: each git blob parsed once and its
 * parse kept): every parse of a document comes from `parse`, and `replaced` hears of each update
 * that gave a document another parse.
 */
export interface ParseSource {
    /** `previous`: the parse the document holds while its update parses its new content (none for a new document). */
    parse(uri: URI, text: string, previous: ParseResult | undefined): ParseResult;
    replaced(uri: URI, before: ParseResult, after: ParseResult): void;
}

export class IncrementalDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse being replaced, by document, while its update runs. */
    private readonly previous = new Map<string, ParseResult>();
    private readonly parsers = new WeakMap<LangiumCoreServices, IncrementalParser>();

    /** Where the parses come from instead of the parsers (see ParseSource); unset: parsed here. */
    parseSource: ParseSource | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(
        document: Mutable<LangiumDocument<T>>,
        cancellationToken: Cancellation.CancellationToken,
    ): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        const before = document.parseResult;
        this.previous.set(key, before);
        try {
            const updated = await super.update(document, cancellationToken);
            this.parseSource?.replaced(document.uri, before, updated.parseResult);
            return updated;
        } finally {
            this.previous.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        if (this.parseSource) return Promise.resolve(this.parseSource.parse(uri, text, this.previous.get(uri.toString())) as ParseResult<T>);
        const previous = this.previous.get(uri.toString());
        if (previous && previous.value?.$type === 'Workspace') {
            const parsed = this.parserFor(uri).parse(previous as ParseResult<Workspace>, text);
            if (parsed) return Promise.resolve(parsed as unknown as ParseResult<T>);
        }
        return super.parseAsync(uri, text, cancellationToken);
    }

    private parserFor(uri: URI): IncrementalParser {
        const services = this.serviceRegistry.getServices(uri);
        let parser = this.parsers.get(services);
        if (!parser) {
            parser = new IncrementalParser(services);
            this.parsers.set(services, parser);
        }
        return parser;
    }
}
