/**
 * The Changes Since… page: the `acct diff` report as pictures and words. For each changed
 * customer, the power map of each changed deal (drawn by the views' own `drawView`) with what
 * moved marked over its cards — an overlay, the map itself is the panel's — then the changes in
 * words; then the new, changed and resolved findings. Every change and finding links to its
 * declaration (click or Enter: the extension opens the `.acct` file at its line). Plan text only
 * ever goes through `textContent` and attribute values.
 */
import type { ChangesPicture, FromChangesMessage, SubjectKey, ToChangesMessage, DiagnosticJson } from '@acct/contract';
import { changeSubject, isSubjectKey } from '@acct/contract';
import { ensureTooltip, html, showTip, svg, hoverTip, type NavItem } from '../dom.js';
import { buildChanges, type ChangedMap } from '../models/changes.js';
import { shownOf, shownTitle } from '../models/common.js';
import { indexFindings, type FindingIndex } from '../models/findings.js';
import { ensureDefs } from '../render-common.js';
import { estimateTextWidth } from '../text-metrics.js';
import { texts, useStrings } from '../texts.js';
import { drawView } from '../views.js';

interface VsCodeApi {
    postMessage(message: unknown): void;
    getState(): unknown;
    setState<T>(state: T): T;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi =
    typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined, getState: () => undefined, setState: s => s };
const post = (m: FromChangesMessage): void => api.postMessage(m);

/** The margin kept round a map's drawing. */
const PAD = 12;
/** The marks' text, in px: no text of the page is smaller. */
const MARK_FONT = 11;
const MARK_H = 16;
/** The page's side margins (changes.css `main`), taken from the width a map is drawn for. */
const PAGE_MARGIN = 2 * 16 + 2;

function isChangesPicture(v: unknown): v is ChangesPicture {
    if (typeof v !== 'object' || v === null) return false;
    const c = v as Partial<ChangesPicture>;
    return (
        typeof c.revision === 'string' &&
        typeof c.diff === 'object' &&
        c.diff !== null &&
        Array.isArray(c.diff.changes) &&
        typeof c.view === 'object' &&
        c.view !== null &&
        Array.isArray(c.view.plan?.customers) &&
        typeof c.strings === 'object' &&
        c.strings !== null &&
        typeof c.words === 'object' &&
        c.words !== null &&
        Array.isArray(c.located)
    );
}

/** A link to a declaration: an anchor the keyboard reaches, whose click asks the extension to open it. */
function link(parent: Element, text: string, message: FromChangesMessage | null, title: string): HTMLElement {
    if (!message) return html('span', { class: 'gone', title }, parent, text);
    const a = html('a', { href: '#', class: 'decl', title }, parent, text);
    a.addEventListener('click', e => {
        e.preventDefault();
        post(message);
    });
    return a;
}

/** Draws the marks over the cards they are about: a ring round the card, and a label on its lower edge. */
function overlay(layer: SVGGElement, items: readonly NavItem[], marks: ChangedMap['marks']): void {
    const g = svg('g', { class: 'change-marks', 'aria-hidden': 'true' }, layer);
    for (const item of items) {
        const said = marks.get(item.key);
        if (!said?.length) continue;
        item.el.classList.add('changed');
        svg('rect', { class: 'change-ring', x: item.x - 3, y: item.y - 3, width: item.w + 6, height: item.h + 6, rx: 9 }, g);
        const full = said.join(' · ');
        const room = item.w - 16 - 2 * 7;
        const mark = svg('g', { class: 'change-mark', transform: `translate(${item.x + 8},${item.y + item.h - MARK_H / 2 + 1})` }, g);
        hoverTip(mark, full);
        const bg = svg('rect', { class: 'change-mark-bg', height: MARK_H, rx: MARK_H / 2 }, mark);
        const label = svg('text', { class: 'change-mark-text', x: 7, y: 12 }, mark, full);
        // measured as drawn (a few labels); too long for the card: the first change and how many more, then cut — the whole on hover
        const width = (): number => label.getComputedTextLength?.() || estimateTextWidth(label.textContent ?? '', MARK_FONT, true);
        if (width() > room && said.length > 1) label.textContent = `${said[0]} +${said.length - 1}`;
        if (width() > room) {
            let text = label.textContent ?? '';
            while (text.length > 1 && width() > room) {
                text = text.slice(0, -1);
                label.textContent = `${text}…`;
            }
        }
        bg.setAttribute('width', String(Math.ceil(width()) + 2 * 7));
        item.el.setAttribute('aria-label', `${item.el.getAttribute('aria-label') ?? ''} — ${full}`);
    }
}

function drawMap(host: HTMLElement, data: ChangesPicture, map: ChangedMap, width: number, findings: FindingIndex): void {
    const shown = shownOf(data.view, map.focus);
    const figure = html('figure', { class: 'map', 'data-customer': map.focus.customer ?? '', 'data-opportunity': map.focus.opportunity ?? '' }, host);
    // a deal's map says which deal; the customer's own map stands under the customer's name
    if (shown.opportunity) html('figcaption', { class: 'map-title' }, figure, shownTitle(shown));
    if (map.leftChain.length)
        html(
            'p',
            { class: 'left-chain' },
            figure,
            texts().t('view.changes.leftChain', { names: texts().list(map.leftChain.map(id => nameOf(data, map.focus.customer, id))) }),
        );
    const frame = html('div', { class: 'figure' }, figure);
    const root = svg('svg', { class: 'drawing changes-picture', role: 'img' }, frame);
    const layer = svg('g', { class: 'viewport', 'data-layer': 'viewport' }, root);
    // the whole organisation: a change is marked on its person's card, whoever they are in the deal
    const drawn = drawView('power', data.view, shown, layer, {
        selection: null,
        stageWidth: width,
        stageHeight: 0,
        picks: 0,
        findings,
        wholeOrganisation: true,
    });
    drawn.result.materialize?.(null);
    overlay(layer, drawn.result.items, map.marks);
    root.setAttribute('aria-label', [drawn.heading, drawn.subheading].filter(Boolean).join(' — '));
    const w = Math.ceil(drawn.result.width + 2 * PAD);
    const h = Math.ceil(drawn.result.height + 2 * PAD);
    root.setAttribute('viewBox', `${-PAD} ${-PAD} ${w} ${h}`);
    root.setAttribute('width', String(w));
    root.setAttribute('height', String(h));
    const items = new Map<Element, NavItem>(drawn.result.items.map(item => [item.el, item]));
    const itemOf = (e: Event): NavItem | undefined => {
        const el = (e.target as Element | null)?.closest('[data-key]');
        return el ? items.get(el) : undefined;
    };
    const explain = (e: Event): void => {
        const item = itemOf(e);
        if (item) ensureTooltip(item);
        // a mark's, a cell's or a cut label's hover text, made when it is reached
        showTip(e.target);
    };
    root.addEventListener('mouseover', explain);
    root.addEventListener('focusin', explain);
    // a card opens its person's declaration, as in the panel
    root.addEventListener('click', e => {
        const item = itemOf(e);
        if (item) post({ type: 'reveal', subject: item.key });
    });
    root.addEventListener('keydown', e => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        const item = itemOf(e);
        if (item) {
            e.preventDefault();
            post({ type: 'reveal', subject: item.key });
        }
    });
}

function nameOf(data: ChangesPicture, customer: string | null, contact: string): string {
    const c = data.view.plan.customers.find(x => x.id === customer);
    const person = c && 'contacts' in c ? c.contacts.find(p => p.id === contact) : undefined;
    return person?.name ?? contact;
}

function changeList(parent: Element, data: ChangesPicture, indexes: readonly number[]): void {
    const located = new Set(data.located);
    const ul = html('ul', { class: 'change-lines' }, parent);
    for (const i of indexes) {
        const change = data.diff.changes[i]!;
        const li = html('li', { class: `change change-${change.kind}`, 'data-change': i }, ul);
        const subject = changeSubject(change);
        const line = data.words.changes[i] ?? '';
        link(
            li,
            line,
            located.has(i) ? { type: 'reveal', subject } : null,
            located.has(i) ? texts().t('view.changes.open', { place: subject }) : texts().t('view.changes.gone'),
        );
    }
}

function findingList(parent: Element, heading: string, kind: string, findings: readonly DiagnosticJson[], was: readonly string[], linked: boolean): void {
    if (!findings.length) return;
    const section = html('section', { class: `findings findings-${kind}` }, parent);
    html('h2', {}, section, heading);
    const ul = html('ul', {}, section);
    findings.forEach((d, i) => {
        const li = html('li', { class: `finding sev-${d.severity}`, 'data-code': d.code, ...(d.subject ? { 'data-subject': d.subject } : {}) }, ul);
        html('span', { class: 'sev', title: d.severity }, li, d.severity === 'error' ? '✖' : d.severity === 'warning' ? '⚠' : 'ℹ');
        const place = `${d.file}:${d.line}`;
        // a finding opens the declaration it is about; one about no element (a syntax error), its line — on the later side only
        const message: FromChangesMessage | null =
            d.subject && isSubjectKey(d.subject)
                ? { type: 'reveal', subject: d.subject as SubjectKey }
                : linked
                  ? { type: 'open', file: d.file, line: d.line }
                  : null;
        link(li, d.message, message, message ? texts().t('view.changes.open', { place }) : texts().t('view.changes.gone'));
        if (was[i]) html('span', { class: 'was' }, li, ` ${was[i]}`);
        html('span', { class: 'meta' }, li, ` ${d.code} · ${place}`);
    });
}

let current: ChangesPicture | null = null;
let drawnWidth = 0;

function render(data: ChangesPicture): void {
    current = data;
    useStrings(data.strings);
    document.documentElement.lang = data.strings.locale;
    const app = document.getElementById('app')!;
    app.replaceChildren();
    const main = html('main', { class: 'changes' }, app);
    const head = html('header', { class: 'changes-head' }, main);
    html('h1', {}, head, texts().t('view.changes.title', { revision: data.revision }));
    const md = html('button', { type: 'button', class: 'markdown', title: texts().t('view.changes.markdownHint') }, head, texts().t('view.changes.markdown'));
    md.addEventListener('click', () => post({ type: 'markdown' }));
    html('p', { class: 'summary' }, main, data.words.summary);
    const model = buildChanges(data.diff, data.view);
    const findings = indexFindings(data.view);
    drawnWidth = main.clientWidth || document.documentElement.clientWidth;
    const width = Math.max(0, drawnWidth - PAGE_MARGIN);
    const nothing = !data.diff.changes.length && !data.diff.newFindings.length && !data.diff.resolvedFindings.length && !data.diff.changedFindings.length;
    if (nothing) html('p', { class: 'none' }, main, texts().t('view.changes.none', { revision: data.revision }));
    if (model.customers.some(c => c.maps.some(m => m.marks.size))) {
        const key = html('p', { class: 'key' }, main);
        html('span', { class: 'key-sample', 'aria-hidden': 'true' }, key, '0 → 2');
        html('span', {}, key, texts().t('view.changes.key', { revision: data.revision }));
    }
    for (const customer of model.customers) {
        const section = html('section', { class: 'customer', 'data-customer': customer.customer }, main);
        html('h2', {}, section, customer.name);
        if (customer.removed.length) html('p', { class: 'removed' }, section, texts().t('view.changes.removed', { names: texts().list(customer.removed) }));
        for (const map of customer.maps) drawMap(section, data, map, width, findings);
        html('h3', {}, section, texts().t('view.changes.words'));
        changeList(section, data, customer.changes);
    }
    if (model.others.length) {
        const section = html('section', { class: 'others' }, main);
        html('h2', {}, section, texts().t('view.changes.other'));
        changeList(section, data, model.others);
    }
    const { diff, words } = data;
    findingList(main, texts().t('view.changes.new', { count: diff.newFindings.length }), 'new', diff.newFindings, [], true);
    findingList(
        main,
        texts().t('view.changes.changed', { count: diff.changedFindings.length }),
        'changed',
        diff.changedFindings.map(c => c.to),
        words.changedFindings,
        true,
    );
    findingList(main, texts().t('view.changes.resolved', { count: diff.resolvedFindings.length }), 'resolved', diff.resolvedFindings, [], false);
    document.documentElement.dataset.drawn = String(main.querySelectorAll('figure.map').length);
    post({
        type: 'drawn',
        maps: main.querySelectorAll('figure.map').length,
        links: main.querySelectorAll('a.decl').length,
        marks: model.customers.flatMap(c => c.maps.flatMap(m => [...m.marks].map(([key, said]) => `${key}: ${said.join(' · ')}`))),
    });
}

function main(): void {
    const defs = svg('svg', { class: 'defs', width: 0, height: 0, 'aria-hidden': 'true' }, null);
    document.body.insertBefore(defs, document.body.firstChild);
    ensureDefs(defs);
    const saved = api.getState();
    if (isChangesPicture(saved)) render(saved);
    window.addEventListener('message', e => {
        const m = e.data as ToChangesMessage;
        if (m?.type !== 'changes' || !isChangesPicture(m.changes)) return;
        api.setState(m.changes);
        render(m.changes);
    });
    // a new width may change a map's form (a tree, or the list of a narrow panel): drawn again
    let timer: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            const w = document.querySelector('main.changes')?.clientWidth ?? 0;
            if (current && Math.abs(w - drawnWidth) > 1) {
                // the body scrolls (changes.css)
                const scroll = document.body.scrollTop;
                render(current);
                document.body.scrollTop = scroll;
            }
        }, 100);
    }).observe(document.body);
    post({ type: 'ready' });
}

main();
