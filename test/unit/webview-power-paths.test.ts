import { describe, expect, it } from 'vitest';
import type { PlanView } from '@acct/contract';
import { shownIn } from '../../client/src/picture.js';
import { layoutPowerMap } from '../../client/webview/src/layout.js';
import { translatePath } from '../../client/webview/src/power-map-geometry.js';
import { shownOf } from '../../client/webview/src/models/common.js';
import { buildPowerMap } from '../../client/webview/src/models/power-map.js';
import { bigCustomerView } from '../browser/synthetic.mjs';

const r = (n: number): number => Math.round(n * 10) / 10;

/** What the power map's links were translated with before the scan: the regular expression, as the oracle. */
function byRegex(d: string, dx: number, dy: number): string {
    return d.replace(/([MHV])([-\d.]+)(?:,([-\d.]+))?/g, (_m, cmd: string, a: string, b?: string) => {
        if (cmd === 'M') return `M${r(Number(a) + dx)},${r(Number(b) + dy)}`;
        if (cmd === 'H') return `H${r(Number(a) + dx)}`;
        return `V${r(Number(a) + dy)}`;
    });
}

describe('a power map link translated (translatePath)', () => {
    it('writes what the regular expression wrote, rounding and all', () => {
        const paths = [
            'M10,20V30H40V50',
            'M-12.5,0.3V7.25H-0.05V1e3',
            'M0.15,0.25V0.35H0.45',
            'M1,2H3M4,5H6M7,8H9',
            'M1.05,2.95V3.05H4.95,7V8',
            'M5H6,7',
            'MX,1V',
            '',
            'Z M1,2',
        ];
        for (const d of paths)
            for (const [dx, dy] of [
                [0.05, -0.05],
                [123.45, 67.85],
                [-0.35, 1e-7],
                [3, 4],
            ] as const)
                expect(translatePath(d, dx, dy), `${d} by ${dx},${dy}`).toBe(byRegex(d, dx, dy));
    });

    it('leaves every link of a big organisation where the regular expression put it', () => {
        const view = bigCustomerView(400) as PlanView;
        const layout = layoutPowerMap(buildPowerMap(view, shownOf(view, shownIn(view, [{ customer: 'big', opportunity: null }]))).cards);
        expect(layout.links.length).toBeGreaterThan(10);
        for (const l of layout.links) {
            const dx = 17.35;
            const dy = -4.45;
            expect(translatePath(l.d, dx, dy)).toBe(byRegex(l.d, dx, dy));
            expect(translatePath(translatePath(l.d, dx, dy), -dy, dx)).toBe(byRegex(byRegex(l.d, dx, dy), -dy, dx));
        }
    });
});
