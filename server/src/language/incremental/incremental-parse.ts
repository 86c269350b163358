/**
 * Re-parses only the part of a document an edit falls in: the top-level declarations around the
 * change, or, inside a customer, its contacts, opportunities and activities around it. The result
 * is the one a full parse gives (AST, CST, lexer and parser errors; test/unit/incremental-parse
 * compares them on thousands of random edits), because the window is only taken when the parser
 * is in the same state at both of its ends as in a full parse:
 * - it starts at a declaration (or element) whose first character the edit left, with no error of
 *   the old parse up to its end: the parser stood at the head of the loop of declarations (of the
 *   customer's body), in the state it has there when nothing went wrong — the state in which the
 *   completion window (lsp/completion-window.ts) also restarts;
 * - it ends where the old text's next declaration (element, or the customer's `}`) starts, after
 *   the edit, and the new window parses without an error: the parser is back at the head of that
 *   loop, so the rest of the text parses as before, moved by the change of length;
 * - the window lexes alone as in the whole text (window-tokens.ts).
 * Anything else, and any surprise, is a full parse.
 */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import {
    AstUtils,
    GrammarUtils,
    isCompositeCstNode,
    type AstNode,
    type CompositeCstNode,
    type CstNode,
    type LangiumCoreServices,
    type ParseResult,
    type RootCstNode,
} from 'langium';
import { isActivity, isCompetitor, isContact, isCustomer, isMember, isOpportunity, type Customer, type Workspace } from '../generated/ast.js';
import { AcctLexer } from '../parser/acct-lexer.js';
import { compositeInternals } from '../langium-internals.js';
import { markEdited, noteRedeclared } from '../ast/ast-walk.js';
import { positionIn } from '../parser/lean-cst.js';
import { attach, copyNode, keepIdentity, spliceCst } from './tree-splice.js';
import { diff, windowIn, type Edit, type Window } from './edit-window.js';
import { closingBrace, isUnterminatedString, lexWindow, windowText, type WindowTokens } from './window-tokens.js';

const MAX_WINDOW_SHARE = 0.5;
/** Characters lexed past a window's end to see the token that starts there. */
const LOOKAHEAD = 64;

/** Where the old parse went wrong first (an error at the end of the text counts as there). */
function firstError(old: ParseResult, textLength: number): number {
    // Chevrotain's lexer errors quote their offset: after a moved one, the message would be wrong.
    if (old.lexerErrors.some(error => !isUnterminatedString(error))) return -1;
    let first = Infinity;
    for (const error of old.parserErrors) first = Math.min(first, Number.isNaN(error.token.startOffset) ? textLength : error.token.startOffset);
    return first;
}

export class IncrementalParser {
    private readonly services: LangiumCoreServices;
    /** Past this share of the text, a full parse is as quick (the tests re-parse windows of any size). */
    private readonly maxShare: number;

    constructor(services: LangiumCoreServices, maxShare = MAX_WINDOW_SHARE) {
        this.services = services;
        this.maxShare = maxShare;
    }

    /** The parse of `newText`, re-parsing only around the edit from the text of `old`; undefined: parse it all. */
    parse(old: ParseResult<Workspace>, newText: string): ParseResult<Workspace> | undefined {
        const root = old.value?.$cstNode as RootCstNode | undefined;
        if (!root || !Array.isArray(old.value.declarations) || (old.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
        const edit = diff(root.fullText, newText);
        if (edit.start === edit.oldEnd && edit.start === edit.newEnd) return undefined;
        const clean = firstError(old, edit.oldText.length);
        try {
            return this.inCustomer(old, root, edit, clean) ?? this.atTopLevel(old, root, edit, clean);
        } catch (error) {
            console.error('acct: a partial re-parse failed; the whole document is parsed again', error);
            return undefined;
        }
    }

    private atTopLevel(old: ParseResult<Workspace>, root: RootCstNode, edit: Edit, clean: number): ParseResult<Workspace> | undefined {
        // The text's start, then each declaration.
        const anchors = [
            { index: 0, offset: 0 },
            ...root.content.flatMap((node, index) => (node.hidden || index === 0 ? [] : [{ index, offset: node.offset }])),
        ];
        const window = windowIn(root, anchors, edit, edit.oldText.length);
        if (!window || !this.acceptable(window, edit, clean)) return undefined;
        const parsed = this.parseWindow(root, window, edit);
        if (!parsed) return undefined;
        const workspace = old.value;
        const before = workspace.declarations.filter(d => d.$cstNode!.offset < window.start);
        const after = workspace.declarations.filter(d => d.$cstNode!.offset >= window.end);
        const replaced = workspace.declarations.slice(before.length, workspace.declarations.length - after.length);
        // A member or competitor with the same id keeps its identity: other files' references to it stay valid.
        const fresh = parsed.value.declarations.map((d, i) => {
            const previous = replaced[i];
            return previous && (isMember(d) || isCompetitor(d)) && previous.$type === d.$type && previous.name === d.name ? keepIdentity(previous, d) : d;
        });
        spliceCst(root, root, window.from, window.to, [...(parsed.value.$cstNode as RootCstNode).content], edit);
        const result = this.result(old, root, [...before, ...fresh, ...after] as Workspace['declarations'], parsed, window, edit);
        noteRedeclared(old.value, result.value, declaredIn([...replaced, ...parsed.value.declarations]));
        return result;
    }

    private inCustomer(old: ParseResult<Workspace>, root: RootCstNode, edit: Edit, clean: number): ParseResult<Workspace> | undefined {
        const customer = old.value.declarations.find(d => isCustomer(d) && d.$cstNode && d.$cstNode.offset < edit.start && d.$cstNode.end > edit.oldEnd) as
            Customer | undefined;
        const open = customer && GrammarUtils.findNodeForKeyword(customer.$cstNode, '{');
        const body = open?.container;
        if (!customer || !open || !body) return undefined;
        const close = body.content.length - 1;
        if (body.content[close]?.hidden !== false || body.content[close]!.text !== '}') return undefined;
        // The anchors are the customer's elements and its `}`; only the two around the edit are
        // looked for (a 10k-line customer has a thousand elements, each offset found by descending).
        const isAnchor = (index: number) => index === close || isElementOf(body.content[index]!, customer);
        const anchorAt = (index: number) => ({ index, offset: body.content[index]!.offset });
        let before = firstFrom(body.content, edit.start) - 1;
        while (before >= 0 && !isAnchor(before)) before--;
        let after = firstFrom(body.content, edit.oldEnd + 1);
        while (after < body.content.length && !isAnchor(after)) after++;
        const anchors = [...(before >= 0 ? [anchorAt(before)] : []), ...(after <= close ? [anchorAt(after)] : [])];
        const window = windowIn(body, anchors, edit, -1);
        if (!window || window.end < 0 || !this.acceptable(window, edit, clean)) return undefined;
        // Only elements and comments in the window: a property of the customer there is parsed with the customer.
        const oldNodes = body.content.slice(window.from, window.to);
        if (!oldNodes.every(node => node.hidden || isElementOf(node, customer))) return undefined;
        const parsed = this.parseWindow(root, window, edit, [customer.$cstNode!.offset, open.end]);
        const synthetic = parsed?.value.declarations[0];
        if (!parsed || parsed.value.declarations.length !== 1 || !isCustomer(synthetic) || !onlyElements(synthetic)) return undefined;
        const syntheticOpen = GrammarUtils.findNodeForKeyword(synthetic.$cstNode, '{');
        const syntheticBody = syntheticOpen?.container;
        const last = syntheticBody?.content[syntheticBody.content.length - 1];
        // The customer's last node is the `}` added after the window (its text is the text there, not a brace).
        if (!syntheticBody || !last || isCompositeCstNode(last) || last.hidden || last.offset !== window.end + edit.delta) return undefined;
        const nodes = syntheticBody.content.slice(syntheticBody.content.indexOf(syntheticOpen) + 1, syntheticBody.content.length - 1);
        if (!nodes.every(node => node.hidden || (isCompositeCstNode(node) && isElementNode(node)))) return undefined;

        // (by the old offsets: before the splice moves the nodes after the window)
        const merge = <T extends AstNode>(items: T[], fresh: T[]) => [
            ...items.slice(
                0,
                firstFrom(items, window.start, e => e.$cstNode!),
            ),
            ...fresh,
            ...items.slice(firstFrom(items, window.end, e => e.$cstNode!)),
        ];
        const elementLists = {
            contacts: merge(customer.contacts, synthetic.contacts),
            opportunities: merge(customer.opportunities, synthetic.opportunities),
            activities: merge(customer.activities, synthetic.activities),
        };
        spliceCst(root, body, window.from, window.to, nodes, edit);
        const copy = copyNode(customer, this.services.references.Linker, this.services.shared.AstReflection, elementLists);
        const declarations = old.value.declarations.map(d => (d === customer ? copy : d)) as Workspace['declarations'];
        const result = this.result(old, root, declarations, parsed, window, edit);
        const taken = oldNodes.flatMap(node => (node.hidden ? [] : [node.astNode]));
        noteRedeclared(old.value, result.value, declaredIn([...taken, ...synthetic.contacts, ...synthetic.opportunities, ...synthetic.activities]));
        return result;
    }

    /** The edit lies inside the window, the window is not most of the text, and the old parse had no error up to its end. */
    private acceptable(window: Window, edit: Edit, clean: number): boolean {
        return (
            (window.start < edit.start || window.start === 0) &&
            window.end >= edit.oldEnd &&
            clean > window.end &&
            window.end - window.start <= this.maxShare * edit.oldText.length
        );
    }

    /** Lexes and parses the window (after a customer's header `[start, end)` for a window inside it). */
    private parseWindow(root: RootCstNode, window: Window, edit: Edit, header?: [number, number]): ParseResult<Workspace> | undefined {
        const lexer = this.services.parser.Lexer;
        const newEnd = window.end + edit.delta;
        const atEnd = window.end === edit.oldText.length;
        const next = atEnd ? undefined : window.container.content[window.to]!;
        const nextImage = next ? firstToken(next)?.text : undefined;
        if (!atEnd && nextImage === undefined) return undefined;
        const tokens = lexWindow(
            lexer,
            windowText(edit.newText, window.start, atEnd ? newEnd : newEnd + LOOKAHEAD),
            newEnd - window.start,
            nextImage,
            origin(root, window.start),
        );
        if (!tokens) return undefined;
        let input: WindowTokens = tokens;
        if (header) {
            const head = lexWindow(lexer, windowText(edit.newText, header[0], header[1]), header[1] - header[0], undefined, origin(root, header[0]));
            if (!head || head.errors.length) return undefined;
            const close = closingBrace(lexer.definition['}']!, newEnd);
            input = { tokens: [...head.tokens, ...tokens.tokens, close], hidden: [...head.hidden, ...tokens.hidden], errors: tokens.errors };
        }
        const parsed = parseTokens(this.services, edit.newText, input);
        return parsed.parserErrors.length === 0 ? parsed : undefined;
    }

    /** The new parse result: the new root, and the old errors after the window moved by the edit. */
    private result(
        old: ParseResult<Workspace>,
        root: RootCstNode,
        declarations: Workspace['declarations'],
        parsed: ParseResult<Workspace>,
        window: Window,
        edit: Edit,
    ): ParseResult<Workspace> {
        const workspace = copyNode(old.value, this.services.references.Linker, this.services.shared.AstReflection, { declarations });
        declarations.forEach((declaration, index) => attach(declaration, workspace, 'declarations', index));
        markEdited(workspace);
        const moved = (offset: number) => offset >= window.end;
        const lexerError = (error: ILexingError): ILexingError => {
            if (!moved(error.offset)) return error;
            const offset = error.offset + edit.delta;
            const at = positionIn(root, offset);
            return { ...error, offset, line: at.line + 1, column: at.character + 1 };
        };
        const movedOld = old.lexerErrors.filter(error => moved(error.offset)).map(lexerError);
        const stays = old.lexerErrors.filter(error => error.offset < window.start);
        const lexerErrors = [...movedOld.filter(e => !isUnterminatedString(e)), ...stays, ...parsed.lexerErrors, ...movedOld.filter(isUnterminatedString)];
        const token = (t: IToken): IToken => {
            if (Number.isNaN(t.startOffset)) return t;
            const start = positionIn(root, t.startOffset + edit.delta);
            const end = positionIn(root, t.endOffset! + edit.delta);
            return {
                ...t,
                startOffset: t.startOffset + edit.delta,
                endOffset: t.endOffset! + edit.delta,
                startLine: start.line + 1,
                startColumn: start.character + 1,
                endLine: end.line + 1,
                endColumn: end.character + 1,
            };
        };
        // Chevrotain's errors are instances of its exception classes: copied with their prototype and all their properties.
        // (an error at the end of the text is placed after the token before it, `previousToken`)
        const parserErrors = old.parserErrors.map(error => {
            const previous = (error as { previousToken?: IToken }).previousToken;
            return Object.assign(
                Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as IRecognitionException,
                { token: token(error.token), resyncedTokens: error.resyncedTokens.map(token) },
                previous ? { previousToken: previous.startOffset >= window.end ? token(previous) : previous } : {},
            );
        });
        return { value: workspace, lexerErrors, lexerReport: { diagnostics: [] }, parserErrors };
    }
}

/** The names of `nodes` and of every node in them. */
function declaredIn(nodes: readonly AstNode[]): string[] {
    const names: string[] = [];
    for (const node of nodes) {
        for (const inner of AstUtils.streamAst(node)) {
            const name = (inner as { name?: unknown }).name;
            if (typeof name === 'string') names.push(name);
        }
    }
    return names;
}

/** Parses `tokens` as the tokens of `text` (their offsets are in `text`), with the language's parser. */
function parseTokens(services: LangiumCoreServices, text: string, tokens: WindowTokens): ParseResult<Workspace> {
    const lexer = services.parser.Lexer;
    if (!(lexer instanceof AcctLexer)) throw new Error('acct: the incremental parser needs the AcctLexer');
    lexer.tokenizeAs({ tokens: tokens.tokens, hidden: [...tokens.hidden], errors: [] });
    try {
        const result = services.parser.LangiumParser.parse<Workspace>(text);
        return { ...result, lexerErrors: tokens.errors };
    } finally {
        lexer.tokenizeAs(undefined);
    }
}

function firstToken(node: CstNode): CstNode | undefined {
    if (!isCompositeCstNode(node)) return node;
    for (const child of node.content) {
        if (child.hidden) continue;
        const found = firstToken(child);
        if (found) return found;
    }
    return undefined;
}

/** The index of the first of `items` (in text order) that starts at `offset` or later; their length when none does. */
function firstFrom<T>(items: readonly T[], offset: number, cst: (item: T) => CstNode = item => item as unknown as CstNode): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (cst(items[middle]!).offset < offset) low = middle + 1;
        else high = middle;
    }
    return low;
}

/** `node` is the syntax of one of `customer`'s contacts, opportunities or activities. */
function isElementOf(node: CstNode, customer: Customer): boolean {
    if (!isCompositeCstNode(node)) return false;
    const element = node.astNode;
    return (
        element.$cstNode === node &&
        element.$container === customer &&
        (element.$containerProperty === 'contacts' || element.$containerProperty === 'opportunities' || element.$containerProperty === 'activities')
    );
}

function isElementNode(node: CompositeCstNode): boolean {
    const ast = compositeInternals(node)._astNode;
    return isContact(ast) || isOpportunity(ast) || isActivity(ast);
}

/** The customer parsed around a window holds only elements (a property or waiver there belongs to the real customer). */
function onlyElements(customer: Customer): boolean {
    const elements = new Set(['name', 'displayName', 'contacts', 'opportunities', 'activities']);
    return Object.entries(customer).every(
        ([key, value]) => key.startsWith('$') || elements.has(key) || value === undefined || value === false || (Array.isArray(value) && value.length === 0),
    );
}

/** Where `offset` of the old text is: the text before a window is the same in the new text. */
function origin(root: RootCstNode, offset: number) {
    const { line, character } = positionIn(root, offset);
    return { offset, line, column: character };
}
