/**
 * Findings as fast-check makes them for the tests of the JSON report's writers: fields holding
 * any text (lone surrogates, separators, Chinese), numbers JSON.stringify writes oddly, and
 * findings of other shapes (a field missing, one more, another order, an undefined value) — the
 * writers must give JSON.stringify's bytes for all of them.
 */
import fc from 'fast-check';

export function findingArbitraries(options: { texts: string[]; lines: number[]; columns: number[]; reason: string }) {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...options.texts));
    const finding = fc.record({
        file: text,
        line: fc.oneof(fc.nat(), fc.constantFrom(...options.lines)),
        column: options.columns.length ? fc.oneof(fc.nat(), fc.constantFrom(...options.columns)) : fc.nat(),
        severity: fc.constantFrom('error', 'warning', 'info'),
        code: text,
        message: text,
        subject: fc.option(text),
    });
    const odd = fc.oneof(
        finding.map(({ subject: _s, ...rest }) => rest),
        finding.map(f => ({ ...f, reason: options.reason })),
        finding.map(({ file, ...rest }) => ({ ...rest, file })),
        finding.map(f => ({ ...f, subject: undefined })),
    );
    return { finding, odd };
}
