/**
 * The webview fed the plan in parts, as the panel sends it (contract/plan-parts.ts): every view
 * drawn from the outline and a customer's part is the view drawn from the whole plan; the page
 * keeps the parts of its picture (and no others) across messages and reloads.
 */
import { describe, expect, it } from 'vitest';
import { cutPlan, stampCut, stampOf, type PartStamps, type Picture, type PlanFocus, type PlanPart, type PlanView } from '@acct/contract';
import { shownIn } from '../../client/src/picture.js';
import { pickFocus } from './fixture.js';
import type { WebviewPage } from './harness.js';
import { browserSuite, T } from './shared.js';

const suite = browserSuite();

/** The picture message the panel posts for `focus` in `view`, with the parts the page does not `hold`. */
function inParts(view: PlanView, focus: PlanFocus, hold: readonly string[] = []): { type: 'picture'; picture: Picture<PartStamps>; parts: PlanPart[] } {
    const cut = stampCut(cutPlan(view));
    const shown = shownIn(view, [focus]);
    const outline = cut.outline();
    const part = shown.customer ? cut.part(shown.customer) : null;
    const parts: PlanPart[] = [
        ...(hold.includes(outline.stamp) ? [] : [{ stamp: outline.stamp, outline: outline.value! }]),
        ...(part && !hold.includes(part.stamp) ? [{ stamp: part.stamp, customer: part.value! }] : []),
    ];
    return { type: 'picture', picture: { view: { outline: outline.stamp, customer: part?.stamp ?? null }, shown, hasErrors: false, errorLines: [] }, parts };
}

/** What a person sees of the view drawn: the header and the drawing. */
const seen = (p: WebviewPage) =>
    p.page.evaluate(() => ({
        heading: document.querySelector('.heading')?.textContent,
        subheading: document.querySelector('.subheading')?.textContent,
        drawing: document.querySelector('.viewport')?.innerHTML,
    }));

const savedParts = (p: WebviewPage) =>
    p.page.evaluate(() => (JSON.parse(sessionStorage.getItem('acct-state')!) as { parts: Array<{ stamp: string }> }).parts.map(x => x.stamp));

describe('the plan in parts', () => {
    it(
        "draws every view from the outline and the customer's part as from the whole plan",
        async () => {
            const view = suite.view();
            const { deal } = pickFocus(view);
            const [whole, parts] = [await suite.page(), await suite.page()];
            await whole.sendPlan(view, deal);
            await parts.send(inParts(view, deal));
            for (const tab of ['power', 'fishbone', 'quadrant', 'intimacy', 'sandbox']) {
                for (const p of [whole, parts]) await p.page.click(`[role=tab][data-tab=${tab}]`);
                const fromParts = await seen(parts);
                expect(fromParts.drawing?.length, tab).toBeGreaterThan(500);
                expect(fromParts, tab).toEqual(await seen(whole));
            }
        },
        T,
    );

    it(
        'draws another customer from its part alone, keeps only the parts of its picture, and draws them again after a reload',
        async () => {
            const view = suite.view();
            const [first, second] = view.plan.customers;
            const p = await suite.page();
            const one = inParts(view, { customer: first!.id, opportunity: null });
            await p.send(one);
            expect(await p.page.textContent('.heading')).toBe(first!.name);
            const two = inParts(view, { customer: second!.id, opportunity: null }, [one.picture.view.outline]);
            expect(two.parts.map(x => 'customer' in x)).toEqual([true]);
            await p.send(two);
            expect(await p.page.textContent('.heading')).toBe(second!.name);
            await expect.poll(() => savedParts(p)).toEqual([two.picture.view.outline, two.picture.view.customer]);
            const drawn = await seen(p);
            await p.reload();
            expect(await seen(p)).toEqual(drawn);
            await p.screenshot('parts-second-customer-after-reload');
            // the new page says which parts it holds: the panel sends only the others
            expect((await p.posted()).filter(m => m.type === 'ready').at(-1)).toEqual({
                type: 'ready',
                parts: [two.picture.view.outline, two.picture.view.customer],
            });
        },
        T,
    );

    it(
        'shows the banner from the error lines sent once as a part, and keeps them for the next picture',
        async () => {
            const view = suite.view();
            const [first, second] = view.plan.customers;
            const p = await suite.page();
            const lines = ['a.acct:9:1: error syntax: unexpected }', 'b.acct:2:5: error unresolved-reference: no member bob'];
            const errors = { stamp: stampOf(lines), errorLines: lines };
            const withErrors = (m: ReturnType<typeof inParts>, sendErrors: boolean) => ({
                ...m,
                picture: { ...m.picture, view: { ...m.picture.view, errors: errors.stamp }, hasErrors: true },
                parts: [...m.parts, ...(sendErrors ? [errors] : [])],
            });
            const one = withErrors(inParts(view, { customer: first!.id, opportunity: null }), true);
            await p.send(one);
            expect(await p.page.getAttribute('.banner', 'title')).toBe(lines.join('\n'));
            // the next picture names the error lines by their stamp alone: the page holds them
            const two = withErrors(inParts(view, { customer: second!.id, opportunity: null }, [one.picture.view.outline]), false);
            await p.send(two);
            expect(await p.page.textContent('.heading')).toBe(second!.name);
            expect(await p.page.getAttribute('.banner', 'title')).toBe(lines.join('\n'));
            await expect.poll(() => savedParts(p)).toEqual([two.picture.view.outline, two.picture.view.customer, errors.stamp]);
        },
        T,
    );

    it(
        'draws once from the outline sent ahead of the picture: nothing changes at the outline, the whole picture at the picture',
        async () => {
            const view = suite.view();
            const { deal } = pickFocus(view);
            const [whole, p] = [await suite.page(), await suite.page()];
            await whole.sendPlan(view, deal);
            const renders = () => p.page.evaluate(() => performance.getEntriesByName('acct:render').length);
            /** The panel's two messages: the outline alone, then the picture with the customer's part. */
            const aheadAndPicture = (m: ReturnType<typeof inParts>) => {
                const outline = m.parts.filter(x => 'outline' in x);
                return [outline.length ? { type: 'parts', parts: outline } : undefined, { ...m, parts: m.parts.filter(x => !('outline' in x)) }] as const;
            };
            const waiting = await seen(p);
            const [ahead, picture] = aheadAndPicture(inParts(view, deal));
            expect(ahead?.parts.map(x => x.stamp)).toEqual([picture.picture.view.outline]);
            const before = await renders();
            await p.send(ahead!);
            // the outline alone draws nothing: the page still waits, and saves no part
            expect([await renders(), await seen(p)]).toEqual([before, waiting]);
            await expect.poll(() => p.page.evaluate(() => sessionStorage.getItem('acct-state') ?? '')).not.toContain(picture.picture.view.outline);
            await p.send(picture);
            expect(await renders()).toBe(before + 1);
            expect(await seen(p)).toEqual(await seen(whole));
            await expect.poll(() => savedParts(p)).toEqual([picture.picture.view.outline, picture.picture.view.customer]);
            // a later plan with another outline: the drawing stays as it is until its picture comes
            const [first, second] = view.plan.customers;
            const later: PlanView = { ...view, plan: { ...view.plan, customers: [second!, first!, ...view.plan.customers.slice(2)] } };
            const [nextAhead, nextPicture] = aheadAndPicture(inParts(later, { customer: second!.id, opportunity: null }));
            const drawn = await seen(p);
            await p.send(nextAhead!);
            expect([await renders(), await seen(p)]).toEqual([before + 1, drawn]);
            await p.send(nextPicture);
            expect(await renders()).toBe(before + 2);
            expect(await p.page.textContent('.heading')).toBe(second!.name);
        },
        T,
    );

    it(
        'keeps its picture when told of a part it does not hold, and asks again',
        async () => {
            const view = suite.view();
            const p = await suite.page();
            const one = inParts(view, { customer: view.plan.customers[0]!.id, opportunity: null });
            await p.send(one);
            const drawn = await seen(p);
            const lacking = inParts(view, { customer: view.plan.customers[1]!.id, opportunity: null }, [one.picture.view.outline]);
            await p.page.evaluate(m => window.postMessage({ ...m, parts: [] }, '*'), lacking);
            await p.page.waitForFunction(
                () => (window as unknown as { __acct: { posted: Array<{ type: string }> } }).__acct.posted.filter(m => m.type === 'ready').length > 1,
            );
            expect(await seen(p)).toEqual(drawn);
            expect((await p.posted()).filter(m => m.type === 'ready').at(-1)).toEqual({
                type: 'ready',
                parts: [one.picture.view.outline, one.picture.view.customer],
            });
        },
        T,
    );
});
