/**
 * The page around the picture: the header (what is shown, its findings as chips), the tabs, the
 * toolbar, the "plan has errors" banner, the empty-state text and the live region for screen readers.
 */
import type { Finding, Picture, SubjectKey, ViewedPlan } from '@acct/contract';
import type { ViewMessageKey } from '@acct/method';
import { clear, html } from './dom.js';
import { findingWords } from './labels.js';
import { tabAfterKey } from './keyboard.js';
import { clampPicks, MAX_PICKS, TABS, type Tab } from './state.js';
import { texts } from './texts.js';

const TAB_KEYS = {
    power: 'view.tab.power',
    fishbone: 'view.tab.fishbone',
    quadrant: 'view.tab.quadrant',
    intimacy: 'view.tab.intimacy',
    sandbox: 'view.tab.sandbox',
    trends: 'view.tab.trends',
} as const satisfies Record<Tab, string>;

/** A tab's name in the views' language. */
export function tabLabel(tab: Tab): string {
    return texts().t(TAB_KEYS[tab]);
}

/** The keys of the toolbar's labels, and of the other fixed labels. */
type ToolKey = Extract<ViewMessageKey, `view.tool.${string}`>;
type LabelKey = ToolKey | 'view.aria.chips' | 'view.aria.tabs' | 'view.aria.toolbar' | 'view.picks.title' | 'view.picks.aria';

export interface ChromeActions {
    selectTab(tab: Tab): void;
    fit(): void;
    zoomBy(factor: number): void;
    exportView(): void;
    reveal(subject: SubjectKey): void;
    /** The sandbox's number of picks changed. */
    setPicks(n: number): void;
    /** A deal's power map: the whole organisation, or the people who matter to the deal. */
    toggleWhole(): void;
}

export class Chrome {
    readonly stage: HTMLDivElement;
    private readonly heading: HTMLHeadingElement;
    private readonly subheading: HTMLDivElement;
    private readonly chips: HTMLDivElement;
    private readonly tabs = new Map<Tab, HTMLButtonElement>();
    private readonly banner: HTMLDivElement;
    private readonly bannerText: HTMLSpanElement;
    private readonly empty: HTMLDivElement;
    private readonly live: HTMLDivElement;
    private readonly picks: HTMLLabelElement;
    private readonly picksText: Text;
    private readonly picksInput: HTMLInputElement;
    private readonly whole: HTMLButtonElement;
    /** Every element whose words change with the language, and how to say them. */
    private readonly labelled: Array<() => void> = [];

    constructor(
        container: HTMLElement,
        private readonly actions: ChromeActions,
    ) {
        clear(container);
        const header = html('header', { class: 'top' }, container);
        const titles = html('div', { class: 'titles' }, header);
        this.heading = html('h1', { class: 'heading' }, titles, texts().t('view.accountPlan'));
        this.subheading = html('div', { class: 'subheading' }, titles);
        this.chips = html('div', { class: 'chips', role: 'group' }, header);
        this.label(this.chips, { aria: 'view.aria.chips' });

        const bar = html('div', { class: 'bar' }, container);
        const tablist = html('div', { class: 'tabs', role: 'tablist' }, bar);
        this.label(tablist, { aria: 'view.aria.tabs' });
        for (const t of TABS) {
            const b = html('button', { class: 'tab', role: 'tab', id: `tab-${t}`, 'aria-controls': 'stage', type: 'button', 'data-tab': t }, tablist);
            this.labelled.push(() => {
                b.textContent = tabLabel(t);
            });
            b.addEventListener('click', () => actions.selectTab(t));
            b.addEventListener('keydown', e => this.onTabKey(e, t));
            this.tabs.set(t, b);
        }
        const toolbar = html('div', { class: 'toolbar', role: 'toolbar' }, bar);
        this.label(toolbar, { aria: 'view.aria.toolbar' });
        const tool = (text: ToolKey | null, symbol: string, aria: ToolKey, action: () => void, cls = ''): HTMLButtonElement => {
            const b = html('button', { class: `tool ${cls}`.trim(), type: 'button' }, toolbar, symbol);
            this.label(b, { text, aria, title: aria });
            b.addEventListener('click', action);
            return b;
        };
        // the sandbox's picks: its first N opportunities (shown on the sandbox tab only)
        this.picks = html('label', { class: 'picks', hidden: '' }, toolbar);
        this.picksText = this.picks.appendChild(document.createTextNode(''));
        this.picksInput = html('input', { class: 'picks-input', type: 'number', min: 0, max: MAX_PICKS, step: 1 }, this.picks);
        this.labelled.push(() => {
            this.picksText.data = `${texts().t('view.picks.label')} `;
        });
        this.label(this.picks, { title: 'view.picks.title' });
        this.label(this.picksInput, { aria: 'view.picks.aria' });
        this.picksInput.addEventListener('input', () => {
            const n = Number(this.picksInput.value);
            if (this.picksInput.value !== '' && Number.isFinite(n)) actions.setPicks(clampPicks(n));
        });
        tool('view.tool.fit', '', 'view.tool.fit.aria', () => actions.fit());
        tool(null, '−', 'view.tool.zoomOut.aria', () => actions.zoomBy(1 / 1.3));
        tool(null, '+', 'view.tool.zoomIn.aria', () => actions.zoomBy(1.3));
        // a deal's power map: the whole organisation or the people who matter to the deal (shown for such a map only)
        this.whole = html('button', { class: 'tool whole-toggle', type: 'button', 'aria-pressed': 'false', hidden: '' }, toolbar);
        this.label(this.whole, { text: 'view.tool.whole', title: 'view.tool.whole.aria' });
        this.whole.addEventListener('click', () => actions.toggleWhole());
        tool('view.tool.export', '', 'view.tool.export.aria', () => actions.exportView(), 'primary');
        this.relabel();

        this.banner = html('div', { class: 'banner', role: 'alert', hidden: '' }, container);
        html('span', { class: 'banner-icon', 'aria-hidden': 'true' }, this.banner, '⚠');
        this.bannerText = html('span', { class: 'banner-text' }, this.banner);

        // the viewport puts the canvas first in the stage
        this.stage = html('div', { class: 'stage', id: 'stage', role: 'tabpanel' }, container);
        this.empty = html('div', { class: 'empty', hidden: '' }, this.stage);
        this.live = html('div', { class: 'sr-only', 'aria-live': 'polite' }, container);
    }

    get headingText(): string {
        return this.heading.textContent ?? '';
    }

    /** Says every fixed label again, in the views' language now. */
    relabel(): void {
        for (const say of this.labelled) say();
    }

    /** Gives `el` its text, ARIA label and title from the catalog, now and at every `relabel`. */
    private label(el: HTMLElement, keys: { text?: ToolKey | null; aria?: LabelKey; title?: LabelKey }): void {
        this.labelled.push(() => {
            const t = texts();
            if (keys.text) el.textContent = t.t(keys.text);
            if (keys.aria) el.setAttribute('aria-label', t.t(keys.aria));
            if (keys.title) el.title = t.t(keys.title);
        });
    }

    setHeader(heading: string, sub: string, findings: readonly Finding[]): void {
        this.heading.textContent = heading;
        this.heading.title = heading;
        this.subheading.textContent = sub;
        this.subheading.title = sub;
        clear(this.chips);
        for (const f of findings) {
            const b = html(
                'button',
                {
                    class: `chip sev-${f.severity}`,
                    type: 'button',
                    title: `${f.code}: ${f.message}`,
                    'aria-label': texts().t('view.chip.aria', { severity: f.severity, code: f.code, message: f.message }),
                },
                this.chips,
            );
            html('span', { class: 'chip-dot', 'aria-hidden': 'true' }, b);
            html('span', { class: 'chip-text' }, b, findingWords(f.code));
            b.addEventListener('click', () => this.actions.reveal(f.subject));
        }
    }

    /** The banner when the latest plan has errors: over the last good picture, or over a broken one. */
    showBanner(picture: Picture<ViewedPlan> | null): void {
        if (!picture?.hasErrors) {
            this.banner.hidden = true;
            document.body.classList.remove('has-errors');
            return;
        }
        const n = picture.errorLines.length;
        const t = texts();
        const what = n ? t.t('view.banner.count', { count: n }) : t.t('view.banner.some');
        this.bannerText.textContent = picture.view.hasErrors ? t.t('view.banner.broken', { what }) : t.t('view.banner.lastGood', { what, count: n });
        this.banner.title = picture.errorLines.slice(0, 10).join('\n');
        this.banner.hidden = false;
        document.body.classList.add('has-errors');
    }

    /** Shows `text` over the stage, or hides it (null). */
    showEmpty(text: string | null): void {
        this.empty.textContent = text ?? '';
        this.empty.hidden = text === null;
    }

    showTab(tab: Tab): void {
        for (const [t, b] of this.tabs) {
            const on = t === tab;
            b.setAttribute('aria-selected', String(on));
            b.tabIndex = on ? 0 : -1;
            b.classList.toggle('active', on);
        }
        this.stage.setAttribute('aria-labelledby', `tab-${tab}`);
        document.body.dataset.view = tab;
    }

    /** Shows the picks control with `n`, or hides it (null). */
    showPicks(n: number | null): void {
        this.picks.hidden = n === null;
        if (n !== null && document.activeElement !== this.picksInput) this.picksInput.value = String(n);
    }

    /** Shows the whole-organisation toggle pressed or not, or hides it (null: not a deal's power map with a decision chain). */
    showWhole(whole: boolean | null): void {
        this.whole.hidden = whole === null;
        this.whole.setAttribute('aria-pressed', String(whole === true));
        this.whole.classList.toggle('pressed', whole === true);
    }

    announce(text: string): void {
        this.live.textContent = text;
    }

    private onTabKey(e: KeyboardEvent, t: Tab): void {
        const next = tabAfterKey(e.key, t);
        if (!next) return;
        e.preventDefault();
        this.actions.selectTab(next);
        this.tabs.get(next)!.focus();
    }
}
