/**
 * Format Document, Format Selection and format on typing `}`, with the layout of
 * language/editing/plan-layout.ts: only white space between tokens changes, so formatting never changes
 * the plan. (Langium's AbstractFormatter places white space between the nodes of a plan that
 * parses; this layout also keeps the author's aligned columns, bounds blank lines, and works on a
 * file with a syntax error.)
 */
import type { LangiumDocument, Lexer } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams,
    FormattingOptions,
    TextEdit,
} from 'vscode-languageserver';
import { layoutEdits, layoutPieces, type LayoutEdit } from '../language/editing/plan-layout.js';

export class AcctFormatter implements Formatter {
    constructor(private readonly lexer: Lexer) {}

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options, () => true);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        // the white space before a token belongs to the token's line: its indentation is formatted with it
        return this.edits(document, params.options, edit => edit.end >= start && edit.end <= end);
    }

    /** Typing `}` indents its line as the block it closes. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        const line = params.position.line;
        const start = document.textDocument.offsetAt({ line, character: 0 });
        const end = document.textDocument.offsetAt({ line: line + 1, character: 0 });
        return this.edits(document, params.options, edit => edit.end >= start && edit.end < end);
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    private edits(document: LangiumDocument, options: FormattingOptions, keep: (edit: LayoutEdit) => boolean): TextEdit[] {
        const text = document.textDocument.getText();
        const indent = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize > 0 ? options.tabSize : 4);
        return layoutEdits(text, layoutPieces(this.lexer, text), { indent })
            .filter(keep)
            .map(edit => ({
                range: { start: document.textDocument.positionAt(edit.start), end: document.textDocument.positionAt(edit.end) },
                newText: edit.text,
            }));
    }
}
