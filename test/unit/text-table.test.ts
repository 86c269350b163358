import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, textTable } from '../../server/src/cli/formats/table.js';

describe('text tables (acct sandbox): widths by display cells, ASCII without string-width', () => {
    it('gives every text the width string-width gives it: ASCII, CJK, emoji, combining marks, controls', () => {
        for (const text of ['', 'plain ascii 123', '张伟', 'Zhang 张伟', '★', '—', 'e\u0301', '👍🏽', 'a\tb', 'tab\u0007bell', '～全角']) {
            expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
        }
    });

    it('pads CJK and ASCII cells to the same column and cuts long ones with an ellipsis', () => {
        const lines = textTable(
            [
                { a: '张伟', b: 'x' },
                { a: 'Li', b: 'y' },
                { a: 'a-very-long-name-indeed', b: 'z' },
            ],
            [
                { title: 'Name', value: r => r.a, max: 10 },
                { title: 'B', value: r => r.b },
            ],
        );
        expect(lines).toEqual(['Name        B', '张伟        x', 'Li          y', 'a-very-lo…  z']);
        expect(new Set(lines.map(line => stringWidth(line)))).toEqual(new Set([13]));
    });
});
