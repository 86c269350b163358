/**
 * The parses of the history engine (history-engine.ts): each distinct content (git blob) is
 * parsed once per run. A parse is kept by blob id while a later commit will give the same
 * content to a file again (a revert, a rename, a file moved back), and given back (its links
 * undone) instead of parsing again; a parse no later commit needs is let go. A file's new content
 * is parsed from its last one as an edit of it (the language server's incremental parser: only
 * the declarations or elements around what changed are parsed again, the result the same as a
 * full parse), unless a later commit needs the last one's parse as it is.
 */
import type { ParseResult } from 'langium';
import type { Workspace } from '../language/generated/ast.js';
import { IncrementalDocumentFactory } from '../language/incremental/incremental-document-factory.js';
import type { createAcctServices } from '../acct-module.js';
import { unlink } from './commit-plans.js';
import { IncrementalParser } from '../language/incremental/incremental-parse.js';

export class KeptParses {
    /** Parses done in the run. */
    parses = 0;
    /** How many more times each blob will be given to a file: a parse no file will need again is let go. */
    readonly remaining = new Map<string, number>();
    /** The blob each document holds now, by URI. */
    readonly blobOf = new Map<string, string>();
    /** Kept parses by blob id, and the document each is given to now. */
    private readonly kept = new Map<string, ParseResult<Workspace>>();
    private readonly inUse = new Map<ParseResult<Workspace>, string>();

    /** Every parse of `services` goes through here from now on; `fromLast`: a file's new content is parsed as an edit of its last one. */
    constructor(services: ReturnType<typeof createAcctServices>, fromLast = true) {
        const factory = services.shared.workspace.LangiumDocumentFactory;
        if (!(factory instanceof IncrementalDocumentFactory)) throw new Error('acct: the history engine needs the IncrementalDocumentFactory');
        const parser = services.Acct.parser.LangiumParser;
        const incremental = new IncrementalParser(services.Acct);
        factory.parseSource = {
            replaced: (uri, before, after) => {
                const key = uri.toString();
                if (after !== before && this.inUse.get(before as ParseResult<Workspace>) === key) this.letGo(before as ParseResult<Workspace>);
            },
            parse: (uri, text, before) => {
                const key = uri.toString();
                const blob = this.blobOf.get(key);
                const kept = blob === undefined ? undefined : this.kept.get(blob);
                if (kept && !this.inUse.has(kept)) {
                    unlink(kept);
                    this.inUse.set(kept, key);
                    return kept;
                }
                this.parses++;
                // from the content before, when no later commit needs its parse as it is (the edit re-uses its nodes)
                const previous = before as ParseResult<Workspace> | undefined;
                const reusable = fromLast && previous !== undefined && previous.value?.$type === 'Workspace' && !this.needed(previous);
                const parsed = (reusable ? incremental.parse(previous, text) : undefined) ?? parser.parse<Workspace>(text);
                if (blob !== undefined && !kept) {
                    this.kept.set(blob, parsed);
                    this.inUse.set(parsed, key);
                }
                return parsed;
            },
        };
    }

    /** Whether `parse` is kept for a blob a later commit gives again. */
    private needed(parse: ParseResult<Workspace>): boolean {
        for (const [blob, kept] of this.kept) if (kept === parse) return (this.remaining.get(blob) ?? 0) > 0;
        return false;
    }

    /** The document of `key` is deleted: its parse is free for a content that comes back. */
    release(key: string): void {
        this.blobOf.delete(key);
        for (const [parse, holder] of this.inUse)
            if (holder === key) {
                this.letGo(parse);
                break;
            }
    }

    /** A parse no document holds: kept while its blob will come back, else let go. */
    private letGo(parse: ParseResult<Workspace>): void {
        this.inUse.delete(parse);
        for (const [blob, kept] of this.kept) {
            if (kept === parse && (this.remaining.get(blob) ?? 0) <= 0) {
                this.kept.delete(blob);
                break;
            }
        }
    }
}
