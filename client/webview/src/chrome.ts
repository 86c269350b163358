/**
 * The page around the picture: the header (what is shown, its findings as chips), the tabs, the
 * toolbar, the "plan has errors" banner, the empty-state text and the live region for screen readers.
 */
import type { Finding, Picture, SubjectKey } from '@acct/contract';
import { clear, html } from './dom.js';
import { findingWords, FIT_TOOL } from './labels.js';
import { tabAfterKey } from './keyboard.js';
import { clampPicks, MAX_PICKS, TABS, type Tab } from './state.js';

export const TAB_LABEL: Record<Tab, string> = {
    power: 'Power map', fishbone: 'Fishbone', quadrant: 'Tier quadrant', intimacy: 'Intimacy × support', sandbox: 'Sandbox',
};

export interface ChromeActions {
    selectTab(tab: Tab): void;
    fit(): void;
    zoomBy(factor: number): void;
    exportView(): void;
    reveal(subject: SubjectKey): void;
    /** The sandbox's number of picks changed. */
    setPicks(n: number): void;
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
    private readonly picksInput: HTMLInputElement;

    constructor(container: HTMLElement, private readonly actions: ChromeActions) {
        clear(container);
        const header = html('header', { class: 'top' }, container);
        const titles = html('div', { class: 'titles' }, header);
        this.heading = html('h1', { class: 'heading' }, titles, 'Account plan');
        this.subheading = html('div', { class: 'subheading' }, titles);
        this.chips = html('div', { class: 'chips', role: 'group', 'aria-label': 'Findings on the shown element' }, header);

        const bar = html('div', { class: 'bar' }, container);
        const tablist = html('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, bar);
        for (const t of TABS) {
            const b = html('button', { class: 'tab', role: 'tab', id: `tab-${t}`, 'aria-controls': 'stage', type: 'button', 'data-tab': t }, tablist, TAB_LABEL[t]);
            b.addEventListener('click', () => actions.selectTab(t));
            b.addEventListener('keydown', e => this.onTabKey(e, t));
            this.tabs.set(t, b);
        }
        const toolbar = html('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'View tools' }, bar);
        const tool = (label: string, aria: string, action: () => void, cls = ''): HTMLButtonElement => {
            const b = html('button', { class: `tool ${cls}`.trim(), type: 'button', 'aria-label': aria, title: aria }, toolbar, label);
            b.addEventListener('click', action);
            return b;
        };
        // the sandbox's picks: its first N opportunities (shown on the sandbox tab only)
        this.picks = html('label', { class: 'picks', title: 'How many of the first opportunities are the picks', hidden: '' }, toolbar, 'Picks ');
        this.picksInput = html('input', { class: 'picks-input', type: 'number', min: 0, max: MAX_PICKS, step: 1, 'aria-label': 'Number of picks' }, this.picks);
        this.picksInput.addEventListener('input', () => {
            const n = Number(this.picksInput.value);
            if (this.picksInput.value !== '' && Number.isFinite(n)) actions.setPicks(clampPicks(n));
        });
        tool('Fit', FIT_TOOL, () => actions.fit());
        tool('−', 'Zoom out', () => actions.zoomBy(1 / 1.3));
        tool('+', 'Zoom in', () => actions.zoomBy(1.3));
        tool('Export SVG', 'Export the current view as an SVG file', () => actions.exportView(), 'primary');

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

    setHeader(heading: string, sub: string, findings: readonly Finding[]): void {
        this.heading.textContent = heading;
        this.heading.title = heading;
        this.subheading.textContent = sub;
        this.subheading.title = sub;
        clear(this.chips);
        for (const f of findings) {
            const b = html('button', {
                class: `chip sev-${f.severity}`, type: 'button',
                title: `${f.code}: ${f.message}`, 'aria-label': `${f.severity} ${f.code}: ${f.message}. Press to reveal.`,
            }, this.chips);
            html('span', { class: 'chip-dot', 'aria-hidden': 'true' }, b);
            html('span', { class: 'chip-text' }, b, findingWords(f.code));
            b.addEventListener('click', () => this.actions.reveal(f.subject));
        }
    }

    /** The banner when the latest plan has errors: over the last good picture, or over a broken one. */
    showBanner(picture: Picture | null): void {
        if (!picture?.hasErrors) {
            this.banner.hidden = true;
            document.body.classList.remove('has-errors');
            return;
        }
        const n = picture.errorLines.length;
        const what = n ? `${n} error${n === 1 ? '' : 's'}` : 'errors';
        this.bannerText.textContent = picture.view.hasErrors
            ? `The plan has ${what} — the picture may be incomplete.`
            : `The plan has ${what} — showing the last good picture until ${n === 1 ? 'it is' : 'they are'} fixed.`;
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
