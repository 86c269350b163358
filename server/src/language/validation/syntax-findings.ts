/**
 * Parser, lexer and Langium's own errors as the contract's findings (acct-document-validator.ts):
 * each gets its code (`syntax`, or `internal-error` for a check that threw, with what failed),
 * and a brace error that follows a decision chain without its `}` is moved to the first word the
 * chain swallowed, saying which chain is not closed.
 */
import { DocumentValidator, type AstNode, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { IssueCodes, type Texts } from '../../method/index.js';
import { messageText } from './finding-data.js';

/** Gives each diagnostic of Langium's validation its contract code; returns the lexer's and the parser's errors. */
export function giveContractCodes(diagnostics: readonly Diagnostic[], texts: () => Texts): { lexing: Diagnostic[]; parsing: Diagnostic[] } {
    const lexing: Diagnostic[] = [];
    const parsing: Diagnostic[] = [];
    for (const diagnostic of diagnostics) {
        const data = diagnostic.data as { code?: string } | undefined;
        const code = data?.code;
        if (code === DocumentValidator.LexingError || code === DocumentValidator.ParsingError) {
            (code === DocumentValidator.LexingError ? lexing : parsing).push(diagnostic);
            diagnostic.code = IssueCodes.Syntax;
            // the marker's data is the error's own (Langium's diagnosticData, pushParseErrors make one
            // per error): its code replaced, not a second object for each of 60,000 errors
            data!.code = IssueCodes.Syntax;
        } else if (diagnostic.code === undefined && code === undefined) {
            // Langium caught an exception in a check: the other checks ran; say what failed, under a code.
            diagnostic.code = IssueCodes.InternalError;
            diagnostic.data = { code: IssueCodes.InternalError };
            const detail = messageText(diagnostic.message).replace(/^An error occurred during validation: /, '');
            diagnostic.message = texts().t('finding.internalError', { detail });
        }
    }
    return { lexing, parsing };
}

/**
 * A decision chain without its `}` swallows the lines after it (unresolved-references.ts drops
 * the unknown contacts they become); the syntax error that follows is the brace's: it moves to
 * the first word swallowed, and says which chain is not closed.
 */
export function placeAtSwallowingChains(
    document: LangiumDocument,
    kept: readonly Diagnostic[],
    swallowed: ReadonlyArray<{ chain: AstNode; entry: AstNode; word: string }>,
    texts: () => Texts,
): void {
    if (swallowed.length === 0) return;
    const offsetOf = (d: Diagnostic) => document.textDocument.offsetAt(d.range.start);
    const errors = [...kept].sort((a, b) => offsetOf(a) - offsetOf(b));
    for (const { chain, entry, word } of swallowed) {
        const at = entry.$cstNode!;
        const error = errors.find(e => offsetOf(e) > at.offset);
        if (!error || !chain.$cstNode) continue;
        error.range = { start: document.textDocument.positionAt(at.offset), end: document.textDocument.positionAt(at.offset + word.length) };
        error.message = texts().t('syntax.chainNotClosed', { line: chain.$cstNode.range.start.line + 1, word });
    }
}

/** The error finding that says a check failed (`error`), at the start of the document. */
export function internalErrorFinding(error: unknown, texts: Texts, source: string): Diagnostic {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
        severity: 1,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: texts.t('finding.internalError', { detail }),
        code: IssueCodes.InternalError,
        data: { code: IssueCodes.InternalError },
        source,
    };
}
