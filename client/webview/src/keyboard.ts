/**
 * Keyboard and pointer navigation between the items of a view (cards, points): arrow keys to the
 * nearest item in that direction, Home/End, Enter or Space (or a click) to reveal, Escape to let
 * go; and arrow keys between the tabs.
 */
import { ensureTooltip, showTip, type NavItem } from './dom.js';
import { directionOfKey, spatialNext } from './nav.js';
import { TABS, type Tab } from './state.js';

export interface NavigationActions {
    /** The selected item's key, kept in the saved state. */
    selection(): string | null;
    setSelection(key: string | null): void;
    reveal(item: NavItem): void;
    ensureVisible(item: NavItem): void;
    zoomBy(factor: number): void;
}

export class Navigation {
    private items: NavItem[] = [];
    private pointing = false;
    private readonly index = new Map<string, number>();

    /** `scope` holds the items (the zoomed layer); `surface` receives the events (the canvas). */
    constructor(
        private readonly scope: Element,
        surface: Element,
        private readonly actions: NavigationActions,
    ) {
        surface.addEventListener('click', e => this.onClick(e as MouseEvent));
        surface.addEventListener('keydown', e => this.onKey(e as KeyboardEvent));
        surface.addEventListener('focusin', e => this.onFocus(e as FocusEvent));
        surface.addEventListener('pointerover', e => {
            const it = this.itemOf(e.target);
            if (it) ensureTooltip(it);
            // a mark's, a cell's or a cut label's hover text, made when the pointer reaches it
            showTip(e.target);
        });
        // an item focused by a click is under the pointer already: the picture must not move under it
        surface.addEventListener('pointerdown', () => {
            this.pointing = true;
        });
        window.addEventListener('pointerup', () => {
            this.pointing = false;
        });
    }

    setItems(items: NavItem[]): void {
        this.items = items;
        this.index.clear();
        items.forEach((it, i) => this.index.set(it.key, i));
    }

    /** The key of the item that has the keyboard focus, if any. */
    focusedKey(): string | null {
        const a = document.activeElement;
        return a instanceof SVGElement && this.scope.contains(a) ? a.getAttribute('data-key') : null;
    }

    /** Gives the keyboard focus back to the item `key` after a redraw. */
    refocus(key: string | null): void {
        const i = key ? this.index.get(key) : undefined;
        if (i !== undefined) this.items[i]!.el.focus({ preventScroll: true });
    }

    select(key: string | null): void {
        const current = this.actions.selection();
        if (current === key) return;
        const prev = current ? this.index.get(current) : undefined;
        if (prev !== undefined) this.items[prev]!.el.classList.remove('selected');
        const next = key ? this.index.get(key) : undefined;
        if (next !== undefined) this.items[next]!.el.classList.add('selected');
        this.actions.setSelection(key);
    }

    private itemOf(target: EventTarget | null): NavItem | null {
        const el = target instanceof Element ? target.closest('[data-key]') : null;
        if (!el) return null;
        const i = this.index.get(el.getAttribute('data-key') ?? '');
        return i === undefined ? null : (this.items[i] ?? null);
    }

    private reveal(item: NavItem): void {
        this.select(item.key);
        this.actions.reveal(item);
    }

    private onClick(e: MouseEvent): void {
        const item = this.itemOf(e.target);
        if (!item) return;
        item.el.focus({ preventScroll: true });
        this.reveal(item);
    }

    private onFocus(e: FocusEvent): void {
        showTip(e.target);
        const item = this.itemOf(e.target);
        if (!item) return;
        ensureTooltip(item);
        this.select(item.key);
        if (!this.pointing) this.actions.ensureVisible(item);
    }

    private onKey(e: KeyboardEvent): void {
        const item = this.itemOf(e.target);
        const dir = directionOfKey(e.key);
        const focus = (i: number): void => this.items[i]!.el.focus({ preventScroll: true });
        if (!item) {
            if ((dir || e.key === 'Home') && this.items.length) {
                e.preventDefault();
                const selection = this.actions.selection();
                focus(selection ? (this.index.get(selection) ?? 0) : 0);
            }
            return;
        }
        const from = this.index.get(item.key)!;
        if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            this.reveal(item);
        } else if (dir) {
            e.preventDefault();
            const to = spatialNext(this.items, from, dir);
            if (to >= 0) focus(to);
        } else if (e.key === 'Home' || e.key === 'End') {
            e.preventDefault();
            focus(e.key === 'Home' ? 0 : this.items.length - 1);
        } else if (e.key === 'Escape') {
            this.select(null);
            item.el.blur();
        } else if (e.key === '+' || e.key === '=') {
            this.actions.zoomBy(1.3);
        } else if (e.key === '-') {
            this.actions.zoomBy(1 / 1.3);
        }
    }
}

/** The tab an arrow, Home or End key moves to from `tab`, or null for other keys. */
export function tabAfterKey(key: string, tab: Tab): Tab | null {
    const i = TABS.indexOf(tab);
    let j = -1;
    if (key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (key === 'ArrowLeft') j = (i + TABS.length - 1) % TABS.length;
    else if (key === 'Home') j = 0;
    else if (key === 'End') j = TABS.length - 1;
    return j < 0 ? null : TABS[j]!;
}
