/**
 * Webview entry: the live power map, fishbone, tier quadrant, intimacy × support and sandbox views. Draws the
 * `Picture` the panel sends (or the one saved by the previous instance of the page); what is
 * shown is decided by the panel (client/src/picture.ts), never here.
 */
import { isInParts, type Picture, type PlanPart, type StageAge, type TrendsState, type ViewedPlan } from '@acct/contract';
import { Chrome, tabLabel } from './chrome.js';
import { drawnPicture, partsOf } from './held-picture.js';
import { connectHost, isToWebviewMessage } from './host.js';
import { Navigation } from './keyboard.js';
import { exportTitle } from './labels.js';
import { LegendPanel } from './legend-panel.js';
import { shownOf, type Shown } from './models/common.js';
import { legendOpen, rememberTransform, sanitizeState, transformKey, type Tab, type WebviewState } from './state.js';
import { Viewport } from './viewport.js';
import { drawView, exportName, readableScale, type DrawnView } from './views.js';
import { texts, useStrings } from './texts.js';

const NOTHING: Shown = { customer: null, opportunity: null };

class App {
    private readonly host = connectHost();
    private state: WebviewState;
    private readonly chrome: Chrome;
    private readonly canvas: Viewport;
    private readonly legend: LegendPanel;
    private readonly nav: Navigation;
    private shown: Shown = NOTHING;
    /** Zoom key of what is drawn (view and element); empty before the first picture. */
    private currentKey = '';
    /** An SVG export was asked for before there was anything to draw. */
    private svgRequested: boolean | number = false;
    private persistTimer: ReturnType<typeof setTimeout> | undefined;
    /** The shape the current picture was drawn in for the stage's size (a list or a tree, upright or across), and how to tell it for another size. */
    private drawnShape: DrawnView['shape'] = { name: '', for: () => '' };
    /** The picture held, with its plan assembled from its parts once (`held` is the picture it was assembled from). */
    private assembled: { held: unknown; picture: Picture<ViewedPlan> | null } = { held: null, picture: null };
    /** The Trends view's element over time, as the panel last sent it. */
    private trends: TrendsState | null = null;
    /** Since when each open opportunity has held its stage (the sandbox). */
    private stageAges: Record<string, StageAge> = {};
    /** The tier quadrant's crowded cell shown one by one (the last group clicked), until another is. */
    private openedCell: string | null = null;
    /** Parts sent ahead of the picture that names them (`parts` messages): kept for that picture alone, neither drawn nor saved. */
    private ahead: PlanPart[] = [];

    constructor(container: HTMLElement) {
        this.state = sanitizeState(this.host.getState());
        if (this.state.strings) useStrings(this.state.strings);
        this.chrome = new Chrome(container, {
            selectTab: tab => this.setTab(tab),
            fit: () => this.canvas.fit(),
            zoomBy: factor => this.canvas.zoomBy(factor),
            exportView: () => this.exportView(),
            reveal: subject => this.host.post({ type: 'reveal', subject }),
            setPicks: n => this.setPicks(n),
            toggleWhole: () => this.toggleWhole(),
        });
        this.canvas = new Viewport(
            this.chrome.stage,
            t => {
                if (!this.currentKey) return;
                this.state = rememberTransform(this.state, this.currentKey, t);
                this.persist(false);
            },
            () => this.onResize(),
        );
        this.legend = new LegendPanel(container, () => this.toggleLegend());
        this.nav = new Navigation(this.canvas.layer, this.canvas.root, {
            selection: () => this.state.selection,
            setSelection: key => {
                this.state.selection = key;
                this.persist(false);
            },
            // a deal offered to pick is shown in the views; a commit of the Trends opens its change; anything else is revealed in the editor
            reveal: item => {
                // a crowded cell of the quadrant: its customers shown one by one, each then revealed by its own click
                if (item.open !== undefined) return this.openCell(item.open);
                this.host.post(
                    item.pick
                        ? { type: 'show', focus: item.pick }
                        : item.el.dataset.commit
                          ? { type: 'openCommit', commit: item.el.dataset.commit }
                          : { type: 'reveal', subject: item.key },
                );
            },
            ensureVisible: item => this.canvas.ensureVisible(item),
            zoomBy: factor => this.canvas.zoomBy(factor),
        });
        window.addEventListener('message', e => this.onMessage(e.data));
        this.showTab();
        this.render();
        this.announce();
    }

    /** Says the page is ready for a picture, with the parts of a plan it holds (the panel sends only the others). */
    private announce(): void {
        const parts = this.state.parts.map(p => p.stamp);
        this.host.post(parts.length ? { type: 'ready', parts } : { type: 'ready' });
        this.host.post({ type: 'view', view: this.state.tab });
    }

    /** The picture held, its plan assembled from its parts. */
    private get picture(): Picture<ViewedPlan> | null {
        if (this.assembled.held !== this.state.picture) {
            this.assembled = { held: this.state.picture, picture: drawnPicture(this.state.picture, this.state.parts) };
        }
        return this.assembled.picture;
    }

    private onMessage(data: unknown): void {
        if (!isToWebviewMessage(data)) return;
        if (data.type === 'showView') {
            this.setTab(data.view);
            this.persist(true);
            return;
        }
        if (data.type === 'requestSvg') {
            // Asked before the first picture arrived: answer as soon as there is one.
            if (this.picture) this.exportView(data.request);
            else this.svgRequested = data.request ?? true;
            return;
        }
        if (data.type === 'trends') {
            this.trends = data.trends;
            if (this.state.tab === 'trends') this.render();
            return;
        }
        if (data.type === 'stageAges') {
            this.stageAges = data.ages;
            if (this.state.tab === 'sandbox') this.render();
            return;
        }
        if (data.type === 'strings') {
            useStrings(data.strings);
            this.state.strings = data.strings;
            this.chrome.relabel();
            this.legend.relabel();
            this.showTab();
            this.render();
            this.persist(true);
            return;
        }
        if (data.type === 'parts') {
            // the picture that names them comes next: drawn then, once, with all its parts
            this.ahead.push(...data.parts);
            return;
        }
        const ahead = this.ahead;
        this.ahead = [];
        if (isInParts(data.picture)) {
            const parts = partsOf(data.picture, [...ahead, ...(data.parts ?? [])], this.state.parts);
            if (!parts) {
                // the panel counted on a part this page does not hold: it sends them again to a page that says `ready`
                this.announce();
                return;
            }
            this.state.parts = parts;
        } else {
            this.state.parts = [];
        }
        this.state.picture = data.picture;
        this.render();
        this.persist(true);
        if (this.svgRequested !== false) {
            const request = this.svgRequested;
            this.svgRequested = false;
            this.exportView(request === true ? undefined : request);
        }
    }

    private render(): void {
        performance.mark('acct:render:start');
        try {
            this.draw();
        } catch (err) {
            // never leave a blank or half-built page: say what happened
            console.error('acct: cannot draw the plan', err);
            this.canvas.endDraw(null);
            this.nav.setItems([]);
            this.chrome.showEmpty(texts().t('view.cannotDraw', { detail: err instanceof Error ? err.message : String(err) }));
        } finally {
            performance.mark('acct:render:end');
            performance.measure('acct:render', 'acct:render:start', 'acct:render:end');
        }
    }

    private draw(): void {
        const hadFocus = this.nav.focusedKey();
        const layer = this.canvas.beginDraw();
        this.nav.setItems([]);
        const picture = this.picture;
        this.chrome.showBanner(picture);
        this.chrome.showWhole(null);
        if (!picture) {
            this.canvas.endDraw(null);
            this.chrome.setHeader(texts().t('view.accountPlan'), texts().t('view.waiting'), []);
            this.chrome.showEmpty(texts().t('view.waiting.hint'));
            this.showLegend();
            return;
        }
        this.shown = shownOf(picture.view, picture.shown);
        const tab = this.state.tab;
        // the legend first: the drawing is laid out for the room it leaves
        this.showLegend();
        const stage = this.canvas.measure();
        const drawn = drawView(tab, picture.view, this.shown, layer, {
            selection: this.state.selection,
            stageWidth: stage.w,
            stageHeight: stage.h,
            picks: this.state.picks,
            trends: this.trends,
            stageAges: this.stageAges,
            wholeOrganisation: this.state.whole,
            openCell: this.openedCell,
        });
        this.chrome.showWhole(drawn.fold ? drawn.fold.whole : null);
        this.drawnShape = drawn.shape;
        this.canvas.root.dataset.shape = drawn.shape.name;
        this.chrome.setHeader(drawn.heading, drawn.subheading, drawn.headerFindings);
        this.canvas.endDraw(drawn.result, readableScale(tab));
        this.nav.setItems(drawn.result.items);
        this.chrome.showEmpty(drawn.emptyText);

        // the whole organisation is another picture than the people who matter: its own zoom, fitted when first shown
        const key = transformKey(tab, this.shown.customer?.id ?? null, this.shown.opportunity?.id ?? null) + (drawn.fold?.whole ? '|whole' : '');
        const keyChanged = key !== this.currentKey;
        this.currentKey = key;
        this.canvas.restore(this.state.transforms[key], keyChanged);
        this.nav.refocus(hadFocus);
        if (keyChanged) this.chrome.announce(`${tabLabel(tab)}: ${this.chrome.headingText}`);
    }

    private get legendOpen(): boolean {
        return legendOpen(this.state.legend, { width: innerWidth, height: innerHeight });
    }

    private showLegend(): void {
        this.legend.show(this.state.picture ? this.state.tab : null, this.legendOpen);
    }

    private toggleLegend(): void {
        this.state.legend = !this.legendOpen;
        this.showLegend();
        // the drawing takes the room the legend gives or takes
        this.render();
        this.persist(false);
    }

    /** Redraws a view whose shape follows the stage's size (the fishbone stands up, the power map becomes a list, the charts size their cells). */
    private onResize(): void {
        if (!this.state.picture) return;
        const stage = this.canvas.measure();
        if (this.drawnShape.for(stage.w, stage.h) !== this.drawnShape.name) this.render();
    }

    private setPicks(n: number): void {
        if (n === this.state.picks) return;
        this.state.picks = n;
        if (this.state.tab === 'sandbox') this.render();
        this.persist(false);
    }

    private openCell(cell: string): void {
        this.openedCell = cell;
        this.render();
    }

    private toggleWhole(): void {
        this.state.whole = !this.state.whole;
        this.render();
        this.persist(false);
    }

    private setTab(tab: Tab): void {
        if (this.state.tab === tab) return;
        this.state.tab = tab;
        this.host.post({ type: 'view', view: tab });
        const s = this.state.selection ?? '';
        const fits =
            tab === 'quadrant'
                ? s.startsWith('customer:')
                : tab === 'sandbox'
                  ? s.startsWith('opportunity:')
                  : tab === 'trends'
                    ? false
                    : s.startsWith('contact:') || (tab === 'fishbone' && s.startsWith('opportunity:'));
        if (!fits) this.state.selection = null;
        this.showTab();
        this.render();
        this.persist(false);
    }

    private showTab(): void {
        this.chrome.showTab(this.state.tab);
        this.chrome.showPicks(this.state.tab === 'sandbox' ? this.state.picks : null);
        this.canvas.root.setAttribute('aria-label', tabLabel(this.state.tab));
    }

    private exportView(request?: number): void {
        const picture = this.picture;
        if (!picture) return;
        const tab = this.state.tab;
        const title = exportTitle(tabLabel(tab), this.chrome.headingText, picture.view.plan.today ?? null);
        const svg = this.canvas.exportSvg(title, this.legend.forExport());
        this.host.post({ type: 'exportSvg', svg, suggestedName: exportName(tab, this.shown), ...(request === undefined ? {} : { request }) });
    }

    private persist(now: boolean): void {
        if (this.persistTimer) clearTimeout(this.persistTimer);
        this.persistTimer = undefined;
        if (now) {
            this.host.setState(this.state);
        } else {
            this.persistTimer = setTimeout(() => {
                this.persistTimer = undefined;
                this.host.setState(this.state);
            }, 150);
        }
    }
}

const app = new App(document.getElementById('app') ?? document.body);
(window as unknown as { acctWebview?: App }).acctWebview = app;
