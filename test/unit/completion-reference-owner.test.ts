/**
 * Completion of a reference right after a nested element (`amount 1.2B CNY`, a decision-chain
 * entry): the reference belongs to the opportunity, not to the element before the cursor. On the
 * lean syntax tree of the CLI's workspace (the one the completion benchmark uses) Langium took
 * that element as the reference's container, logged "Property competitors of type Money is not a
 * reference" and offered nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver-types';
import { loadWorkspace } from '../../server/src/node/workspace-loader.js';
import { buildWorkspace, cursor, TEAM, TODAY, uriOf } from './helpers.js';

const temps: string[] = [];
afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const afterMoney = `customer acme "Acme" {
    contact boss "Boss" { role approver }
    opportunity o1 "Core network" {
        amount 1.2B CNY
        competitors <|>nokia
    }
}
`;

const afterDecisionChain = `customer acme "Acme" {
    contact boss "Boss" { role approver }
    opportunity o1 "Core network" {
        decision-chain {
            boss support 2
        }
        competitors <|>ericsson
    }
}
`;

/** Completion at the marker in a workspace loaded as the CLI loads it (lean tree), with what was logged. */
async function completeLoaded(marked: string): Promise<{ labels: string[]; logged: unknown[][] }> {
    const { text, position } = cursor(marked);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-complete-'));
    temps.push(dir);
    fs.writeFileSync(path.join(dir, 'team.acct'), TEAM);
    fs.writeFileSync(path.join(dir, 'plan.acct'), text);
    const loaded = await loadWorkspace([dir], { today: TODAY, cwd: dir });
    const doc = loaded.documents.find(d => d.uri.fsPath === path.join(dir, 'plan.acct'))!;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const list = await loaded.acct.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position });
    return { labels: labelsOf(list?.items ?? []), logged: error.mock.calls };
}

/** The same in the editor's workspace. */
async function completeEditor(marked: string): Promise<string[]> {
    const { text, position } = cursor(marked);
    const w = await buildWorkspace({ 'team.acct': TEAM, 'plan.acct': text });
    const list = await w.Acct.lsp.CompletionProvider!.getCompletion(w.docs['plan.acct'], { textDocument: { uri: uriOf('plan.acct') }, position });
    return labelsOf(list?.items ?? []);
}

function labelsOf(items: CompletionItem[]): string[] {
    return items.map(item => item.label).sort();
}

describe('completion of a reference after a nested element', () => {
    it('after `amount 1.2B CNY`: `competitors ` offers the competitors and logs nothing', async () => {
        const { labels, logged } = await completeLoaded(afterMoney);
        expect(logged).toEqual([]);
        expect(labels).toEqual(expect.arrayContaining(['ericsson', 'nokia']));
        expect(labels).toEqual(await completeEditor(afterMoney));
    });

    it('after a decision chain whose last entry has a support value: `competitors ` offers the competitors and logs nothing', async () => {
        const { labels, logged } = await completeLoaded(afterDecisionChain);
        expect(logged).toEqual([]);
        expect(labels).toEqual(expect.arrayContaining(['ericsson', 'nokia']));
        expect(labels).toEqual(await completeEditor(afterDecisionChain));
    });
});
