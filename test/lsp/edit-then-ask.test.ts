/**
 * An editor sends an edit and, in the same tick, a request about the edited text (completion
 * right after typing `reports-to `, a hover, the plan a view redraws). The server rebuilds a
 * plan on a short timer after an edit (acct-document-update-handler.ts): a request that arrives
 * before that rebuild must wait for the text it is about, not answer from the previous one.
 * Nothing here waits between the edit and the request — that is the point of these tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { PlanViewRequest } from '../../server/src/contract/protocol.js';
import { TEAM } from '../unit/helpers.js';

const EAST = `customer east "East Grid" {
    owner bob
    contact fang "Fang Wang" { role evaluator support 1 }
    contact chen "Chen Jie" { role approver }
}
`;
const OLD_CONTACTS = ['fang', 'chen'];

describe('a request sent in the same tick as an edit answers from the edited text', () => {
    let client: LspClient;
    let folder: string;
    let version = 1;
    let uri: string;

    beforeAll(async () => {
        folder = tempWorkspace({ 'team.acct': TEAM, 'east.acct': EAST });
        uri = pathToFileURL(path.join(folder, 'east.acct')).toString();
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
        await client.open(uri, EAST, version);
        await client.diagnosticsFor(uri);
    });
    afterAll(() => client?.stop());

    /** Sends the new text and, without waiting for anything, the request; returns its answer. */
    async function editAndAsk<T>(text: string, ask: () => Promise<T>): Promise<T> {
        version++;
        const sent = client.change(uri, text, version);
        const answer = ask();
        await sent;
        return answer;
    }
    const positionOf = (text: string, needle: string, delta = 0) => {
        const offset = text.indexOf(needle) + delta;
        const before = text.slice(0, offset).split('\n');
        return { line: before.length - 1, character: before[before.length - 1]!.length };
    };
    const labels = (result: CompletionList | CompletionItem[] | null) => (Array.isArray(result) ? result : (result?.items ?? [])).map(i => i.label);

    it("completion after `reports-to ` in a contact just typed offers the customer's contacts, one added by the same edit too", async () => {
        // each round adds another contact, so that no round can be answered from the text of the one before
        for (let round = 1; round <= 5; round++) {
            const added = `boss${round}`;
            const text = EAST.replace(/\n}\n$/, `\n    contact ${added} "Boss ${round}" { }\n    contact newbie${round} "New Person" { reports-to  }\n}\n`);
            const at = positionOf(text, 'reports-to  }', 'reports-to '.length);
            const offered = labels(
                await editAndAsk(text, () =>
                    client.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: at }),
                ),
            );
            // the contact being written does not report to itself: it is not offered
            expect([...offered].sort(), `round ${round}`).toEqual([...OLD_CONTACTS, added].sort());
        }
    });

    it('hover on a contact renamed in the same edit describes it under its new name', async () => {
        const text = EAST.replace('contact chen "Chen Jie"', 'contact chen "Chen Jiewen"');
        const hover = await editAndAsk(text, () =>
            client.connection.sendRequest<Hover | null>('textDocument/hover', {
                textDocument: { uri },
                position: positionOf(text, 'contact chen', 'contact '.length + 1),
            }),
        );
        expect(JSON.stringify(hover?.contents)).toContain('Chen Jiewen');
    });

    it('go to definition of a contact moved down by the edit lands on its new line', async () => {
        const text = EAST.replace('    contact fang', '    contact zhao "Zhao Min" { }\n    contact fang').replace(
            '{ role approver }',
            '{ role approver reports-to fang }',
        );
        const found = await editAndAsk(text, () =>
            client.connection.sendRequest<Location[] | LocationLink[] | null>('textDocument/definition', {
                textDocument: { uri },
                position: positionOf(text, 'reports-to fang', 'reports-to '.length + 1),
            }),
        );
        const first = found?.[0];
        const line = first && ('targetRange' in first ? first.targetSelectionRange.start.line : first.range.start.line);
        expect(line).toBe(positionOf(text, 'contact fang').line);
    });

    it('the plan a view asks for right after the edit holds the contact the edit added', async () => {
        const text = EAST.replace(/\n}\n$/, '\n    contact sun "Sun Li" { role user }\n}\n');
        const view = await editAndAsk(text, () => client.connection.sendRequest(PlanViewRequest.type, { uri }));
        const east = view.plan.customers.find(c => c.id === 'east');
        expect(east?.contacts.map(c => c.id)).toEqual(['fang', 'chen', 'sun']);
    });
});
