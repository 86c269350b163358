import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { TOP_LEVEL, topLevelStarts } from '../../server/src/language/parser/syntax-cascade.js';

describe('the cascades of one syntax error stop at the next declaration', () => {
    const pieces = [
        'member',
        'competitor',
        'customer',
        'policy',
        'customers',
        'member_',
        'member1',
        'x',
        ' ',
        '-',
        'é',
        '{',
        '"',
        '\n',
        '\r',
        '\r\n',
        '\u2028',
        '\u2029',
    ];

    it('finds the declarations at the start of a line where the regular expression does, with every line ending', () => {
        fc.assert(
            fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), parts => {
                const text = parts.join('');
                expect(topLevelStarts(text)).toEqual([...text.matchAll(TOP_LEVEL)].map(match => match.index));
            }),
            { numRuns: 2000 },
        );
        const unclosed = 'customer a "a" {\n'.repeat(1000);
        expect(topLevelStarts(unclosed)).toEqual(Array.from({ length: 1000 }, (_, i) => i * 17));
    });
});
