/**
 * A finding as the editor and the report receive it: an LSP diagnostic with Langium's fields in
 * Langium's order, whichever way it was found (a check, a parse error), so that the finding policy
 * and the plan read one shape — and the place of a finding found the quicker way (cst-search.ts).
 */
import {
    CstUtils,
    DocumentValidator,
    diagnosticData,
    getDiagnosticRange,
    toDiagnosticSeverity,
    type AstNode,
    type DiagnosticInfo,
    type ParseResult,
    type ValidationSeverity,
} from 'langium';
import type { IToken } from 'chevrotain';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { nodeForKeyword, nodeForProperty } from '../ast/cst-search.js';
import type { FindingData } from './finding-data.js';

const PARSE_ERROR_SEVERITY = toDiagnosticSeverity('error');

/**
 * A check's finding: Langium's diagnostic (the same fields in the same order), without a copy of
 * the finding's details to carry its range (one object less per finding: a megabyte of findings
 * made 100,000 of them). `known` is its range when the caller has it (diagnosticRange of the same
 * `info` on the same parse).
 */
export function findingDiagnostic<N extends AstNode>(
    severity: ValidationSeverity,
    message: string,
    info: DiagnosticInfo<N, string>,
    source: string | undefined,
    known?: Range,
): Diagnostic {
    return {
        message,
        range: info.range ?? known ?? diagnosticRange(info),
        severity: toDiagnosticSeverity(severity),
        code: info.code,
        codeDescription: info.codeDescription,
        tags: info.tags,
        relatedInformation: info.relatedInformation,
        data: info.data,
        source,
    };
}

/**
 * The parser's errors, with Langium's range, message, data and source, each made in the shape of
 * every other finding: Langium's has five fields, and the contract's code given to it afterwards
 * (giveContractCodes) grew each of the 60,000 errors of a megabyte of unclosed customers by a
 * property store and left the finding policy and the plan reading findings of two shapes.
 * Returns the offset where each pushed error's range starts, in order — what
 * `textDocument.offsetAt(range.start)` gives, known here from the token: the cascade filter and
 * the containment (syntax-cascade.ts) then need no table of the text's lines (61,681 look-ups and
 * a line table of a megabyte of unclosed customers, for offsets the tokens had).
 */
export function pushParseErrors(parseResult: ParseResult, diagnostics: Diagnostic[], source: string | undefined): number[] {
    const offsets: number[] = [];
    for (const parserError of parseResult.parserErrors) {
        let range: Range;
        let offset: number;
        // a token the parser's recovery inserted has no place: the error goes after the token before it
        if (!CstUtils.isValidTokenRange(parserError.token)) {
            if (!('previousToken' in parserError)) continue;
            const token = (parserError as { previousToken: IToken }).previousToken;
            const valid = CstUtils.isValidTokenRange(token);
            const position = valid ? { line: token.endLine! - 1, character: token.endColumn! } : { line: 0, character: 0 };
            range = { start: position, end: position };
            offset = valid ? token.endOffset! + 1 : 0;
        } else {
            range = CstUtils.tokenToRange(parserError.token);
            offset = parserError.token.startOffset;
        }
        offsets.push(offset);
        diagnostics.push({
            message: parserError.message,
            range,
            severity: PARSE_ERROR_SEVERITY,
            code: undefined,
            codeDescription: undefined,
            tags: undefined,
            relatedInformation: undefined,
            data: diagnosticData(DocumentValidator.ParsingError),
            source,
        });
    }
    return offsets;
}

/** Where a finding of `info` without a range is: its property's or keyword's syntax (cst-search.ts), else Langium's way. */
export function diagnosticRange<N extends AstNode>(info: DiagnosticInfo<N, string>): Range {
    let range: Range | undefined;
    if (typeof info.property === 'string') range = (nodeForProperty(info.node.$cstNode, info.property, info.index) ?? info.node.$cstNode)?.range;
    else if (typeof info.keyword === 'string') range = (nodeForKeyword(info.node.$cstNode, info.keyword, info.index) ?? info.node.$cstNode)?.range;
    return range ?? getDiagnosticRange(info);
}

/** `diagnostic` moved by `lines` lines (its range and its quick fix's). */
export function movedBy(diagnostic: Diagnostic, lines: number): Diagnostic {
    const range = movedRange(diagnostic.range, lines);
    const data = diagnostic.data as FindingData | undefined;
    return {
        ...diagnostic,
        range,
        ...(data?.fix ? { data: { ...data, fix: { ...data.fix, range: movedRange(data.fix.range, lines) } } } : {}),
    };
}

function movedRange(range: Diagnostic['range'], lines: number): Diagnostic['range'] {
    return {
        start: { line: range.start.line + lines, character: range.start.character },
        end: { line: range.end.line + lines, character: range.end.character },
    };
}
