/**
 * The power-map panel (`client/src/power-map-panel.ts`) with a plan source that answers in parts
 * (`acct/planParts`, answered here as the server answers it): what it asks as the cursor moves and
 * the plan changes, and what it posts to the webview — the element alone for a move inside the
 * customer shown, that customer's part for a move to another, the changed parts for a rebuild.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cutPlan, stampCut, stampOf, type CustomerJson, type PartStamps, type Picture, type PlanPart, type PlanView, type StampedCut } from '@acct/contract';
import type { PlanPartsRequest } from '@acct/contract/protocol';

vi.mock('vscode', async () => (await import('../support/fake-vscode.js')).fakeVscode());

import * as vscode from 'vscode';
import { PowerMapPanel, type PlanSource } from '../../client/src/power-map-panel.js';
import { Emitter, makePanel, type FakePanel } from '../support/fake-panel.js';
import { fakeExtensionDir } from '../support/extension-dir.js';
import { contactJson, customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const extensionDir = fakeExtensionDir();

const A = 'file:///plans/a.acct';
const B = 'file:///plans/b.acct';

const customer = (id: string, contacts: string[]): CustomerJson =>
    customerJson(id, {
        contacts: contacts.map(name => contactJson(name.toLowerCase(), { name, support: 1, intimacy: 3 })),
        opportunities: ['x', 'y'].map(o => opportunityJson(o)),
    });

const plan = (a: string[], b: string[], errors = false): PlanView => ({
    plan: planJson({
        files: ['a.acct', 'b.acct'],
        customers: [customer('a', a), customer('b', b)],
        diagnostics: errors ? [{ file: 'a.acct', line: 9, column: 1, severity: 'error', code: 'syntax', message: 'unexpected }', subject: null }] : [],
    }),
    subjects: errors ? [null] : [],
    hasErrors: errors,
});

let panel: FakePanel;
let onSelection: Emitter<unknown>;
let planChanged: Emitter<void>;
/** The plan the fake server holds, and what the panel asked it. */
let latest: { revision: number; view: PlanView; cut: StampedCut };
let lastGood: typeof latest;
let asked: Array<{ method: string; params: unknown }>;

function setPlan(view: PlanView): void {
    latest = { revision: (latest?.revision ?? 0) + 1, view, cut: stampCut(cutPlan(view)) };
    if (!view.hasErrors) lastGood = latest;
    planChanged.fire();
}

/** Puts the cursor on `line` of `uri`, as the user does. */
function moveTo(uri: string, line: number): void {
    const textEditor = { document: { uri: vscode.Uri.parse(uri), languageId: 'acct' }, selection: { active: new vscode.Position(line, 0) }, viewColumn: 1 };
    onSelection.fire({ textEditor, selections: [textEditor.selection] });
}

const pictures = () =>
    panel.webview.posted.filter(m => (m as { type: string }).type === 'picture') as Array<{ picture: Picture<PartStamps>; parts: PlanPart[] }>;
const partsOf = (m: { parts: PlanPart[] }) =>
    m.parts.map(p => ('outline' in p ? 'outline' : 'errorLines' in p ? 'errors' : `customer ${p.customer.customer.id}`));
const methods = () => asked.map(a => a.method);
/** The `parts` messages posted ahead of pictures. */
const aheadOfPictures = () => panel.webview.posted.filter(m => (m as { type: string }).type === 'parts') as Array<{ parts: PlanPart[] }>;

beforeEach(async () => {
    vi.useFakeTimers();
    onSelection = new Emitter();
    planChanged = new Emitter();
    asked = [];
    latest = undefined as unknown as typeof latest;
    const v = vscode as unknown as Record<string, Record<string, unknown>>;
    const editor = { document: { uri: vscode.Uri.parse(A), languageId: 'acct' }, selection: { active: new vscode.Position(5, 0) }, viewColumn: 1 };
    Object.defineProperty(v.window, 'activeTextEditor', { get: () => editor, configurable: true });
    Object.assign(v.window, {
        visibleTextEditors: [],
        createWebviewPanel: (type: string, _title: string, _col: unknown, options: unknown) => (panel = makePanel(type, options)),
        onDidChangeActiveTextEditor: new Emitter().event,
        onDidChangeTextEditorSelection: onSelection.event,
    });
    Object.assign(v.workspace, { textDocuments: [], findFiles: async () => [], workspaceFolders: [], getWorkspaceFolder: () => undefined });
    const source: PlanSource = {
        planView: async params => {
            asked.push({ method: 'planView', params });
            return latest.view;
        },
        planParts: async (params: PlanPartsRequest.Params) => {
            asked.push({ method: 'planParts', params });
            const errorLines = latest.view.hasErrors ? ['a.acct:9:1: error syntax: unexpected }'] : [];
            const errors = { stamp: stampOf(errorLines), value: errorLines };
            const from = params.keepGood && latest.view.hasErrors ? lastGood : latest;
            return {
                revision: from.revision,
                errors: params.known?.errors === errors.stamp ? { stamp: errors.stamp } : errors,
                outline: from.cut.outline(params.known?.outline),
                customer: params.customer === null ? null : from.cut.part(params.customer, params.known?.customer),
            };
        },
        // line 40 and below of a.acct is deal x
        focus: async params => {
            asked.push({ method: 'focus', params });
            return params.uri === B ? { customer: 'b', opportunity: null } : { customer: 'a', opportunity: params.position.line >= 40 ? 'x' : null };
        },
        locate: async () => null,
        onPlanChanged: listener => planChanged.event(() => listener()),
    };
    setPlan(plan(['Ann', 'Al'], ['Bea']));
    PowerMapPanel.createOrShow({ extensionUri: vscode.Uri.parse(`file://${extensionDir}`), subscriptions: [] } as unknown as vscode.ExtensionContext, source);
    panel.webview.receive.fire({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(10);
    asked = [];
});

afterEach(() => {
    PowerMapPanel.current?.dispose();
    vi.useRealTimers();
});

describe('power-map panel with the plan in parts', () => {
    it('draws the first picture from the outline, posted alone right before it, and the part of the customer at the cursor', () => {
        const [first] = pictures();
        expect(first!.picture.shown).toEqual({ customer: 'a', opportunity: null });
        expect(partsOf(first!)).toEqual(['customer a']);
        expect(panel.title).toBe('Power Map — A');
        // the outline grows with the workspace: no message carries it and a customer's part at once
        const at = panel.webview.posted.indexOf(first);
        const ahead = panel.webview.posted[at - 1] as { type: string; parts: PlanPart[] };
        expect([ahead.type, partsOf(ahead)]).toEqual(['parts', ['outline']]);
        expect(ahead.parts[0]).toEqual({ stamp: first!.picture.view.outline, outline: latest.cut.outline().value });
        expect(aheadOfPictures()).toHaveLength(1);
    });

    it('on a cursor move inside the customer shown, asks for no part and posts the element alone', async () => {
        const before = pictures().length;
        moveTo(A, 41);
        await vi.advanceTimersByTimeAsync(300);
        expect(methods()).toEqual(['focus']);
        const moved = pictures().slice(before);
        expect(moved).toHaveLength(1);
        expect(moved[0]!.picture.shown).toEqual({ customer: 'a', opportunity: 'x' });
        expect(moved[0]!.parts).toEqual([]);
        expect(JSON.stringify(moved[0]).length).toBeLessThan(250);
        // a move that shows the same element posts nothing
        moveTo(A, 42);
        await vi.advanceTimersByTimeAsync(300);
        expect(pictures()).toHaveLength(before + 1);
    });

    it("on a move to another customer, asks for that customer's part alone; a move back asks nothing while the plan is the same", async () => {
        const before = pictures().length;
        moveTo(B, 3);
        await vi.advanceTimersByTimeAsync(300);
        expect(methods()).toEqual(['focus', 'planParts']);
        expect(asked[1]!.params).toMatchObject({ customer: 'b', known: { outline: latest.cut.outline().stamp, customer: undefined } });
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer b']);
        expect(panel.title).toBe('Power Map — B');
        asked = [];
        moveTo(A, 3);
        await vi.advanceTimersByTimeAsync(300);
        expect(methods()).toEqual(['focus']);
        // the page held b's part alone: a's comes again, from the panel's own
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer a']);
        expect(pictures()).toHaveLength(before + 2);
    });

    it('on a plan change, asks again for the part of the customer shown only, and posts only what changed', async () => {
        const before = pictures().length;
        setPlan(plan(['Ann', 'Al'], ['Bea', 'Bo']));
        await vi.advanceTimersByTimeAsync(300);
        expect(methods()).toEqual(['planParts']);
        expect(asked[0]!.params).toMatchObject({ customer: 'a', known: { outline: latest.cut.outline().stamp, customer: latest.cut.part('a')!.stamp } });
        // b changed, a and the outline did not: nothing to draw again
        expect(pictures()).toHaveLength(before);
        setPlan(plan(['Ann', 'Alan'], ['Bea', 'Bo']));
        await vi.advanceTimersByTimeAsync(300);
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer a']);
        expect(pictures().at(-1)!.parts[0]).toMatchObject({ customer: { customer: { contacts: [{ name: 'Ann' }, { name: 'Alan' }] } } });
        expect(methods().filter(m => m === 'planView')).toEqual([]);
    });

    it('keeps the last plan without errors while the latest has errors, under the banner', async () => {
        const drawn = pictures().at(-1)!.picture.view;
        setPlan(plan([], [], true));
        await vi.advanceTimersByTimeAsync(300);
        expect(asked[0]!.params).toMatchObject({ keepGood: true });
        const kept = pictures().at(-1)!;
        expect(kept.picture.view).toEqual({ ...drawn, errors: kept.parts[0]!.stamp });
        // the error lines come as a part of their own, under their stamp (the plan's parts the page holds stay)
        expect([kept.picture.hasErrors, kept.picture.view.errors, partsOf(kept)]).toEqual([true, kept.parts[0]!.stamp, ['errors']]);
        expect(kept.parts[0]).toEqual({ stamp: stampOf(['a.acct:9:1: error syntax: unexpected }']), errorLines: ['a.acct:9:1: error syntax: unexpected }'] });
        setPlan(plan(['Ann'], ['Bea']));
        await vi.advanceTimersByTimeAsync(300);
        expect(pictures().at(-1)!.picture.hasErrors).toBe(false);
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer a']);
    });

    it('in a plan with errors, sends the error lines once: a cursor move asks for them and posts them by their stamp', async () => {
        setPlan(plan(['Ann', 'Al'], ['Bea'], true));
        await vi.advanceTimersByTimeAsync(300);
        const stamp = pictures().at(-1)!.picture.view.errors;
        expect(stamp).toEqual(expect.any(String));
        asked = [];
        const before = pictures().length;
        moveTo(B, 3);
        await vi.advanceTimersByTimeAsync(300);
        expect(methods()).toEqual(['focus', 'planParts']);
        expect(asked[1]!.params).toMatchObject({ customer: 'b', known: { errors: stamp } });
        const moved = pictures().slice(before);
        expect(moved).toHaveLength(1);
        expect(moved[0]!.picture).toMatchObject({ hasErrors: true, view: { errors: stamp }, errorLines: [] });
        expect(partsOf(moved[0]!)).toEqual(['customer b']);
        // the errors gone: the picture has no error lines, and no part of them
        setPlan(plan(['Ann', 'Al'], ['Bea']));
        await vi.advanceTimersByTimeAsync(300);
        const clean = pictures().at(-1)!;
        expect([clean.picture.hasErrors, clean.picture.view.errors, partsOf(clean).includes('errors')]).toEqual([false, undefined, false]);
    });

    it('sends a reloaded page only the parts it does not hold', async () => {
        const stamps = pictures().at(-1)!.picture.view;
        const before = pictures().length;
        panel.webview.receive.fire({ type: 'ready', parts: [stamps.outline] });
        await vi.advanceTimersByTimeAsync(10);
        expect(pictures()).toHaveLength(before + 1);
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer a']);
        expect(aheadOfPictures()).toHaveLength(1);
        // a page that holds nothing gets the outline again, ahead of the picture
        panel.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(panel.webview.posted.slice(-2).map(m => (m as { type: string }).type)).toEqual(['parts', 'picture']);
        expect(partsOf(aheadOfPictures().at(-1)!)).toEqual(['outline']);
        expect(partsOf(pictures().at(-1)!)).toEqual(['customer a']);
    });

    it('posts a changed outline ahead of the picture of the plan it belongs to', async () => {
        const before = aheadOfPictures().length;
        // a new deal of b changes the outline (every customer's deals are in it), not a's part
        const changed = plan(['Ann', 'Al'], ['Bea']);
        changed.plan.customers[1]!.opportunities.push(opportunityJson('z'));
        setPlan(changed);
        await vi.advanceTimersByTimeAsync(300);
        const outlines = aheadOfPictures().slice(before);
        expect(outlines.map(partsOf)).toEqual([['outline']]);
        expect(pictures().at(-1)!.picture.view.outline).toBe(outlines[0]!.parts[0]!.stamp);
        expect(partsOf(pictures().at(-1)!)).toEqual([]);
        expect(panel.webview.posted.at(-2)).toBe(outlines[0]);
    });
});
