/**
 * The fishbone of a deal: the head ("win the bid" and the deal), the spine, one bone per group
 * with its people (role letter, name, support badge as on the power map), the people without a
 * group apart with the hint to assign one; without a deal, the customer's active deals to pick.
 */
import { roleMeanings } from '@acct/method';
import { copyOf, copyOfRecent, ITEM_ATTRS, labelItem, makeItem, svg, namedHoverTip, type NavItem, type RenderResult } from './dom.js';
import { LABEL_LINE, PERSON_H, type Box, type FishboneLayout, type PlacedBone, type PlacedPerson } from './fishbone-layout.js';
import { groupHint, type FishboneModel } from './models/fishbone.js';
import { texts } from './texts.js';
import { findingMarker, supportBadge, supportClass } from './render-common.js';
import { fitText, wrapText } from './text-metrics.js';

const NAME_FONT = 12.5;
const BADGE_W = 26;

function person(parent: Element, p: PlacedPerson, selected: string | null): NavItem {
    const m = p.person;
    // the frame, role corner and letter are the same for every person of a size and role: cloned, with
    // the control's attributes in their places (the same elements and attributes, in the same order)
    const g = copyOf(`fb-person ${p.w} ${p.h} ${m.role ?? ''}`, () => {
        const { class: cls, transform, ...control } = ITEM_ATTRS;
        const g = svg('g', { class: cls, transform, 'data-group': '', ...control }, null);
        svg('rect', { class: 'fb-card-bg', width: p.w, height: p.h, rx: 6 }, g);
        if (m.role) {
            svg('path', { class: 'role-bg', d: `M0,6A6,6 0 0 1 6,0H22V${p.h}H6A6,6 0 0 1 0,${p.h - 6}Z` }, g);
            svg('text', { class: 'role-letter', x: 11, y: p.h / 2 + 5, 'text-anchor': 'middle' }, g, roleMeanings[m.role].letter);
        }
        return g;
    });
    g.setAttribute(
        'class',
        ['fb-person', supportClass(m.support), m.role ? `role-${m.role}` : 'no-role', m.key === selected ? 'selected' : ''].filter(Boolean).join(' '),
    );
    g.setAttribute('transform', `translate(${p.x},${p.y})`);
    g.setAttribute('data-group', m.group ?? '');
    labelItem(g, m.key, m.ariaLabel);
    parent.appendChild(g);
    const left = m.role ? 29 : 8;
    const markerW = m.findings.length ? 20 : 0;
    svg('text', { class: 'fb-name', x: left, y: p.h / 2 + 4.5 }, g, fitText(m.name, p.w - left - BADGE_W - 12 - markerW, NAME_FONT, true).text);
    if (markerW) findingMarker(g, m.findings, p.w - BADGE_W - 19, p.h / 2);
    supportBadge(g, m.support, p.w - BADGE_W / 2 - 5, p.h / 2, BADGE_W, 18);
    return { key: m.key, el: g, x: p.x, y: p.y, w: p.w, h: p.h, tooltip: m.tooltip };
}

/** The head, pointing away from the spine: right when it lies, up when it stands (the same for every deal of a name and size: cloned). */
function head(parent: Element, box: Box, dealName: string, upright: boolean): void {
    const tip = texts().t('view.fishbone.head', { deal: dealName });
    const title = texts().t('view.fishbone.headTitle');
    const g = copyOfRecent(['fb-head', box.w, box.h, upright, tip, title, dealName].join('\u0001'), () => {
        const g = svg('g', { class: 'fb-head', transform: '' }, null);
        namedHoverTip(g, tip);
        const point = 16;
        svg(
            'path',
            {
                class: 'fb-head-bg',
                d: upright
                    ? `M0,${point}L${box.w / 2},0L${box.w},${point}V${box.h}H0Z`
                    : `M0,0H${box.w - point}L${box.w},${box.h / 2}L${box.w - point},${box.h}H0Z`,
            },
            g,
        );
        const top = upright ? point - 2 : 0;
        svg('text', { class: 'fb-head-title', x: 10, y: top + 20 }, g, title);
        wrapText(dealName, box.w - (upright ? 20 : 30), 12, 3, true).lines.forEach((l, i) =>
            svg('text', { class: 'fb-head-deal', x: 10, y: top + 38 + i * 15 }, g, l),
        );
        return g;
    });
    g.setAttribute('transform', `translate(${box.x},${box.y})`);
    parent.appendChild(g);
}

/** The spine and the bones with their names and ticks: the same for every fishbone of a shape (cloned). */
function skeleton(layout: FishboneLayout): SVGGElement {
    const t = texts();
    const tipOf = (b: PlacedBone): string => (b.people.length ? b.bone.meaning : t.t('view.fishbone.emptyBone', { meaning: b.bone.meaning }));
    const tickOf = (p: PlacedPerson): string => (p.tick ? `M${p.tick[0][0]},${p.tick[0][1]}L${p.tick[1][0]},${p.tick[1][1]}` : '');
    // everything the drawing holds: the spine, and each bone's group, tooltip, path, name and ticks
    const key = [
        'fb-skeleton',
        layout.spine,
        ...layout.bones.flatMap(b => [
            b.bone.group,
            b.people.length,
            tipOf(b),
            b.d,
            b.label.x,
            b.label.y,
            b.label.anchor,
            ...b.label.lines,
            ...b.people.map(tickOf),
        ]),
    ].join('\u0001');
    return copyOfRecent(key, () => {
        const skeleton = svg('g', { class: 'fb-skeleton' }, null);
        svg('path', { class: 'fb-spine', d: layout.spine }, skeleton);
        for (const b of layout.bones) {
            const g = svg('g', { class: `fb-bone-group bone-${b.bone.group}${b.people.length ? '' : ' empty'}`, 'data-group': b.bone.group }, skeleton);
            namedHoverTip(g, tipOf(b));
            svg('path', { class: 'fb-bone', d: b.d }, g);
            b.label.lines.forEach((l, i) =>
                svg(
                    'text',
                    {
                        class: 'fb-bone-label',
                        x: b.label.x,
                        y: b.label.y + i * LABEL_LINE,
                        'text-anchor': b.label.anchor,
                    },
                    g,
                    l,
                ),
            );
            for (const p of b.people) if (p.tick) svg('path', { class: 'fb-tick', d: tickOf(p) }, g);
        }
        return skeleton;
    });
}

/** The frame of the people without a group: its title and the hint to assign one (cloned; the people are added to the copy). */
function apart(box: Box, count: number): SVGGElement {
    const t = texts();
    const title = t.t('view.fishbone.apart', { count });
    const hint = t.t('view.fishbone.apartHint', { hint: groupHint() });
    return copyOfRecent(['fb-apart', box.x, box.y, box.w, box.h, title, hint].join('\u0001'), () => {
        const g = svg('g', { class: 'fb-apart' }, null);
        svg('rect', { class: 'fb-apart-bg', x: box.x, y: box.y, width: box.w, height: box.h, rx: 8 }, g);
        svg('text', { class: 'fb-apart-title', x: box.x + 12, y: box.y + 18 }, g, title);
        wrapText(hint, box.w - 24, 11.5, 3).lines.forEach((l, i) => svg('text', { class: 'fb-sub', x: box.x + 12, y: box.y + 33 + i * 14 }, g, l));
        return g;
    });
}

export function renderFishbone(layer: SVGGElement, model: FishboneModel, layout: FishboneLayout, selected: string | null): RenderResult {
    const items: NavItem[] = [];
    const deal = model.shown.opportunity;
    const t = texts();
    if (!deal) {
        const customer = model.shown.customer;
        const intro = !customer
            ? t.t('view.noCustomerYet')
            : layout.choices.length
              ? t.t('view.fishbone.introPick', { customer: customer.name })
              : t.t('view.fishbone.introNone', { customer: customer.name });
        wrapText(intro, layout.width - 30, 13, 2, true).lines.forEach((l, i) => svg('text', { class: 'fb-intro', x: 24, y: 36 + i * 17 }, layer, l));
        const list = svg('g', { class: 'fb-choices' }, layer);
        for (const c of layout.choices) {
            const g = svg('g', { class: 'fb-choice', transform: `translate(${c.x},${c.y})` }, list);
            makeItem(g, c.choice.key, c.choice.ariaLabel);
            svg('rect', { class: 'fb-card-bg', width: c.w, height: c.h, rx: 6 }, g);
            svg('text', { class: 'fb-name', x: 12, y: 17 }, g, fitText(c.choice.name, c.w - 24, NAME_FONT, true).text);
            const stage = c.choice.stage ? t.name('stages', c.choice.stage) : t.t('view.noStage');
            svg('text', { class: 'fb-sub', x: 12, y: 33 }, g, t.t('view.fishbone.choiceSub', { stage, count: c.choice.chainSize }));
            items.push({
                key: c.choice.key,
                el: g,
                x: c.x,
                y: c.y,
                w: c.w,
                h: c.h,
                pick: c.choice.focus,
                tooltip: t.t('view.fishbone.show', { deal: c.choice.name }),
            });
        }
        return { items, width: layout.width, height: layout.height };
    }
    layer.appendChild(skeleton(layout));
    if (layout.head) head(layer, layout.head, deal.name, layout.orientation === 'vertical');
    const people = svg('g', { class: 'fb-people' }, layer);
    for (const b of layout.bones) for (const p of b.people) items.push(person(people, p, selected));
    if (layout.ungrouped) {
        const { box } = layout.ungrouped;
        const g = apart(box, layout.ungrouped.people.length);
        layer.appendChild(g);
        for (const p of layout.ungrouped.people) items.push(person(g, p, selected));
    }
    return { items, width: layout.width, height: Math.max(layout.height, PERSON_H) };
}
