/**
 * `acct/planParts` over the real LSP: one customer's part is as big in a workspace of 200
 * customers as in one of 10 (the views no longer pay for the others on a cursor move), a part
 * the asker holds comes back as its stamp, an edit elsewhere leaves a part's stamp alone, and
 * while the latest plan has errors a view that drew a good plan keeps getting that plan's parts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace } from '../bench/generate.js';
import { startServer, type LspClient } from '../support/lsp-client.js';
import { PlanPartsRequest, PlanViewRequest } from '../../server/src/contract/protocol.js';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe('the plan in parts over the LSP', () => {
    let root: string;
    let big: { client: LspClient; dir: string };
    let small: { client: LspClient; dir: string };
    /** The customer file both workspaces hold, its URI in the big one, and its customer id. */
    let file: string;
    let uri: string;
    let customer: string;

    const ask = (client: LspClient, params: Omit<PlanPartsRequest.Params, 'uri'>, at = uri) =>
        client.connection.sendRequest(PlanPartsRequest.type, { uri: at, ...params });

    beforeAll(async () => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-parts-'));
        const generated = generateWorkspace(path.join(root, 'big'), { seed: 20261122, fileCount: 201, totalLines: 20_000 });
        // the small workspace: the same team and 10 of the same customers
        const smallDir = path.join(root, 'small');
        for (const f of generated.files.slice(0, 11)) {
            const to = path.join(smallDir, path.relative(generated.dir, f));
            fs.mkdirSync(path.dirname(to), { recursive: true });
            fs.copyFileSync(f, to);
        }
        file = generated.files[5]!;
        uri = pathToFileURL(file).toString();
        customer = /^customer (\S+)/m.exec(fs.readFileSync(file, 'utf8'))![1]!;
        const env = { ACCT_TODAY: '2026-11-22' };
        big = { client: await startServer(generated.dir, env), dir: generated.dir };
        small = { client: await startServer(smallDir, env), dir: smallDir };
        // as in an editor, the customer's file is open; the parts are asked for once every file is checked
        for (const [{ client, dir }, files] of [[big, generated.files], [small, generated.files.slice(0, 11)]] as const) {
            const inDir = (f: string) => pathToFileURL(path.join(dir, path.relative(big.dir, f))).toString();
            await client.open(inDir(file), fs.readFileSync(file, 'utf8'));
            for (const f of files) await client.diagnosticsFor(inDir(f), () => true, 100_000);
        }
    }, 200_000);

    afterAll(async () => {
        await big?.client.stop();
        await small?.client.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('answers one customer\'s part, as big among 200 customers as among 10', async () => {
        const inBig = await ask(big.client, { customer });
        const smallUri = pathToFileURL(path.join(small.dir, path.relative(big.dir, file))).toString();
        const inSmall = await ask(small.client, { customer }, smallUri);
        expect(inBig.customer!.value!.customer.id).toBe(customer);
        expect(inBig.customer!.value!.diagnostics.length).toBeGreaterThan(0);
        expect(inBig.outline.value!.customers).toHaveLength(200);
        // the same customer, the same part: the other 190 customers add nothing to it
        expect(inBig.customer!.stamp).toBe(inSmall.customer!.stamp);
        expect(bytes(inBig.customer)).toBe(bytes(inSmall.customer));
        const whole = await big.client.connection.sendRequest(PlanViewRequest.type, { uri });
        expect(bytes(inBig.customer)).toBeLessThan(bytes(whole) / 50);
        expect(inBig.errorLines).toEqual([]);
    }, 60_000);

    it('answers the parts the asker holds by their stamps, and only the part an edit changed', async () => {
        const first = await ask(big.client, { customer });
        const known = { outline: first.outline.stamp, customer: first.customer!.stamp };
        const again = await ask(big.client, { customer, known });
        expect(again.outline).toEqual({ stamp: known.outline });
        expect(again.customer).toEqual({ stamp: known.customer });
        expect(bytes(again)).toBeLessThan(300);
        expect(await ask(big.client, { customer: 'nobody', known })).toMatchObject({ customer: null });

        // another customer's contact renamed: this customer's part and the outline stay as they were
        const other = big.client;
        const otherFile = fs.readdirSync(path.join(big.dir, 'east')).map(f => path.join(big.dir, 'east', f)).find(f => f !== file)!;
        const otherUri = pathToFileURL(otherFile).toString();
        const otherText = fs.readFileSync(otherFile, 'utf8');
        await other.open(otherUri, otherText);
        await other.diagnosticsFor(otherUri);
        other.forget(otherUri);
        await other.change(otherUri, otherText.replace(/(\n\s+contact \S+ ")[^"]*/, '$1Renamed Person'), 2);
        await other.diagnosticsFor(otherUri);
        const afterOther = await ask(big.client, { customer, known });
        expect(afterOther.revision).toBeGreaterThan(first.revision);
        expect(afterOther.outline).toEqual({ stamp: known.outline });
        expect(afterOther.customer).toEqual({ stamp: known.customer });

        // this customer's contact renamed (its file is open): its part comes again, with the new name
        const text = fs.readFileSync(file, 'utf8');
        other.forget(uri);
        await other.change(uri, text.replace(/(\n\s+contact \S+ ")[^"]*/, '$1Renamed Person'), 2);
        await other.diagnosticsFor(uri);
        const afterThis = await ask(big.client, { customer, known });
        expect(afterThis.customer!.stamp).not.toBe(known.customer);
        expect(afterThis.customer!.value!.customer.contacts.some(c => c.name === 'Renamed Person')).toBe(true);
        expect(afterThis.outline).toEqual({ stamp: known.outline });
    }, 60_000);

    it('keeps answering the last plan without errors to a view that keeps it, with the latest errors', async () => {
        const good = await ask(big.client, { customer });
        const text = fs.readFileSync(file, 'utf8');
        big.client.forget(uri);
        await big.client.change(uri, text.replace(/\n}\s*$/, '\n'), 3);
        await big.client.diagnosticsFor(uri, d => d.some(x => x.severity === 1));
        const kept = await ask(big.client, { customer, keepGood: true, known: { outline: good.outline.stamp, customer: good.customer!.stamp } });
        expect(kept.errorLines.length).toBeGreaterThan(0);
        expect(kept.revision).toBe(good.revision);
        expect(kept.outline).toEqual({ stamp: good.outline.stamp });
        expect(kept.customer).toEqual({ stamp: good.customer!.stamp });
        // a view that never drew a good plan gets the latest as it is
        const latest = await ask(big.client, { customer });
        expect(latest.outline.value!.hasErrors).toBe(true);
        expect(latest.revision).toBeGreaterThan(good.revision);
    }, 60_000);
});
