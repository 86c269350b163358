/**
 * What a commit's plan is made of, for the history engine: a blob as plan text, the commit's
 * files served to the language services as from a disk, a kept parse unlinked for its next
 * document.
 */
import { EmptyFileSystemProvider, URI, type DefaultReference, type ParseResult } from 'langium';
import type { Workspace } from '../language/generated/ast.js';
import { forEachReference, nodesOf } from '../language/ast/ast-walk.js';
import type { AcctPlanDocument } from '../contract/plan-types.js';

/** Serves each file's text at the commit being checked: the language services read it as from a disk. */
export class CommitFileSystem extends EmptyFileSystemProvider {
    readonly texts = new Map<string, string>();

    // optional only because Langium's empty provider declares no parameter: the workspace always gives one
    override readFile(uri?: URI): Promise<string> {
        const text = uri && this.texts.get(uri.toString());
        return text === undefined ? Promise.reject(new Error(`not in the commit: ${uri?.toString()}`)) : Promise.resolve(text);
    }
}

export function commitFileSystem(): CommitFileSystem {
    return new CommitFileSystem();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** A blob as plan text: UTF-8 without its BOM; a binary or non-UTF-8 content keeps what it can, so that it does not parse. */
export function blobText(bytes: Buffer | undefined): string {
    if (!bytes) return '';
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        text = lenient.decode(bytes);
    }
    // NUL never stands in a plan: a binary file is text that does not parse
    text = text.replace(/\u0000/g, '\ufffd');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Undoes the links of a kept parse, so that the document it is given to links it afresh. */
export function unlink(parse: ParseResult<Workspace>): void {
    for (const node of nodesOf(parse.value)) {
        forEachReference(node, ({ reference }) => {
            if ('_ref' in reference) {
                const ref = reference as DefaultReference;
                ref._ref = undefined;
                ref._nodeDescription = undefined;
            }
        });
    }
}

export function emptyPlan(today: string): AcctPlanDocument {
    return { format: 'acct-plan', version: 1, today, files: [], members: [], competitors: [], customers: [], diagnostics: [], waived: [] };
}
