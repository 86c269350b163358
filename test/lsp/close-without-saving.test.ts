/**
 * Closing a plan in the editor: what the plan holds is what is on disk again. Langium kept a
 * closed document with the text it last had in the editor, so an edit closed without saving
 * stayed in the plan — its findings in the Problems panel and its ids declared again in other
 * files — and a plan that exists only in the editor (deleted on disk while open) stayed for good.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempWorkspace } from '../support/run-cli.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { messageText } from '../../server/src/language/validation/finding-data.js';

const customer = (id: string, contact: string) => `customer ${id} "Customer ${id}" {
    contact ${contact} "Person ${contact}" { support 2 intimacy 1 last-contact 2026-11-01 }
}
`;
const declaredAgain = (messages: string[]) => messages.filter(m => /declared more than once/.test(m));

describe('closing a plan', () => {
    let client: LspClient;
    let folder: string;
    const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    const messagesFor = async (name: string, predicate: (messages: string[]) => boolean) =>
        (await client.diagnosticsFor(uriOf(name), d => predicate(d.map(x => messageText(x.message))))).map(x => messageText(x.message));

    beforeAll(async () => {
        folder = tempWorkspace({ 'east.acct': customer('east', 'fang'), 'west.acct': customer('west', 'li') });
        client = await startServer(folder, { ACCT_TODAY: '2026-11-22' });
    });
    afterAll(() => client?.stop());

    it('without saving: the edit leaves the plan, other files lose the findings it caused', async () => {
        const east = uriOf('east.acct');
        await client.open(east, customer('east', 'fang'), 1);
        await messagesFor('west.acct', () => true);
        // the unsaved edit declares west's id again: both files say so
        await client.change(east, customer('west', 'fang'), 2);
        expect(declaredAgain(await messagesFor('west.acct', m => declaredAgain(m).length > 0))).toHaveLength(1);
        await client.close(east);
        // the text on disk is the plan again: nothing is declared twice any more
        expect(declaredAgain(await messagesFor('west.acct', m => declaredAgain(m).length === 0))).toEqual([]);
        expect(declaredAgain(await messagesFor('east.acct', m => declaredAgain(m).length === 0))).toEqual([]);
    });

    it('a plan that is not on disk leaves the workspace when closed: its findings are cleared', async () => {
        const ghost = uriOf('ghost.acct');
        await client.open(ghost, customer('east', 'wu'), 1);
        expect(declaredAgain(await messagesFor('east.acct', m => declaredAgain(m).length > 0))).toHaveLength(1);
        await client.close(ghost);
        expect(await messagesFor('ghost.acct', m => m.length === 0)).toEqual([]);
        expect(declaredAgain(await messagesFor('east.acct', m => declaredAgain(m).length === 0))).toEqual([]);
    });
});
