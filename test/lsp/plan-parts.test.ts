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
    /** The customer's file in the small workspace, and the other customers' files there. */
    let smallUri: string;
    let others: string[];

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
        // as in an editor, the customer's file is open (its findings are there); in the small
        // workspace every file is, so that every finding about a customer is there before the tests
        for (const [{ client, dir }, files] of [
            [big, [file]],
            [small, generated.files.slice(0, 11)],
        ] as const) {
            for (const f of files) {
                const opened = pathToFileURL(path.join(dir, path.relative(big.dir, f))).toString();
                await client.open(opened, fs.readFileSync(f, 'utf8'));
                await client.diagnosticsFor(opened, () => true, 100_000);
            }
        }
        smallUri = pathToFileURL(path.join(smallDir, path.relative(big.dir, file))).toString();
        others = generated.files
            .slice(1, 11)
            .filter(f => f !== file)
            .map(f => path.join(smallDir, path.relative(big.dir, f)));
    }, 200_000);

    afterAll(async () => {
        await big?.client.stop();
        await small?.client.stop();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("answers one customer's part, as big among 200 customers as among 10", async () => {
        const inBig = await ask(big.client, { customer });
        const inSmall = await ask(small.client, { customer }, smallUri);
        expect(inBig.customer!.value!.customer.id).toBe(customer);
        expect(inBig.customer!.value!.diagnostics.length).toBeGreaterThan(0);
        expect(inBig.outline.value!.customers).toHaveLength(200);
        // the same customer, the same part: the other 190 customers add nothing to it
        expect(inBig.customer!.stamp).toBe(inSmall.customer!.stamp);
        expect(bytes(inBig.customer)).toBe(bytes(inSmall.customer));
        const whole = await big.client.connection.sendRequest(PlanViewRequest.type, { uri });
        expect(bytes(inBig.customer)).toBeLessThan(bytes(whole) / 50);
        expect(inBig.errors.value).toEqual([]);
    });

    it('answers the parts the asker holds by their stamps, and only the part an edit changed', async () => {
        const first = await ask(small.client, { customer }, smallUri);
        const known = { outline: first.outline.stamp, customer: first.customer!.stamp };
        const again = await ask(small.client, { customer, known }, smallUri);
        expect(again.outline).toEqual({ stamp: known.outline });
        expect(again.customer).toEqual({ stamp: known.customer });
        expect(bytes(again)).toBeLessThan(300);
        expect(await ask(small.client, { customer: 'nobody', known }, smallUri)).toMatchObject({ customer: null });
        // parameters of the wrong shape are taken as absent, not as a failure
        const odd = { customer: 7, known: 'stale', keepGood: 'yes' } as unknown as Omit<PlanPartsRequest.Params, 'uri'>;
        expect(await ask(small.client, odd, smallUri)).toMatchObject({ customer: null, outline: { stamp: known.outline, value: expect.any(Object) } });

        // another customer's contact renamed: this customer's part and the outline stay as they were
        const other = small.client;
        const otherUri = pathToFileURL(others[0]!).toString();
        const otherText = fs.readFileSync(others[0]!, 'utf8');
        other.forget(otherUri);
        await other.change(otherUri, otherText.replace(/(\n\s+contact \S+ ")[^"]*/, '$1Renamed Person'), 2);
        await other.diagnosticsFor(otherUri);
        const afterOther = await ask(small.client, { customer, known }, smallUri);
        expect(afterOther.revision).toBeGreaterThan(first.revision);
        expect(afterOther.outline).toEqual({ stamp: known.outline });
        expect(afterOther.customer).toEqual({ stamp: known.customer });

        // this customer's contact renamed (its file is open): its part comes again, with the new name
        const text = fs.readFileSync(file, 'utf8');
        other.forget(smallUri);
        await other.change(smallUri, text.replace(/(\n\s+contact \S+ ")[^"]*/, '$1Renamed Person'), 2);
        await other.diagnosticsFor(smallUri);
        const afterThis = await ask(small.client, { customer, known }, smallUri);
        expect(afterThis.customer!.stamp).not.toBe(known.customer);
        expect(afterThis.customer!.value!.customer.contacts.some(c => c.name === 'Renamed Person')).toBe(true);
        expect(afterThis.outline).toEqual({ stamp: known.outline });
    });

    it('keeps answering the last plan without errors to a view that keeps it, with the latest errors', async () => {
        const good = await ask(small.client, { customer }, smallUri);
        const text = fs.readFileSync(file, 'utf8');
        small.client.forget(smallUri);
        await small.client.change(smallUri, text.replace(/\n}\s*$/, '\n'), 3);
        await small.client.diagnosticsFor(smallUri, d => d.some(x => x.severity === 1));
        const kept = await ask(small.client, { customer, keepGood: true, known: { outline: good.outline.stamp, customer: good.customer!.stamp } }, smallUri);
        expect(kept.errors.value!.length).toBeGreaterThan(0);
        // the error lines held are answered by their stamp alone
        const again = await ask(
            small.client,
            { customer, keepGood: true, known: { outline: good.outline.stamp, customer: good.customer!.stamp, errors: kept.errors.stamp } },
            smallUri,
        );
        expect(again.errors).toEqual({ stamp: kept.errors.stamp });
        expect(kept.revision).toBe(good.revision);
        expect(kept.outline).toEqual({ stamp: good.outline.stamp });
        expect(kept.customer).toEqual({ stamp: good.customer!.stamp });
        // a view that never drew a good plan gets the latest as it is
        const latest = await ask(small.client, { customer }, smallUri);
        expect(latest.outline.value!.hasErrors).toBe(true);
        expect(latest.revision).toBeGreaterThan(good.revision);
    });
});
