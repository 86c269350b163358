/**
 * The one-shot syntax tree (issue 23, parser/one-shot-tree.ts `putValueLeafInPlace`): a value rule that
 * matched one token keeps that token's leaf in its node's place. Everything the CLI reads of a
 * plan — the findings with their ranges, the waived ones, the plan document, every node's range
 * and text, every property's syntax and every reference's name — is the same as with Langium's
 * tree, on the examples, on a generated workspace and on broken texts.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AstUtils, CstUtils, GrammarUtils, URI, isCompositeCstNode, isReference, type AstNode, type CstNode } from 'langium';
import { assignedProperty, leafAtOffset, nodeForKeyword, nodesForProperty } from '../../server/src/language/ast/cst-search.js';
import { serializePlan } from '../../server/src/plan/plan-json.js';
import { loadTexts } from '../../server/src/node/workspace-loader.js';
import { generateWorkspace } from '../bench/generate.js';
import { TODAY } from './helpers.js';
import { buildFiles, exampleFiles, examples, oneShotServices, WS } from '../support/checked-once.js';

const place = (node: CstNode | undefined) => node && { offset: node.offset, end: node.end, range: node.range, text: node.text };

/** The keywords the checks point findings at (`where: { keyword }`), punctuation, and keywords that are also values (a stage, an activity's kind). */
const KEYWORDS = [
    'policy',
    'competitor-support',
    'decision-chain',
    'team',
    'value-proposition',
    '{',
    '}',
    'contact',
    'customer',
    'opportunity',
    'role',
    'team-event',
];

/** A leaf as the waivers' search (finding-policy.ts) and a finding's keyword read it: where, and in which node. */
const leafReading = (leaf: CstNode | undefined) =>
    leaf && {
        ...place(leaf),
        hidden: leaf.hidden,
        node: leaf.astNode.$type,
        nodeAt: leaf.astNode.$cstNode?.offset,
    };

/** What the CLI reads of a workspace checked once, and how many composite nodes its trees hold. */
async function checkOnce(files: Record<string, string>, leanTree: boolean) {
    const services = oneShotServices(leanTree);
    const { Acct } = services;
    const documents = await buildFiles(services, files);
    const plans = Acct.plan.PlanBuilder;
    let composites = 0;
    let leaves = 0;
    let wrappers = 0;
    // the AST's empty lists: how many, and the distinct arrays that hold them
    let emptyLists = 0;
    const emptyArrays = new Set<unknown>();
    const trees = documents.map(document => {
        const root = document.parseResult.value.$cstNode!;
        for (const node of CstUtils.streamCst(root))
            if (isCompositeCstNode(node)) {
                composites++;
                // an AST node's node that holds the node of a rule it called alone (`Declaration: … | Customer | …`)
                const only = node.content.length === 1 ? node.content[0] : undefined;
                if (only && isCompositeCstNode(only) && only.astNode === node.astNode && assignedProperty(only.grammarSource) === undefined) wrappers++;
            } else leaves++;
        // the leaf at every offset (the same leaf over its characters once), and where each comment was put
        const atOffsets: unknown[] = [];
        let last: CstNode | undefined;
        for (let offset = 0; offset <= document.textDocument.getText().length; offset++) {
            const leaf = leafAtOffset(root, offset);
            if (leaf?.offset !== last?.offset || (leaf === undefined) !== (last === undefined)) atOffsets.push(offset, leafReading(leaf));
            last = leaf;
        }
        const comments = CstUtils.streamCst(root)
            .filter(node => node.hidden)
            .map(node => ({ at: node.offset, in: node.container?.offset, node: node.container?.astNode.$type }))
            .toArray();
        for (const node of AstUtils.streamAst(document.parseResult.value))
            for (const [key, value] of Object.entries(node))
                if (!key.startsWith('$') && Array.isArray(value) && value.length === 0) {
                    emptyLists++;
                    emptyArrays.add(value);
                }
        const nodes = AstUtils.streamAst(document.parseResult.value)
            .map((node: AstNode) => ({
                type: node.$type,
                at: place(node.$cstNode),
                keywords: KEYWORDS.map(keyword => [
                    keyword,
                    leafReading(nodeForKeyword(node.$cstNode, keyword)),
                    place(nodeForKeyword(node.$cstNode, keyword, 1)),
                ]),
                properties: Object.keys(node)
                    .filter(key => !key.startsWith('$'))
                    .map(key => ({
                        key,
                        nodes: nodesForProperty(node.$cstNode, key).map(n => ({ ...place(n), property: assignedProperty(n.grammarSource) })),
                        langium: place(GrammarUtils.findNodeForProperty(node.$cstNode, key)),
                        // the property's strings (a one-shot parse's are shared across the load, acct-value-converter.ts)
                        strings: [(node as unknown as Record<string, unknown>)[key]].flat().filter(value => typeof value === 'string'),
                        references: [(node as unknown as Record<string, unknown>)[key]]
                            .flat()
                            .filter(isReference)
                            .map(ref => ({
                                text: ref.$refText,
                                at: place(ref.$refNode),
                                source: ref.$refNode?.grammarSource?.$type,
                                target: ref.ref?.$type,
                            })),
                    })),
            }))
            .toArray();
        // every AST node the syntax tree holds (one replaced by a property written twice too): its keys in order and its parent links
        const astNodes = new Set<AstNode>();
        for (const node of CstUtils.streamCst(root)) if (isCompositeCstNode(node) && node.astNode) astNodes.add(node.astNode);
        const links = [...astNodes].map(node => {
            const linked = node as AstNode & { $containerIndex?: number };
            return {
                type: node.$type,
                at: node.$cstNode?.offset,
                keys: Object.keys(node),
                container: linked.$container && { type: linked.$container.$type, at: linked.$container.$cstNode?.offset },
                property: linked.$containerProperty,
                index: linked.$containerIndex,
            };
        });
        return { atOffsets, comments, nodes, links };
    });
    return {
        composites,
        leaves,
        wrappers,
        emptyLists,
        emptyArrays: [...emptyArrays],
        diagnostics: JSON.stringify(plans.diagnostics(WS)),
        located: JSON.stringify(plans.located(WS)),
        plan: serializePlan(plans.plan(WS)),
        trees,
    };
}

async function expectSameReading(
    files: Record<string, string>,
): Promise<{ lean: number; full: number; leanLeaves: number; fullLeaves: number; emptyLists: number; leanWrappers: number; fullWrappers: number }> {
    const full = await checkOnce(files, false);
    const lean = await checkOnce(files, true);
    expect(lean.diagnostics).toBe(full.diagnostics);
    expect(lean.located).toBe(full.located);
    expect(lean.plan).toBe(full.plan);
    expect(lean.trees).toEqual(full.trees);
    // the same empty lists (and keys, in the same order: the trees above), one shared frozen array in the one-shot tree
    expect(lean.emptyLists).toBe(full.emptyLists);
    expect(full.emptyArrays.length).toBe(full.emptyLists);
    expect(lean.emptyArrays.length).toBe(Math.min(1, lean.emptyLists));
    for (const array of lean.emptyArrays) expect(Object.isFrozen(array)).toBe(true);
    return {
        lean: lean.composites,
        full: full.composites,
        leanLeaves: lean.leaves,
        fullLeaves: full.leaves,
        emptyLists: lean.emptyLists,
        leanWrappers: lean.wrappers,
        fullWrappers: full.wrappers,
    };
}

describe('the one-shot syntax tree (value leaves)', () => {
    it('reads the examples as Langium’s tree does, with a third of its composite nodes and half its leaves', async () => {
        const { lean, full, leanLeaves, fullLeaves, emptyLists, leanWrappers, fullWrappers } = await expectSameReading(exampleFiles());
        expect(lean).toBeLessThan(full * 0.5);
        // each declaration's node is its rule's, not wrapped in `Declaration`'s (acct-parser.ts ValueLeafCstNodeBuilder.buildCompositeNode)
        expect(fullWrappers).toBeGreaterThan(10);
        expect(leanWrappers).toBe(0);
        // most list properties of a plan are empty (a contact's kpis, pains, waivers …): all one array
        expect(emptyLists).toBeGreaterThan(100);
        // the keywords and punctuation that give no value are not leaves (one-shot-tree.ts OneShotKeywords)
        expect(leanLeaves).toBeLessThan(fullLeaves * 0.75);
    });

    it('links each node to its container as Langium’s walk does, a node replaced by a property written twice left unlinked', async () => {
        const files = exampleFiles();
        const team = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('team.acct')));
        const twice = [
            'customer twice "Twice" {',
            '  tier core',
            '  contact a "A" { role user support 1 support 2 }',
            '  contact b "B" { role user }',
            '  opportunity o "O" { stage lead amount 3k amount 4k team { } team { } }',
            '}',
            '',
        ].join('\n');
        await expectSameReading({ ...team, 'twice.acct': twice });
        const loaded = await loadTexts([{ file: path.join(examples, 'twice.acct'), text: twice }], { today: TODAY, cwd: examples });
        const [contact, second] = AstUtils.streamAst(loaded.documents[0]!.parseResult.value)
            .filter(node => node.$type === 'Contact')
            .toArray() as Array<AstNode & { $containerIndex?: number }>;
        expect([contact!.$container?.$type, contact!.$containerProperty, contact!.$containerIndex]).toEqual(['Customer', 'contacts', 0]);
        expect(second!.$containerIndex).toBe(1);
    });

    it('reads a generated workspace (the benchmark’s generator) as Langium’s tree does', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-value-leaves-'));
        try {
            const ws = generateWorkspace(dir, { seed: 23, fileCount: 8, totalLines: 2500 });
            const files = Object.fromEntries(ws.files.map(file => [path.relative(dir, file), fs.readFileSync(file, 'utf8')]));
            const { lean, full, leanLeaves, fullLeaves } = await expectSameReading(files);
            expect(lean).toBeLessThan(full * 0.5);
            expect(leanLeaves).toBeLessThan(fullLeaves * 0.75);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('keeps no table of the strings it shared once the texts are parsed (loadTexts)', async () => {
        const files = exampleFiles();
        const loaded = await loadTexts(
            Object.entries(files).map(([name, text]) => ({ file: path.join(examples, name), text })),
            { today: TODAY, cwd: examples },
        );
        const parser = loaded.acct.parser.LangiumParser as unknown as { sharedStrings: Map<string, string> };
        expect(parser.sharedStrings.size).toBe(0);
        // the same names, read from the shared strings: every reference of the team's members resolved
        const references = loaded.documents.flatMap(document =>
            AstUtils.streamAst(document.parseResult.value)
                .flatMap(node => AstUtils.streamReferences(node).map(info => info.reference))
                .toArray(),
        );
        expect(references.length).toBeGreaterThan(50);
        for (const reference of references) expect(reference.$refText).toBe(reference.$refNode?.text);
        // a later parse with the same services starts a new table, and drops it in the same way
        const document = loaded.shared.workspace.LangiumDocumentFactory.fromString(files['team.acct']!, URI.file(path.join(examples, 'again.acct')));
        expect(parser.sharedStrings.size).toBeGreaterThan(0);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    it('reads broken texts as Langium’s tree does (findings, ranges, references)', async () => {
        const files = exampleFiles();
        const names = Object.keys(files).filter(name => !name.endsWith('team.acct'));
        const team = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('team.acct')));
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...names),
                fc.array(
                    fc.tuple(
                        fc.double({ min: 0, max: 1, noNaN: true }),
                        fc.nat(12),
                        fc.constantFrom('', '{', '}', ' x', '-', '"', '3', ',', ' support ', '// c\n'),
                    ),
                    {
                        minLength: 1,
                        maxLength: 4,
                    },
                ),
                async (name, edits) => {
                    let text = files[name]!;
                    for (const [where, length, insert] of edits) {
                        const at = Math.floor(where * text.length);
                        text = text.slice(0, at) + insert + text.slice(at + length);
                    }
                    await expectSameReading({ ...team, [name]: text });
                },
            ),
            { numRuns: 25, seed: 23 },
        );
        // 50 full builds and a walk of every offset: 46–57 s at a load average of 27, past the default limit
    }, 300_000);
});
