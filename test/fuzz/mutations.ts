/**
 * Hostile edits of real plans, as fast-check arbitraries: byte flips, token deletion and
 * duplication, splices between files, exotic Unicode (surrogate halves, RTL overrides,
 * zero-width, NUL), CR-only and mixed line endings, a BOM mid-file, very long ids and strings.
 */
import * as fc from 'fast-check';

const EXOTIC = ['\uD800', '\uDFFF', '\u202E', '\u200B', '\u0000', '\uFEFF', '\u0007', '\r', '\t', '"', '\\', '{', '}', '?', '-', '陈', 'é', '\u{1F600}'];

export type Mutation =
    | { kind: 'flip'; at: number; char: string }
    | { kind: 'delete-token'; at: number }
    | { kind: 'duplicate-token'; at: number }
    | { kind: 'splice'; at: number; from: number; length: number; other: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'line-endings'; style: 'cr' | 'mixed' | 'crlf' }
    | { kind: 'bom'; at: number }
    | { kind: 'long'; at: number; length: number; quoted: boolean };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(),
        char: fc.oneof(fc.constantFrom(...EXOTIC), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })),
    }),
    fc.record({ kind: fc.constant('delete-token' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-token' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }), other: fc.nat() }),
    fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.oneof(
            fc.string({ maxLength: 8, unit: 'binary' }),
            fc.constantFrom(...EXOTIC).map(c => c.repeat(3)),
        ),
    }),
    fc.record({ kind: fc.constant('line-endings' as const), style: fc.constantFrom('cr' as const, 'mixed' as const, 'crlf' as const) }),
    fc.record({ kind: fc.constant('bom' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('long' as const), at: fc.nat(), length: fc.integer({ min: 200, max: 20_000 }), quoted: fc.boolean() }),
);

/** Where tokens start and end: runs of word characters, strings, or single punctuation. */
function tokens(text: string): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    const pattern = /"(?:\\.|[^"\\\n])*"?|[\w\u00C0-\uFFFF-]+|\S/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) spans.push([m.index, m.index + m[0].length]);
    return spans;
}

export function mutate(text: string, mutation: Mutation, others: readonly string[]): string {
    const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
    switch (mutation.kind) {
        case 'flip': {
            const i = at(mutation.at);
            return text.slice(0, i) + mutation.char + text.slice(i + 1);
        }
        case 'delete-token':
        case 'duplicate-token': {
            const spans = tokens(text);
            if (spans.length === 0) return text;
            const [start, end] = spans[mutation.at % spans.length]!;
            return mutation.kind === 'delete-token'
                ? text.slice(0, start) + text.slice(end)
                : text.slice(0, end) + ' ' + text.slice(start, end) + text.slice(end);
        }
        case 'splice': {
            const source = others.length ? others[mutation.other % others.length]! : text;
            const from = source.length ? mutation.from % source.length : 0;
            const i = at(mutation.at);
            return text.slice(0, i) + source.slice(from, from + mutation.length) + text.slice(i);
        }
        case 'insert': {
            const i = at(mutation.at);
            return text.slice(0, i) + mutation.text + text.slice(i);
        }
        case 'line-endings':
            return mutation.style === 'cr'
                ? text.replace(/\r?\n/g, '\r')
                : mutation.style === 'crlf'
                  ? text.replace(/\r?\n/g, '\r\n')
                  : text
                        .split('\n')
                        .map((line, i) => line + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n'))
                        .join('');
        case 'bom': {
            const i = at(mutation.at);
            return text.slice(0, i) + '\uFEFF' + text.slice(i);
        }
        case 'long': {
            const i = at(mutation.at);
            const long = 'x'.repeat(mutation.length);
            return text.slice(0, i) + (mutation.quoted ? ` "${long}" ` : ` ${long} `) + text.slice(i);
        }
    }
}

export interface FuzzCase {
    /** Which example is mutated (index into the examples). */
    example: number;
    mutations: Mutation[];
}

export const fuzzCaseArb = (examples: number): fc.Arbitrary<FuzzCase> =>
    fc.record({ example: fc.nat(examples - 1), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }) });
