/**
 * A closed and deleted document leaves nothing behind (issue 17, item 8): Langium's CST builder
 * kept the last parse's root — the syntax tree, the AST and the text of the last file parsed —
 * until the next parse, so a 5 MB plan held about 449 MB of the server after it was closed.
 */
import { describe, expect, it } from 'vitest';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type RootCstNode } from 'langium';
import { createAcctServices } from '../../server/src/acct-module.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('a deleted document', () => {
    it('is not kept by the parser: its syntax tree, AST and text are collected', async () => {
        const { shared, Acct } = createAcctServices(EmptyFileSystem);
        const uri = URI.parse('file:///ws/big.acct');
        const example = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'donghai-mobile.acct'), 'utf8');
        const refs = await (async () => {
            const text = Array.from({ length: 40 }, (_, i) => example.replace(/customer donghai/, `customer d${i}`)).join('\n');
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            return { root: new WeakRef(document.parseResult.value.$cstNode!), ast: new WeakRef(document.parseResult.value) };
        })();
        // the parser's CST builder keeps no root of the last text: an empty one at most
        const kept = (Acct.parser.LangiumParser as unknown as { nodeBuilder: { rootNode?: RootCstNode } }).nodeBuilder.rootNode;
        expect(kept?.fullText ?? '').toBe('');
        expect(kept?.content ?? []).toEqual([]);
        await shared.workspace.DocumentBuilder.update([], [uri]);
        Acct.plan.PlanBuilder.plan(URI.parse('file:///ws'));
        // a full collection, again a few times while anything is still held: what a pending task or a
        // collection that ran early still holds for a moment is let go; what the server keeps stays
        gc();
        for (let i = 0; i < 10 && (refs.root.deref() || refs.ast.deref()); i++) {
            await new Promise(resolve => setTimeout(resolve, 20));
            gc();
        }
        expect(refs.root.deref()).toBeUndefined();
        expect(refs.ast.deref()).toBeUndefined();
    });
});
