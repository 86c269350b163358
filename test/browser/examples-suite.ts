/**
 * The browser suite of the views' tests on the plan of `examples/`: one Chromium for the file,
 * every page of every test checked afterwards — no CSP violation, no script error, no request
 * leaving the page's origin (shared.ts) — and the plan with its focus (the customer with the most
 * contacts and its first deal with a decision chain, fixture.ts) set before the file's first test.
 * Also what those tests look up in the plan, the two focuses the README's deal gives, and the
 * switch to another view's tab.
 */
import { beforeAll, expect } from 'vitest';
import { findingsOf as joinFindings, type ContactJson, type Finding, type PlanFocus, type PlanView } from '@acct/contract';
import { pickFocus } from './fixture.js';
import type { WebviewPage } from './harness.js';
import { browserSuite, type Suite } from './shared.js';

/** Donghai Mobile, without a deal; and its deal ran27, the README's. */
export const DONGHAI = { customer: 'donghai', opportunity: null };
export const RAN27 = { customer: 'donghai', opportunity: 'ran27' };

// Set by the beforeAll of examplesSuite; an imported `let` is a live binding, so the tests of the
// file that called it read them as their own.
export let view: PlanView;
export let focus: { customer: PlanFocus; deal: PlanFocus };

/** Registers the hooks of a browser suite on the plan of `examples/` in the calling file. */
export function examplesSuite(): Suite {
    const suite = browserSuite();
    beforeAll(() => {
        view = suite.view();
        focus = pickFocus(view);
    });
    return suite;
}

export function contactsOf(customerId: string): ContactJson[] {
    return view.plan.customers.find(c => c.id === customerId)!.contacts;
}

/** The findings on a contact or another subject: those about it and those naming it as their contact. */
export function findingsOf(key: string): Finding[] {
    return joinFindings(view).filter(f => f.subject === key || f.contact === key);
}

/** Shows the view of `tab` (power, intimacy, quadrant, …), drawn. */
export async function showTab(p: WebviewPage, tab: string): Promise<void> {
    const selector = `[role=tab][data-tab=${tab}]`;
    if ((await p.page.getAttribute(selector, 'aria-selected')) === 'true') return;
    // another tab: the page draws it at the click
    await p.afterRender(() => p.page.click(selector));
    expect(await p.page.getAttribute(selector, 'aria-selected')).toBe('true');
}
