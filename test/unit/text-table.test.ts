import stringWidth from 'string-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, textTable } from '../../server/src/cli/formats/table.js';

describe('text tables (acct sandbox): widths by display cells, ASCII without string-width', () => {
    it('gives every text the width string-width gives it: ASCII, CJK, emoji, combining marks, controls', () => {
        for (const text of ['', 'plain ascii 123', '张伟', 'Zhang 张伟', '★', '—', 'e\u0301', '👍🏽', 'a\tb', 'tab\u0007bell', '～全角']) {
            expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
        }
    });

    it('measures without string-width exactly what string-width measures: every character of the fast path, alone and mixed', () => {
        const ranges: Array<[number, number]> = [
            [0x20, 0x7e],
            [0x4e00, 0x9fff],
            [0x3001, 0x3003],
            [0x3008, 0x3011],
            [0xff01, 0xff5e],
        ];
        const fast = [...'—–★…·'];
        for (const [from, to] of ranges) for (let code = from; code <= to; code++) fast.push(String.fromCharCode(code));
        for (const char of fast) expect(displayWidth(char), `U+${char.charCodeAt(0).toString(16)}`).toBe(stringWidth(char));
        fc.assert(
            fc.property(fc.array(fc.constantFrom(...fast, 'e\u0301', '\u200b', '👍🏽', '\u3099', '\t', 'ｶﾞ', '\u1100\u1161'), { maxLength: 12 }), parts => {
                const text = parts.join('');
                expect(displayWidth(text)).toBe(stringWidth(text));
            }),
        );
        expect(displayWidth('— ★ 张伟（销售部）')).toBe(18);
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
