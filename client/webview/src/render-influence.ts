/**
 * The influence lines of the power map, drawn under the org chart's edges and the cards: dashed,
 * with an arrowhead at the person influenced, in the opposing colour from someone who opposes us.
 * Each line's tooltip says who influences whom.
 */
import { namedHoverTip, svg } from './dom.js';
import type { PlacedInfluence } from './influence-layout.js';
import { ARROW_ID, ARROW_OPPOSED_ID } from './render-common.js';

export function renderInfluences(parent: Element, lines: readonly PlacedInfluence[]): void {
    if (!lines.length) return;
    const layer = svg('g', { class: 'influences' }, parent);
    for (const l of lines) {
        const g = svg(
            'g',
            {
                class: ['influence', l.opposed ? 'opposed' : '', l.dimmed ? 'dimmed' : ''].filter(Boolean).join(' '),
                'data-from': l.from,
                'data-to': l.to,
            },
            layer,
        );
        namedHoverTip(g, l.tooltip);
        // a wide transparent stroke under the line makes it easy to hover
        svg('path', { class: 'influence-hit', d: l.d }, g);
        svg('path', { class: 'influence-line', d: l.d, 'marker-end': `url(#${l.opposed ? ARROW_OPPOSED_ID : ARROW_ID})` }, g);
    }
}
