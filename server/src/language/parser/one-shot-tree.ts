/**
 * The one-shot syntax tree (a plan checked once: the CLI's check, export, sandbox, report;
 * contract 5): value rules kept as their token's leaf (`putValueLeafInPlace`), default values and
 * the one shared empty list given as each node closes (`fillDefaults`), the load's shared strings
 * (`sharedString`), composite nodes that keep their own first and last offset
 * (`LeanCompositeCstNode`) and keywords kept in a table, not as leaves (`OneShotKeywords`).
 * The editor's tree is Langium's with lean leaves (lean-cst.ts).
 */
import type { IToken, TokenType } from 'chevrotain';
import {
    AstUtils,
    type AstReflection,
    CompositeCstNodeImpl,
    GrammarAST,
    GrammarUtils,
    isCompositeCstNode,
    type CompositeCstNode,
    type CstNode,
    type LeafCstNode,
    type RootCstNode,
} from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { mutableComposite } from '../langium-internals.js';
import { lowerBound } from '../text/text-scan.js';
import { keepDroppedKeywords, type DroppedKeywords } from '../ast/cst-search.js';
import { LeanLeafCstNode, positionIn } from './lean-cst.js';

/**
 * For a one-shot check (the CLI's check, export, sandbox, report; contract 5): a value
 * rule (a data-type rule: a name, a number, a role word, a reference's name) that matched one
 * token keeps that token's leaf in its node's place — the leaf takes the rule call as its grammar
 * source — instead of a composite node holding one leaf: 69,000 of the 103,000 composite nodes
 * of the benchmark's workspace, 120 bytes each and three allocations. What the checks, the export
 * and the messages read of the tree is unchanged: a property's node (`nodesForProperty`, Langium's
 * `findNodeForProperty`) has the same grammar source, text and range, and a node's range, offset
 * and text are its tokens'. The editor keeps Langium's tree (its completion, semantic tokens and
 * incremental parse read a leaf's own grammar source). Called by the one-shot builder after
 * Langium's own `construct` (acct-parser.ts).
 */
export function putValueLeafInPlace(node: CompositeCstNode | undefined, item: { $type?: unknown }): void {
    const content = node?.content;
    const only = content?.length === 1 ? content[0] : undefined;
    const container = node?.container;
    // A value rule's node is Langium's data-type node, whose type is a symbol, not a name.
    if (!(only instanceof LeanLeafCstNode) || typeof item.$type !== 'symbol' || !container) return;
    const siblings = mutableComposite(container).content;
    // the node was just built: its container's last child
    const index = siblings.lastIndexOf(node as CstNode);
    if (index < 0) return;
    siblings[index] = only;
    only.container = container;
    only.grammarSource = node!.grammarSource;
    // the node keeps its container, so that the parser (and a reference built with it, see
    // ast/cst-search.ts valueLeafOf) still reads its range and text until it is dropped
}

const passThroughCalls = new WeakMap<GrammarAST.AbstractElement, boolean>();

/**
 * Whether `element` is one of the choices of a rule that only passes a call on (`Declaration:
 * Member | Competitor | Customer | Policy`): a call, without assignment, cardinality or action, of
 * a parser rule that makes an AST node, in a rule whose whole body is such calls.
 */
export function isPassThroughCall(element: GrammarAST.AbstractElement | undefined): boolean {
    if (!element) return false;
    let answer = passThroughCalls.get(element);
    if (answer === undefined) {
        const isCall = (e: GrammarAST.AbstractElement): boolean => {
            const rule = GrammarAST.isRuleCall(e) ? e.rule.ref : undefined;
            return GrammarAST.isParserRule(rule) && !rule.fragment && !GrammarUtils.isDataTypeRule(rule) && !e.cardinality;
        };
        const caller = AstUtils.getContainerOfType(element, GrammarAST.isParserRule);
        const body = caller?.definition;
        answer =
            isCall(element) &&
            caller !== undefined &&
            !caller.fragment &&
            !GrammarUtils.isDataTypeRule(caller) &&
            (body === element || (GrammarAST.isAlternatives(body) && !body.cardinality && body.elements.includes(element) && body.elements.every(isCall)));
        passThroughCalls.set(element, answer);
    }
    return answer;
}

/** The one empty list of a plan parsed once (`fillDefaults`): frozen, so that a change to it fails loudly. */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** A type's properties with a default value (Langium's type metadata), in Langium's order. */
const defaultsOf = new Map<string, ReadonlyArray<{ name: string; defaultValue: unknown }>>();

/**
 * For a one-shot check, when the parser closes an AST node (the builder's `construct`, before
 * Langium's own `assignMandatoryProperties`, which then finds nothing left to do): each property
 * the node did not get takes its default, as Langium gives it and in Langium's order (the same
 * keys in the same order), except that an empty list is the one shared, frozen `NO_ITEMS` —
 * (Langium gives each node an array for each list property of
 * its type, most of them empty: a contact's `kpis`, `pains`, `influences`, `competitorSupport`,
 * `waivers`; 32 bytes a list, 70,000 lists of the benchmark's workspace). It used to be done by
 * a walk over every node after the parse, which cost more than the lists saved (about 5 % of a
 * cold check); nothing changes an AST's lists afterwards. A list the parser filled is never empty.
 */
export function fillDefaults(reflection: AstReflection, item: { $type?: unknown }): void {
    const type = item.$type;
    if (typeof type !== 'string' || '$infixName' in item) return;
    let defaults = defaultsOf.get(type);
    if (!defaults) {
        const properties = reflection.getTypeMetaData(type).properties;
        const found: Array<{ name: string; defaultValue: unknown }> = [];
        for (const key in properties) {
            if (!Object.prototype.hasOwnProperty.call(properties, key)) continue;
            const property = properties[key]!;
            if (property.defaultValue !== undefined) found.push({ name: property.name, defaultValue: property.defaultValue });
        }
        defaultsOf.set(type, (defaults = found));
    }
    const fields = item as Record<string, unknown>;
    for (const { name, defaultValue } of defaults) {
        if (fields[name] !== undefined) continue;
        fields[name] = Array.isArray(defaultValue) ? (defaultValue.length === 0 ? NO_ITEMS : copyDefault(defaultValue)) : defaultValue;
    }
}

/** Langium's copy of a default value (`copyDefaultValue`): lists copied, other values shared. */
function copyDefault(value: unknown): unknown {
    return Array.isArray(value) ? value.map(copyDefault) : value;
}

/** The one string of `value` in `strings` (a one-shot load's table, acct-parser.ts). */
export function sharedString(value: string, strings: Map<string, string>): string {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
}

/**
 * A composite node of a one-shot tree: it keeps the offsets of its first and last token itself
 * (its range is computed from them when asked), since its keywords and punctuation are not
 * leaves (`OneShotKeywords`). Before its first token: Langium's own reading of its children.
 */
export class LeanCompositeCstNode extends CompositeCstNodeImpl {
    first = -1;
    last = -1;

    override get offset(): number {
        return this.first >= 0 ? this.first : super.offset;
    }
    override get end(): number {
        return this.first >= 0 ? this.last : super.end;
    }
    override get length(): number {
        return this.end - this.offset;
    }
    override get range(): Range {
        if (this.first < 0) return super.range;
        const root = this.root;
        return { start: positionIn(root, this.first), end: positionIn(root, this.last) };
    }

    /** The node now reaches `[start, end)` (tokens come in text order). */
    reach(start: number, end: number): void {
        if (this.first < 0) this.first = start;
        this.last = end;
    }
}

/** Every keyword element of the grammar met so far, by number, with its token type. */
const kinds: Array<{ keyword: GrammarAST.Keyword; type: TokenType }> = [];
const kindOf = new Map<GrammarAST.Keyword, number>();
const droppable = new WeakMap<GrammarAST.AbstractElement, boolean>();

/**
 * Whether a token of `element` can be kept in the table rather than as a leaf: a keyword that
 * gives no property a value (those are read as the property's syntax) and is not part of a value
 * rule (a name or a role word: its node is the value, lean-cst's value leaves).
 */
function isDroppable(element: GrammarAST.AbstractElement): element is GrammarAST.Keyword {
    let answer = droppable.get(element);
    if (answer === undefined) {
        const rule = AstUtils.getContainerOfType(element, GrammarAST.isParserRule);
        answer =
            GrammarAST.isKeyword(element) &&
            !AstUtils.getContainerOfType(element, GrammarAST.isAssignment) &&
            rule !== undefined &&
            !GrammarUtils.isDataTypeRule(rule);
        droppable.set(element, answer);
    }
    return answer;
}

/**
 * For a one-shot tree: the keywords and punctuation that give no value (`contact`, `{`, `}`,
 * `tier`, half the tokens of a plan) are kept as an offset and a kind in one table per text
 * instead of a leaf each (64 bytes and a slot in their node's list); `ast/cst-search.ts` makes a
 * leaf of one when a keyword is looked up (a finding's range at `policy`, the waivers at a
 * finding's start). A node keeps its own first and last offset (`LeanCompositeCstNode`).
 */
export class OneShotKeywords {
    private offsets: number[] = [];
    private kinds: number[] = [];
    /** A leaf for the parser to hold for a moment: it reads nothing of a keyword's leaf that gives no value. */
    private readonly passing = new LeanLeafCstNode(0, 0, { name: 'keyword' } as TokenType, undefined);

    /** Keeps the token in the table and returns a passing leaf, or returns undefined when it needs a leaf of its own. */
    drop(token: IToken, feature: GrammarAST.AbstractElement | undefined): LeafCstNode | undefined {
        if (!feature || !isDroppable(feature) || token.image.length !== feature.value.length) return undefined;
        let kind = kindOf.get(feature);
        if (kind === undefined) {
            if (kinds.length > 0xffff) return undefined;
            kind = kinds.length;
            kinds.push({ keyword: feature, type: token.tokenType });
            kindOf.set(feature, kind);
        }
        this.offsets.push(token.startOffset);
        this.kinds.push(kind);
        return this.passing;
    }

    /** The tree is built: its table is handed to `ast/cst-search.ts`, and a new one begins. */
    finish(root: RootCstNode | undefined): void {
        if (root) keepDroppedKeywords(root, new KeywordTable(Int32Array.from(this.offsets), Uint16Array.from(this.kinds)));
        this.offsets = [];
        this.kinds = [];
    }
}

class KeywordTable implements DroppedKeywords {
    constructor(
        private readonly offsets: Int32Array,
        private readonly kinds: Uint16Array,
    ) {}

    leafAt(root: RootCstNode, offset: number): LeafCstNode | undefined {
        const i = lowerBound(this.offsets, offset + 1) - 1;
        if (i < 0 || offset >= this.offsets[i]! + kinds[this.kinds[i]!]!.keyword.value.length) return undefined;
        return this.leaf(root, i);
    }

    leavesIn(root: RootCstNode, start: number, end: number): LeafCstNode[] {
        const leaves: LeafCstNode[] = [];
        for (let i = lowerBound(this.offsets, start); i < this.offsets.length && this.offsets[i]! < end; i++) leaves.push(this.leaf(root, i));
        return leaves;
    }

    private leaf(root: RootCstNode, i: number): LeafCstNode {
        const offset = this.offsets[i]!;
        const { keyword, type } = kinds[this.kinds[i]!]!;
        const leaf = new LeanLeafCstNode(offset, keyword.value.length, type, keyword);
        // the node the parser was building when it met the keyword: the deepest that holds it
        leaf.container = deepestAt(root, offset);
        return leaf;
    }
}

/** The deepest composite node of `root` whose tokens span `offset`. */
function deepestAt(root: CompositeCstNode, offset: number): CompositeCstNode {
    let node = root;
    for (;;) {
        const content = node.content;
        let low = 0;
        let high = content.length - 1;
        let inside: CstNode | undefined;
        while (low <= high) {
            const mid = (low + high) >> 1;
            const child = content[mid]!;
            if (child.end <= offset) low = mid + 1;
            else if (child.offset > offset) high = mid - 1;
            else {
                inside = child;
                break;
            }
        }
        if (!inside || !isCompositeCstNode(inside)) return node;
        node = inside;
    }
}
