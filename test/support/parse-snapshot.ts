/**
 * Everything a parse result holds, as plain data to compare two parses: the CST in pre-order
 * (each node's kind, offsets, range, grammar element, text, AST node), the AST (types, places in
 * their containers, values, references by their text and syntax node), the lexer and parser errors.
 */
import { isAstNode, isCompositeCstNode, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';

/** A stable name for each grammar element both parses share (they come from the same services). */
function grammarIds() {
    const ids = new Map<unknown, number>();
    return (element: unknown) => {
        if (element === undefined) return -1;
        let id = ids.get(element);
        if (id === undefined) ids.set(element, (id = ids.size));
        return id;
    };
}
const grammarId = grammarIds();

const range = (node: CstNode) => {
    const r = node.range;
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
};

function cstNodes(node: CstNode, depth: number, out: string[]): void {
    const ast = (node as unknown as { _astNode?: AstNode })._astNode;
    const what = isCompositeCstNode(node)
        ? `C ${ast?.$type ?? ''}`
        : `L ${(node as { tokenType?: { name: string } }).tokenType?.name} ${JSON.stringify(node.text)}${node.hidden ? ' hidden' : ''}`;
    out.push(
        `${depth} ${what} [${node.offset},${node.end}) len ${node.length} ${range(node)} g${grammarId(node.grammarSource)} root ${node.root === undefined ? 'none' : 'ok'}`,
    );
    if (isCompositeCstNode(node))
        for (const child of node.content) {
            if (child.container !== node) out.push(`${depth + 1} WRONG CONTAINER`);
            cstNodes(child, depth + 1, out);
        }
}

function astValue(value: unknown, out: string[], path: string): unknown {
    if (isReference(value)) return { ref: value.$refText, at: value.$refNode?.offset, end: value.$refNode?.end };
    if (isAstNode(value)) return astNode(value, out, path);
    if (Array.isArray(value)) return value.map((item, i) => astValue(item, out, `${path}@${i}`));
    return value;
}

function astNode(node: AstNode, out: string[], path: string): unknown {
    const cst = node.$cstNode;
    if (cst && (cst as unknown as { _astNode?: AstNode })._astNode !== node && cst.astNode !== node) out.push(`${path}: CST names another AST node`);
    const result: Record<string, unknown> = {
        // the order of the properties is the order of Langium's walks (outline, findings)
        $keys: Object.keys(node)
            .filter(key => key !== '$document')
            .join(','),
        $type: node.$type,
        $containerProperty: node.$containerProperty,
        $containerIndex: node.$containerIndex,
        $cst: cst ? `[${cst.offset},${cst.end}) ${range(cst)}` : undefined,
    };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        if (isAstNode(value) && value.$container !== node) out.push(`${path}/${key}: wrong container`);
        if (Array.isArray(value))
            value.forEach(item => {
                if (isAstNode(item) && item.$container !== node) out.push(`${path}/${key}: wrong container`);
            });
        result[key] = astValue(value, out, `${path}/${key}`);
    }
    return result;
}

export interface ParseSnapshot {
    cst: string[];
    ast: unknown;
    lexerErrors: unknown[];
    parserErrors: unknown[];
    /** Inconsistencies found while walking (containers, CST ↔ AST links): must be empty. */
    problems: string[];
}

export function snapshotOf(result: ParseResult): ParseSnapshot {
    const problems: string[] = [];
    const cst: string[] = [];
    if (result.value.$cstNode) cstNodes(result.value.$cstNode, 0, cst);
    const ast = astNode(result.value, problems, '');
    return {
        cst,
        ast,
        problems,
        lexerErrors: result.lexerErrors.map(e => ({ offset: e.offset, length: e.length, line: e.line, column: e.column, message: e.message })),
        parserErrors: result.parserErrors.map(e => ({
            name: e.name,
            message: e.message,
            token: [
                e.token.image,
                e.token.startOffset,
                e.token.endOffset,
                e.token.startLine,
                e.token.startColumn,
                e.token.endLine,
                e.token.endColumn,
                e.token.tokenType?.name,
            ],
            resynced: e.resyncedTokens.map(t => [t.image, t.startOffset]),
            previous: (p => p && [p.image, p.startOffset, p.endOffset, p.startLine, p.startColumn, p.endLine, p.endColumn])(
                (e as { previousToken?: typeof e.token }).previousToken,
            ),
            rules: e.context?.ruleStack?.join('>'),
        })),
    };
}
