/**
 * The one in-page measure of what a picture draws, for every browser test: a text's size as
 * rendered (its font size × the zoom of its screen matrix), its box on screen against its
 * picture's, the boxes of two sets of elements that must not meet, and a point of an SVG path on
 * screen. `installGeometry(page)` puts it in the page as `window.acctGeometry` (after each
 * navigation), so that a test's own in-page code calls it; `pictureLabels` is the common check:
 * every label inside its picture and at least 11 px.
 */
import type { Frame, Page } from 'playwright-core';

/** A box on screen, in CSS px. */
export interface ScreenBox {
    left: number;
    top: number;
    right: number;
    bottom: number;
}

/** A drawn text: what it says (at most 40 characters), its rendered size and its box on screen. */
export interface DrawnText {
    text: string;
    px: number;
    box: ScreenBox;
}

/** What the page gets: see `geometryInPage`. */
export interface Geometry {
    /** The size a text is drawn at, in CSS px: an SVG text's font size scaled by its screen matrix; an HTML element's own. */
    textPx(el: Element): number;
    /** Each element `selector` selects under `root` (SVG texts by default) that shows a text: its size and box. */
    texts(root: ParentNode, selector?: string): DrawnText[];
    /** `box` is wholly inside `outer`, give or take `tol` px (`sidesOnly`: its top and bottom not counted). */
    inside(box: ScreenBox, outer: ScreenBox, tol?: number, sidesOnly?: boolean): boolean;
    /** Each element of `a` whose box meets one of `b`'s by more than `tol` px each way: "a's text × b's text". */
    collisions(root: ParentNode, a: string, b: string, tol?: number): string[];
    /** The point of `path` at `length` along it (its end when absent), on screen. */
    pathPoint(path: SVGGeometryElement, length?: number): { x: number; y: number };
    /**
     * The labels of every picture `pictures` selects (those holding `has`): how many, and each one
     * smaller than `minPx` ("TEXT: 10.50 px") or not wholly inside its picture ("TEXT: outside its picture";
     * `sizeOnly`: a canvas that pans, whose drawing may go on beyond it).
     */
    pictureLabels(args: { pictures: string; has?: string; minPx: number; sizeOnly?: boolean }): { count: number; problems: string[] };
}

declare global {
    interface Window {
        acctGeometry: Geometry;
    }
}

/** Runs in the page: self-contained (Playwright sends its source), it sets `window.acctGeometry`. */
function geometryInPage(): void {
    const boxOf = (el: Element): ScreenBox => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const label = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const textPx = (el: Element): number => {
        const size = parseFloat(getComputedStyle(el).fontSize);
        const m = el instanceof SVGGraphicsElement ? el.getScreenCTM() : null;
        return m ? size * Math.hypot(m.a, m.b) : size;
    };
    const texts = (root: ParentNode, selector = 'text'): DrawnText[] =>
        Array.from(root.querySelectorAll(selector)).flatMap(el => {
            const r = el.getBoundingClientRect();
            return r.width && (el.textContent ?? '').trim() ? [{ text: label(el), px: textPx(el), box: boxOf(el) }] : [];
        });
    const inside = (box: ScreenBox, outer: ScreenBox, tol = 0.5, sidesOnly = false): boolean =>
        box.left >= outer.left - tol && box.right <= outer.right + tol && (sidesOnly || (box.top >= outer.top - tol && box.bottom <= outer.bottom + tol));
    const collisions = (root: ParentNode, a: string, b: string, tol = 0.5): string[] => {
        const bs = Array.from(root.querySelectorAll(b)).map(el => ({ el, box: boxOf(el) }));
        const found: string[] = [];
        for (const x of Array.from(root.querySelectorAll(a))) {
            const p = boxOf(x);
            for (const y of bs) {
                const w = Math.min(p.right, y.box.right) - Math.max(p.left, y.box.left);
                const h = Math.min(p.bottom, y.box.bottom) - Math.max(p.top, y.box.top);
                if (x !== y.el && w > tol && h > tol) found.push(`${label(x) || x.getAttribute('class')} × ${label(y.el) || y.el.getAttribute('class')}`);
            }
        }
        return found;
    };
    const pathPoint = (path: SVGGeometryElement, length?: number): { x: number; y: number } => {
        const q = path.getPointAtLength(length ?? path.getTotalLength());
        const s = new DOMPoint(q.x, q.y).matrixTransform(path.getScreenCTM()!);
        return { x: s.x, y: s.y };
    };
    const pictureLabels = (args: { pictures: string; has?: string; minPx: number; sizeOnly?: boolean }) => {
        const problems: string[] = [];
        let count = 0;
        for (const root of Array.from(document.querySelectorAll(args.pictures))) {
            if (args.has && !root.querySelector(args.has)) continue;
            const picture = boxOf(root);
            for (const t of texts(root)) {
                count++;
                if (t.px < args.minPx - 0.01) problems.push(`${t.text}: ${t.px.toFixed(2)} px`);
                if (!args.sizeOnly && !inside(t.box, picture)) problems.push(`${t.text}: outside its picture`);
            }
        }
        return { count, problems };
    };
    window.acctGeometry = { textPx, texts, inside, collisions, pathPoint, pictureLabels };
}

/** Puts the measure in the page (again after a navigation: a new document forgets it). */
export async function installGeometry(page: Page | Frame): Promise<void> {
    await page.evaluate(geometryInPage);
}

/** Every label of the pictures `pictures` selects (holding `has`): inside its picture (unless `sizeOnly`) and at least `minPx` (11). */
export async function pictureLabels(
    page: Page | Frame,
    pictures: string,
    opts: { has?: string; minPx?: number; sizeOnly?: boolean } = {},
): Promise<{ count: number; problems: string[] }> {
    await installGeometry(page);
    return page.evaluate(args => window.acctGeometry.pictureLabels(args), { pictures, ...opts, minPx: opts.minPx ?? 11 });
}
