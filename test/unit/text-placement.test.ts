/**
 * Where acct writes new text into a plan (quick fixes, waivers): a line of its own in a block
 * written over several lines, inline in a block written on one line, after a property on the next
 * line unless more follows it; the file's indentation (spaces or tabs) and line ends (LF or CRLF).
 */
import { describe, expect, it } from 'vitest';
import type { CstNode, LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { insertAfter, insertAtBlockEnd, positionInInsertion, type TextInsertion } from '../../server/src/language/editing/text-placement.js';

/** The text with `[` … `]` marking the node (the markers removed). */
function setUp(marked: string): { document: LangiumDocument; node: CstNode; text: string } {
    const offset = marked.indexOf('[');
    const end = marked.indexOf(']') - 1;
    const text = marked.replace('[', '').replace(']', '');
    const textDocument = TextDocument.create('file:///ws/p.acct', 'acct', 1, text);
    return { document: { textDocument } as unknown as LangiumDocument, node: { offset, end } as CstNode, text };
}

function apply(text: string, insertion: TextInsertion | undefined): string {
    if (!insertion) return '<none>';
    const document = TextDocument.create('file:///ws/p.acct', 'acct', 1, text);
    return TextDocument.applyEdits(document, [{ range: { start: insertion.at, end: insertion.at }, newText: insertion.text }]);
}

const atEnd = (marked: string, snippet: Parameters<typeof insertAtBlockEnd>[2]) => {
    const { document, node, text } = setUp(marked);
    return apply(text, insertAtBlockEnd(document, node, snippet));
};
const after = (marked: string, snippet: Parameters<typeof insertAfter>[2]) => {
    const { document, node, text } = setUp(marked);
    return apply(text, insertAfter(document, node, snippet));
};

describe('at the end of a block', () => {
    it('over several lines: a line indented one step deeper than the brace', () => {
        expect(atEnd('    [opportunity o "O" {\n        stage bid\n    }]\n', 'team { ar alice }')).toBe(
            '    opportunity o "O" {\n        stage bid\n        team { ar alice }\n    }\n',
        );
    });

    it('a block snippet: one item per line, closed at the indentation of its head', () => {
        expect(atEnd('[opportunity o "O" {\n    stage bid\n}]', { head: 'decision-chain', lines: ['a', 'b'] })).toBe(
            'opportunity o "O" {\n    stage bid\n    decision-chain {\n        a\n        b\n    }\n}',
        );
    });

    it('indented with tabs and ended with CRLF: the same', () => {
        expect(atEnd('\t[contact a "A" {\r\n\t\trole approver\r\n\t}]\r\n', 'support ?')).toBe(
            '\tcontact a "A" {\r\n\t\trole approver\r\n\t\tsupport ?\r\n\t}\r\n',
        );
    });

    it('on one line: inline before the brace, with or without a space before it', () => {
        expect(atEnd('[contact a "A" { role approver }]', 'support ?')).toBe('contact a "A" { role approver support ? }');
        expect(atEnd('[contact a "A" {}]', 'support ?')).toBe('contact a "A" { support ? }');
        expect(atEnd('[team { ar alice }]', { head: 'x', lines: ['a', 'b'] })).toBe('team { ar alice x { a b } }');
    });

    it('a brace after content on its line: inline', () => {
        expect(atEnd('[contact a "A" {\n    role approver }]', 'support ?')).toBe('contact a "A" {\n    role approver support ? }');
    });

    it('a block without its closing brace (a syntax error): nothing', () => {
        expect(atEnd('[contact a "A" {\n    role approver\n]', 'support ?')).toBe('<none>');
    });
});

describe('after a node', () => {
    it('alone on its line, or followed by a comment: on the next line, at the indentation of its line', () => {
        expect(after('    [tier value]\n    owner alice\n', 'reviewed 2026-11-22')).toBe('    tier value\n    reviewed 2026-11-22\n    owner alice\n');
        expect(after('    [tier value]   // why\n', 'reviewed 2026-11-22')).toBe('    tier value   // why\n    reviewed 2026-11-22\n');
        expect(after('    [tier value]   // why\r\n}', 'reviewed 2026-11-22')).toBe('    tier value   // why\r\n    reviewed 2026-11-22\r\n}');
        expect(after('  [contact b "B" { }]', 'contact c "c" { }')).toBe('  contact b "B" { }\n  contact c "c" { }');
    });

    it('followed by more on its line: inline', () => {
        expect(after('customer c "C" { [tier value] owner alice }', 'reviewed 2026-11-22')).toBe(
            'customer c "C" { tier value reviewed 2026-11-22 owner alice }',
        );
    });
});

it('positions inside an insertion, once applied', () => {
    const inline: TextInsertion = { at: { line: 3, character: 10 }, text: ' waive x "" until 2026-12-22 ' };
    expect(positionInInsertion(inline, inline.text.indexOf('""') + 1)).toEqual({ line: 3, character: 10 + inline.text.indexOf('""') + 1 });
    const lines: TextInsertion = { at: { line: 3, character: 0 }, text: '    a\n    waive x ""\n' };
    expect(positionInInsertion(lines, lines.text.indexOf('""') + 1)).toEqual({ line: 4, character: 13 });
});
