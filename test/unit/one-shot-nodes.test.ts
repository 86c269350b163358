/**
 * Two steps of a one-shot parse made cheaper (issue 17), each against its eager form.
 *
 * Its nodes are closed without Langium's `assignMandatoryProperties` (one-shot-construct.ts): the
 * builder's `fillDefaults` gave every default already — Langium's step, run on every node of
 * randomly broken plans afterwards, adds and changes nothing.
 *
 * A one-shot parse merges a rule called without an assignment into the called rule's node
 * (container-links.ts `mergeLinked`, Langium's `assignWithoutOverride`) and links again only the
 * properties the merge moved or joined. Against the eager form — Langium's own merge, then a walk
 * that links every property of the node, as the one-shot parse did before (issue 17) — on random
 * nodes whose own children were linked as the parser assigned them: the same keys in the same
 * order, the same values and the same links of every child.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AstUtils, LangiumParser, URI, isAstNode, type AstNode } from 'langium';
import { mergeLinked } from '../../server/src/language/parser/container-links.js';
import { exampleFiles, oneShotServices } from '../support/checked-once.js';

type Linked = AstNode & { $container?: AstNode; $containerProperty?: string; $containerIndex?: number; label?: string };

/** A property's value, described: nothing, a string, a child node, a list of children and strings. */
type Value = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'node' } | { kind: 'list'; items: boolean[] } | { kind: 'undefined' };
const value: fc.Arbitrary<Value> = fc.oneof(
    fc.constant<Value>({ kind: 'none' }),
    fc.constant<Value>({ kind: 'undefined' }),
    fc.constantFrom('a', 'b').map<Value>(text => ({ kind: 'text', text })),
    fc.constant<Value>({ kind: 'node' }),
    fc.array(fc.boolean(), { maxLength: 4 }).map<Value>(items => ({ kind: 'list', items })),
);
const NAMES = ['name', 'contacts', 'owner', 'tier', 'waivers', '$cstNode'];
const object = fc.tuple(...NAMES.map(() => value));

/** A node with the described properties, its children linked to it as the parser's `assign` links them. */
function build(type: string, values: Value[], tag: string): Linked {
    const node = { $type: type } as Linked;
    const fields = node as unknown as Record<string, unknown>;
    values.forEach((described, i) => {
        const name = NAMES[i]!;
        if (described.kind === 'none') return;
        if (described.kind === 'undefined') fields[name] = undefined;
        else if (described.kind === 'text') fields[name] = described.text;
        else if (described.kind === 'node') {
            const child: Linked = { $type: 'Child', label: `${tag}.${name}` } as Linked;
            if (!name.startsWith('$')) Object.assign(child, { $container: node, $containerProperty: name });
            fields[name] = child;
        } else {
            fields[name] = described.items.map((isNode, index) => {
                if (!isNode) return `${tag}.${name}[${index}]`;
                const child = { $type: 'Child', label: `${tag}.${name}[${index}]` } as Linked;
                if (!name.startsWith('$')) Object.assign(child, { $container: node, $containerProperty: name, $containerIndex: index });
                return child;
            });
        }
    });
    return node;
}

/** The eager form: Langium's merge, then every property of the node linked (the walk this replaced). */
function eager(target: AstNode, source: AstNode): AstNode {
    const merge = (LangiumParser.prototype as unknown as { assignWithoutOverride(target: AstNode, source: AstNode): AstNode }).assignWithoutOverride;
    const result = merge.call({}, target, source);
    for (const name in result) {
        if (name.startsWith('$') || !Object.prototype.hasOwnProperty.call(result, name)) continue;
        const held = (result as unknown as Record<string, unknown>)[name];
        if (Array.isArray(held))
            held.forEach((item, index) => {
                if (isAstNode(item)) Object.assign(item, { $container: result, $containerProperty: name, $containerIndex: index });
            });
        else if (isAstNode(held)) Object.assign(held, { $container: result, $containerProperty: name });
    }
    return result;
}

/** What the merged node reads as: its keys in order, its values, and each child's links (its container by role). */
function reading(merged: Linked, source: Linked): unknown {
    const roles = new Map<unknown, string>([
        [merged, 'target'],
        [source, 'source'],
    ]);
    const child = (item: unknown) => {
        const linked = item as Linked;
        if (!isAstNode(item)) return item;
        return {
            label: linked.label,
            container: roles.get(linked.$container) ?? linked.$container,
            property: linked.$containerProperty,
            index: linked.$containerIndex,
        };
    };
    return Object.keys(merged).map(key => {
        const held = (merged as unknown as Record<string, unknown>)[key];
        return [key, Array.isArray(held) ? held.map(child) : child(held)];
    });
}

describe('a one-shot merge links only what it moved (container-links.ts mergeLinked)', () => {
    it('reads as Langium’s merge followed by a walk over every property', () => {
        fc.assert(
            fc.property(object, object, (targetValues, sourceValues) => {
                const lazyTarget = build('Customer', targetValues, 't');
                const lazySource = build('Declaration', sourceValues, 's');
                const eagerTarget = build('Customer', targetValues, 't');
                const eagerSource = build('Declaration', sourceValues, 's');
                const lazy = mergeLinked(lazyTarget, lazySource) as Linked;
                const reference = eager(eagerTarget, eagerSource) as Linked;
                expect(lazy).toBe(lazyTarget);
                expect(reading(lazy, lazySource)).toEqual(reading(reference, eagerSource));
            }),
            { seed: 20261207, numRuns: 2000 },
        );
    });

    it('joins lists of any length (Langium spreads the list into one call)', () => {
        const items = Array.from({ length: 200_000 }, (_, i) => ({ $type: 'Child', label: String(i) }) as Linked);
        const target = { $type: 'Customer', contacts: items } as unknown as AstNode;
        const source = { $type: 'Declaration', contacts: [] } as unknown as AstNode;
        const merged = mergeLinked(target, source) as unknown as { contacts: Linked[] };
        expect(merged.contacts.length).toBe(200_000);
        expect(merged.contacts[199_999]!.$containerIndex).toBe(199_999);
        expect(merged.contacts[0]!.$container).toBe(target);
    });
});

describe('a one-shot parse closes its nodes without Langium’s second pass over their defaults (one-shot-construct.ts)', () => {
    it('leaves nothing for assignMandatoryProperties to give, on randomly broken plans', () => {
        const services = oneShotServices(true);
        const files = exampleFiles();
        const names = Object.keys(files);
        const reflection = services.shared.AstReflection;
        let nodes = 0;
        fc.assert(
            fc.property(
                fc.constantFrom(...names),
                fc.array(
                    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(12), fc.constantFrom('', '{', '}', ' x', '"', '3', 'customer c "C" {\n')),
                    {
                        maxLength: 4,
                    },
                ),
                (name, edits) => {
                    let text = files[name]!;
                    for (const [where, length, insert] of edits) {
                        const at = Math.floor(where * text.length);
                        text = text.slice(0, at) + insert + text.slice(at + length);
                    }
                    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/ws/${name}`));
                    for (const node of AstUtils.streamAst(document.parseResult.value)) {
                        nodes++;
                        const before = Object.entries(node);
                        AstUtils.assignMandatoryProperties(reflection, node);
                        expect(Object.entries(node)).toEqual(before);
                    }
                },
            ),
            { seed: 20261207, numRuns: 60 },
        );
        expect(nodes).toBeGreaterThan(1000);
    });
});
