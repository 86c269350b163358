/** DOM construction helpers. Plan text only ever goes through `textContent` or attribute values. */
import type { PlanFocus, SubjectKey } from '@acct/contract';

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | null | undefined>;

function setAttrs(el: Element, attrs?: Attrs): void {
    if (!attrs) return;
    // for…in, not Object.entries: no array per element (the report makes 700,000 of them)
    for (const k in attrs) {
        const v = attrs[k];
        if (v !== null && v !== undefined) el.setAttribute(k, typeof v === 'string' ? v : String(v));
    }
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, parent?: Element | null, text?: string): SVGElementTagNameMap[K] {
    const el = document.createElementNS(SVG_NS, tag);
    setAttrs(el, attrs);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, parent?: Element | null, text?: string): HTMLElementTagNameMap[K] {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    if (text !== undefined) el.textContent = text;
    if (parent) parent.appendChild(el);
    return el;
}

const protos = new Map<string, Element>();

/**
 * A copy of what `make` builds, built once per `key` (which must name everything `make` depends
 * on): the pieces every card repeats are cloned in one call instead of built element by element
 * and attribute by attribute — the same elements, attributes and order, at a third of the cost
 * (the report draws 33,000 cards). The copy is not in the document yet.
 */
export function copyOf<T extends Element>(key: string, make: () => T): T {
    let proto = protos.get(key);
    if (!proto) {
        proto = make();
        protos.set(key, proto);
    }
    return proto.cloneNode(true) as T;
}

const recent = new Map<string, Element>();
/** How many pieces `copyOfRecent` keeps: enough for every shape of a report's views, bounded for an editor open for days. */
const RECENT_KEPT = 256;

/**
 * `copyOf` for pieces whose key is open-ended (a layout's geometry, a deal's name): the same
 * copy, from a bounded set of pieces built before, forgotten all at once when it is full.
 */
export function copyOfRecent<T extends Element>(key: string, make: () => T): T {
    let proto = recent.get(key);
    if (!proto) {
        if (recent.size >= RECENT_KEPT) recent.clear();
        proto = make();
        recent.set(key, proto);
    }
    return proto.cloneNode(true) as T;
}

/**
 * `<title>` child: the tooltip of an SVG element, made now (an item's, on its first hover or focus;
 * the tier quadrant's cells, whose title is also their accessible name in the editor).
 */
export function tooltip(parent: Element, text: string): SVGTitleElement {
    const t = document.createElementNS(SVG_NS, 'title');
    t.textContent = text;
    parent.insertBefore(t, parent.firstChild);
    return t;
}

/** Where an element keeps its hover text until the pointer or focus reaches it. */
export const TIP_ATTR = 'data-tip';

/**
 * The hover text of an SVG element, kept as an attribute and made its `<title>` when the pointer or
 * the keyboard's focus first reaches it (`showTip`, from one listener per picture): a `<title>` and
 * its text are two nodes, the report draws 21,000 such hover texts (finding and stale marks, fold
 * notes, bones, cut labels) and a reader reads a few. An attribute survives a copy (`copyOf`), and
 * the SVG export makes the titles back (`makeTips`).
 */
export function hoverTip(el: Element, text: string): void {
    el.setAttribute(TIP_ATTR, text);
}

/**
 * `hoverTip` for a part of a picture that is inside no control (a zone, a bone, an influence line):
 * its hover text is its accessible name too, as its `<title>` was when it was drawn at once — a
 * screen reader reading the editor's diagram meets it without hovering.
 */
export function namedHoverTip(el: Element, text: string): void {
    el.setAttribute('aria-label', text);
    hoverTip(el, text);
}

/** The `<title>` of the element under `target` that has a hover text, made if it is not yet (a pointer-over or focus-in listener). */
export function showTip(target: EventTarget | null): void {
    const el = target instanceof Element ? target.closest(`[${TIP_ATTR}]`) : null;
    if (el && !(el.firstElementChild instanceof SVGTitleElement)) tooltip(el, el.getAttribute(TIP_ATTR)!);
}

/** Every hover text under `root` made its `<title>`, the attributes dropped: a drawing that must carry its titles (the SVG export). */
export function makeTips(root: Element): void {
    for (const el of Array.from(root.querySelectorAll(`[${TIP_ATTR}]`))) {
        if (!(el.firstElementChild instanceof SVGTitleElement)) tooltip(el, el.getAttribute(TIP_ATTR)!);
        el.removeAttribute(TIP_ATTR);
    }
}

export function clear(el: Element): void {
    while (el.firstChild) el.removeChild(el.firstChild);
}

/** An interactive element of a view: a card or a point, with its box in content coordinates. */
export interface NavItem {
    key: SubjectKey;
    el: SVGGraphicsElement;
    x: number;
    y: number;
    w: number;
    h: number;
    /** Hover text, attached as `<title>` on first hover or focus (see `ensureTooltip`). */
    tooltip?: string;
    /** Click or Enter shows this element in the views instead of revealing the declaration (a deal to pick). */
    pick?: PlanFocus;
    /** Click or Enter shows one by one the customers this mark stands for (a crowded cell of the tier quadrant, `STANDING/COOPERATION`). */
    open?: string;
}

/** A rectangle in content coordinates. */
export interface Area {
    x0: number;
    y0: number;
    x1: number;
    y1: number;
}

export interface RenderResult {
    items: NavItem[];
    width: number;
    height: number;
    /** Adds the details of items inside `area` (all items when null), for views drawn in two steps. */
    materialize?(area: Area | null): void;
}

/** Tooltip of an item, created on first hover or focus (saves thousands of elements on big views). */
export function ensureTooltip(item: NavItem): void {
    if (item.tooltip && !(item.el.firstElementChild instanceof SVGTitleElement)) tooltip(item.el, item.tooltip);
}

/** Makes `g` (a group or a shape) a focusable, labelled control carrying its subject key. */
export function makeItem(g: SVGElement, key: SubjectKey, ariaLabel: string): void {
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    labelItem(g, key, ariaLabel);
}

/**
 * The attributes of a control that a copied piece (`copyOf`) holds already, after its `class`
 * and `transform` (set on the copy in their places): what `makeItem` sets, then `labelItem`.
 */
export const ITEM_ATTRS = { class: '', transform: '', tabindex: '0', role: 'button' } as const;

/** The rest of `makeItem` on a copy made with `ITEM_ATTRS`: its label and its subject key. */
export function labelItem(g: SVGElement, key: SubjectKey, ariaLabel: string): void {
    g.setAttribute('aria-label', ariaLabel);
    g.setAttribute('data-key', key);
}
