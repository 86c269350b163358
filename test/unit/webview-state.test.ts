import { describe, expect, it } from 'vitest';
import type { Picture, PlanFocus, PlanView } from '@acct/contract';
import { nextPicture } from '../../client/src/picture.js';
import { customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';
import { directionOfKey, spatialNext } from '../../client/webview/src/nav.js';
import { initialState, legendOpen, MAX_TRANSFORMS, rememberTransform, sanitizeState, transformKey, type WebviewState } from '../../client/webview/src/state.js';

const view = (name: string, hasErrors = false): PlanView => ({
    plan: planJson({ customers: [customerJson('c', { name, opportunities: [opportunityJson('x', { name: 'X' })] })] }),
    subjects: [],
    hasErrors,
});

/**
 * Taking in plans is the panel's rule now (client/src/picture.ts): each plan as the webview then
 * sees it — the plan drawn with the element shown, whether that plan is a good one, the banner.
 */
interface Taken {
    last: Picture;
    picture: { view: PlanView; focus: PlanFocus };
    pictureIsGood: boolean;
    hasErrors: boolean;
}

function acceptPlan(previous: Taken | null, latest: PlanView, focus: PlanFocus): Taken {
    const last = nextPicture(previous?.last, latest, [focus]);
    return { last, picture: { view: last.view, focus: last.shown }, pictureIsGood: !last.view.hasErrors, hasErrors: last.hasErrors };
}

describe('taking in plan messages', () => {
    const f = { customer: 'c', opportunity: null };

    it('draws a good plan, keeps it through broken ones, and drops the banner when fixed', () => {
        let s = acceptPlan(null, view('one'), f);
        expect([s.picture!.view.plan.customers[0]!.name, s.pictureIsGood, s.hasErrors]).toEqual(['one', true, false]);
        s = acceptPlan(s, view('broken', true), { customer: 'c', opportunity: 'x' });
        expect([s.picture!.view.plan.customers[0]!.name, s.pictureIsGood, s.hasErrors]).toEqual(['one', true, true]);
        expect(s.picture!.focus.opportunity).toBe('x');
        s = acceptPlan(s, view('two'), f);
        expect([s.picture!.view.plan.customers[0]!.name, s.hasErrors]).toEqual(['two', false]);
    });

    it('draws a first broken plan as it is, replaced by the next one', () => {
        let s = acceptPlan(null, view('b1', true), f);
        expect([s.picture!.view.plan.customers[0]!.name, s.pictureIsGood, s.hasErrors]).toEqual(['b1', false, true]);
        s = acceptPlan(s, view('b2', true), f);
        expect(s.picture!.view.plan.customers[0]!.name).toBe('b2');
    });
});

describe('saved state', () => {
    it('survives a round trip and rejects garbage', () => {
        let s: WebviewState = { ...initialState(), picture: nextPicture(null, view('one'), [{ customer: 'c', opportunity: null }]) };
        s = { ...rememberTransform(s, 'power|c|', { k: 0.5, x: 10, y: 20 }), tab: 'intimacy', selection: 'contact:c/a', legend: false };
        expect(sanitizeState(JSON.parse(JSON.stringify(s)))).toEqual(s);
        expect(sanitizeState(undefined)).toEqual(initialState());
        expect(sanitizeState({ version: 2, tab: 'power' })).toEqual(initialState());
        const bad = sanitizeState({ version: 1, tab: 'evil', transforms: { a: { k: -1, x: 0, y: 0 }, b: { k: 1, x: 'x', y: 0 } }, picture: { view: 1 } });
        expect(bad).toEqual(initialState());
    });

    it('keeps a bounded number of zoom transforms, newest last', () => {
        let s = initialState();
        for (let i = 0; i < MAX_TRANSFORMS + 10; i++) s = rememberTransform(s, `k${i}`, { k: 1, x: i, y: 0 });
        const keys = Object.keys(s.transforms);
        expect(keys).toHaveLength(MAX_TRANSFORMS);
        expect(keys.at(-1)).toBe(`k${MAX_TRANSFORMS + 9}`);
        s = rememberTransform(s, 'k20', { k: 2, x: 0, y: 0 });
        expect(Object.keys(s.transforms).at(-1)).toBe('k20');
        expect(transformKey('quadrant', 'a', 'b')).toBe('quadrant');
        expect(transformKey('power', 'a', null)).not.toBe(transformKey('power', 'a', 'b'));
    });
});

describe('arrow-key navigation', () => {
    const grid = [
        { x: 0, y: 0, w: 10, h: 10 },
        { x: 20, y: 0, w: 10, h: 10 },
        { x: 0, y: 20, w: 10, h: 10 },
        { x: 20, y: 22, w: 10, h: 10 },
    ];
    it('moves to the nearest item in the direction, nowhere past the edge', () => {
        expect(spatialNext(grid, 0, 'right')).toBe(1);
        expect(spatialNext(grid, 0, 'down')).toBe(2);
        expect(spatialNext(grid, 3, 'left')).toBe(2);
        expect(spatialNext(grid, 3, 'up')).toBe(1);
        expect(spatialNext(grid, 0, 'left')).toBe(-1);
        expect(spatialNext(grid, 0, 'up')).toBe(-1);
        expect(directionOfKey('ArrowUp')).toBe('up');
        expect(directionOfKey('a')).toBeNull();
    });
});

describe('the legend, folded or open', () => {
    it('starts folded in a side panel or a short window and open in a big one, until the user chooses; the choice is kept', () => {
        expect(initialState().legend).toBeNull();
        expect(legendOpen(null, { width: 480, height: 640 })).toBe(false);
        expect(legendOpen(null, { width: 1280, height: 800 })).toBe(false);
        expect(legendOpen(null, { width: 1400, height: 1100 })).toBe(true);
        expect(legendOpen(true, { width: 480, height: 640 })).toBe(true);
        expect(legendOpen(false, { width: 1400, height: 1100 })).toBe(false);
        expect(sanitizeState({ ...initialState(), legend: true }).legend).toBe(true);
        expect(sanitizeState({ ...initialState(), legend: false }).legend).toBe(false);
        expect(sanitizeState({ ...initialState(), legend: 'yes' }).legend).toBeNull();
    });
});
