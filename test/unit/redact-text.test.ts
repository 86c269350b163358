/** The message rewriting of `export --redact`: whole words, longest first, the customer's names first, fast. */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { replaceAll, Replacements, withholdNumbers } from '../../server/src/cli/redact-text.js';

function layer(entries: Record<string, string>): Replacements {
    const replacements = new Replacements();
    for (const [original, pseudonym] of Object.entries(entries)) replacements.add(original, pseudonym);
    return replacements;
}

describe('replaceAll', () => {
    it('replaces ids as whole words only, names anywhere, the longest first', () => {
        const names = layer({ 'Li Na': 'Contact 2', 'li': 'contact_2', 'Zhang Wei': 'Contact 1', 'zhang': 'contact_1', 'a': 'contact_3' });
        expect(replaceAll("Li Na (li) and Zhang Wei (zhang): a relationship with 'a' of 'zhang_x'", [names])).toBe(
            "Contact 2 (contact_2) and Contact 1 (contact_1): contact_3 relationship with 'contact_3' of 'zhang_x'",
        );
    });

    it("takes the customer's own meaning of an id before the workspace's", () => {
        const local = layer({ alice: 'contact_9' });
        const global = layer({ alice: 'member_1', 'Alice Chen': 'Member 1' });
        expect(replaceAll('Alice Chen (alice)', [local, global])).toBe('Member 1 (contact_9)');
    });

    it('handles Unicode ids and names', () => {
        expect(replaceAll('陈静 (陈静) reports to 王', [layer({ '陈静': 'contact_4', '王': 'contact_5' })])).toBe('contact_4 (contact_4) reports to contact_5');
    });

    it('costs the same per message with ten times the names (no scan of every name per message)', () => {
        const cpuOf = (names: number) => {
            const many = new Replacements();
            for (let i = 0; i < names; i++) {
                many.add(`person${i}`, `contact_${i}`);
                many.add(`Person Number ${i}`, `Contact ${i}`);
            }
            const started = process.cpuUsage();
            for (let i = 0; i < 3000; i++) {
                expect(
                    replaceAll(`Person Number ${i % names} (person${i % names}) is in the power map of 'deal${i}' but was last contacted 2026-01-01.`, [many]),
                ).toBe(`Contact ${i % names} (contact_${i % names}) is in the power map of 'deal${i}' but was last contacted 2026-01-01.`);
            }
            const used = process.cpuUsage(started);
            return used.user + used.system;
        };
        cpuOf(500); // warm up
        // CPU time in the same run, as a ratio of medians of runs taken in turn (one run alone jitters on a
        // loaded machine): a scan of every name per message would cost 10 times more.
        const few: number[] = [];
        const many: number[] = [];
        for (let run = 0; run < 5; run++) {
            few.push(cpuOf(500));
            many.push(cpuOf(5000));
        }
        const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
        expect(median(many) / median(few), `${many.join(', ')} µs for 5000 names, ${few.join(', ')} µs for 500`).toBeLessThan(4);
    });
});

describe('withholdNumbers', () => {
    it('takes the withheld values out of a message in any language, never a digit of a name', () => {
        const names = layer({ 'Fanny Loyalheart': 'Contact 3', fanny: 'contact_3', '5G core': 'Opportunity 2' });
        const en = replaceAll('Fanny Loyalheart (fanny) supports us (3) but intimacy is -2', [names], withholdNumbers(new Set([-2]), 'withheld'));
        expect(en).toBe('Contact 3 (contact_3) supports us (3) but intimacy is withheld');
        const zh = replaceAll('只有Fanny Loyalheart（fanny）支持我们（3），但亲密度只有 -2', [names], withholdNumbers(new Set([-2]), '保密'));
        expect(zh).toBe('只有Contact 3（contact_3）支持我们（3），但亲密度只有 保密');
        const ahead = replaceAll('Fanny Loyalheart 对 5G core 的支持（2）超过我们（0）', [names], withholdNumbers(new Set([2, 5]), '保密'));
        expect(ahead).toBe('Contact 3 对 Opportunity 2 的支持（保密）超过我们（0）');
        expect(replaceAll('intimacy 2, 12, 2.5, x2', [], withholdNumbers(new Set([2]), 'withheld'))).toBe('intimacy withheld, 12, 2.5, x2');
    });
});

describe('names next to Chinese characters', () => {
    it('a name or id right after or before a Chinese character is replaced; inside a Latin word it is not', () => {
        const names = layer({ 'Lu Ping': 'Contact 1', lu: 'contact_1', '王磊': 'Contact 2' });
        expect(replaceAll('只有Lu Ping支持；lu（王磊磊）', [names])).toBe('只有Contact 1支持；contact_1（Contact 2磊）');
        expect(replaceAll('Lu Pingo lucky', [names])).toBe('Lu Pingo lucky');
    });
});

describe('replaceAll against the plain definition', () => {
    // The definition, by brute force: at each position, of every original of every layer that
    // begins there and stands alone (not inside a word written with spaces), the longest; for the
    // same original the earlier layer's pseudonym (within a layer, the first added).
    const wordPart = (c: string | undefined) =>
        c !== undefined &&
        /[\p{L}\p{N}_]/u.test(c) &&
        !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(c);
    const plain = (text: string, layers: [string, string][][]): string => {
        const maps = layers.map(entries => {
            const map = new Map<string, string>();
            for (const [original, pseudonym] of entries) if (original && !map.has(original)) map.set(original, pseudonym);
            return map;
        });
        let out = '';
        let i = 0;
        while (i < text.length) {
            let best: [string, string] | undefined;
            for (const map of maps)
                for (const [original, pseudonym] of map) {
                    const end = i + original.length;
                    const alone = !(wordPart(original[0]) && wordPart(text[i - 1])) && !(wordPart(original.at(-1)) && wordPart(text[end]));
                    if (text.startsWith(original, i) && alone && (!best || original.length > best[0].length)) best = [original, pseudonym];
                }
            if (best) {
                out += best[1];
                i += best[0].length;
            } else out += text[i++];
        }
        return out;
    };
    const letters = ['a', 'b', 'l', 'i', 'é', ' ', '(', ')', '_', '1', '-', '陈', '静', '，', '\u{1F600}'];
    const textOf = (max: number) => fc.array(fc.constantFrom(...letters), { maxLength: max }).map(parts => parts.join(''));

    it('gives the same text for any message and originals (ids, names, Chinese, emoji halves)', () => {
        fc.assert(
            fc.property(
                textOf(40),
                fc.array(fc.array(fc.tuple(textOf(6), fc.constantFrom('P1', 'P2', 'P3')), { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
                (text, entries) => {
                    const layers = entries.map(list => {
                        const replacements = new Replacements();
                        for (const [original, pseudonym] of list) replacements.add(original, pseudonym);
                        return replacements;
                    });
                    expect(replaceAll(text, layers)).toBe(plain(text, entries));
                },
            ),
            { numRuns: 3000 },
        );
    });
});
