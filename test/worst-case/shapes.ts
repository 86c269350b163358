/**
 * The worst shapes of plan text found by probing (issue: robust under hostile input), each
 * generated at any size: recovered errors in a row, duplicates, deep nesting, long reporting
 * chains, an unterminated string before long lines, escapes, siblings by the ten thousand,
 * repeated properties, NUL bytes and invalid characters. The suite measures each at two sizes.
 */

/** Repeats `unit(i)` until the text reaches `bytes`, between a head and a tail. */
function fill(bytes: number, unit: (i: number) => string, head = '', tail = ''): string {
    const parts = [head];
    let size = head.length + tail.length;
    for (let i = 0; size < bytes; i++) {
        const part = unit(i);
        parts.push(part);
        size += part.length;
    }
    parts.push(tail);
    return parts.join('');
}

const longLine = 'member b "' + 'x'.repeat(200) + '"\n';

export const SHAPES: Record<string, (bytes: number) => string> = {
    'recovered errors in a row (member mN "M" })': b => fill(b, i => `member m${i} "M" }\n`),
    'junk strings inside a decision chain': b =>
        fill(b, () => '"a"a\n', 'customer c "C" {\n    contact a "A" { }\n    opportunity o "O" { decision-chain {\n', '} }\n}\n'),
    'one member id declared again and again': b => fill(b, () => 'member a "A"\n'),
    'unclosed customers, one inside the next': b => fill(b, () => 'customer a "a" {\n'),
    'a reporting chain through every contact': b =>
        fill(b, i => `    contact k${i} "K" { reports-to k${i + 1} }\n`, 'customer c "C" {\n', '    contact end "E" { }\n}\n'),
    'a reporting cycle through every contact': b => {
        const n = Math.max(2, Math.floor(b / 44));
        return 'customer c "C" {\n' + Array.from({ length: n }, (_, i) => `    contact k${i} "K" { reports-to k${(i + 1) % n} }\n`).join('') + '}\n';
    },
    'an unterminated string before long lines': b => fill(b, () => longLine, 'member a "never closed\n'),
    'one line of escaped quotes': b => fill(b, () => '\\"', 'member a "', '"\n'),
    'contacts by the thousand in one customer': b =>
        fill(b, i => `    contact k${i} "Contact ${i}" { role user support neutral }\n`, 'customer c "C" {\n', '}\n'),
    'one property repeated in one contact': b => fill(b, () => 'role user\n', 'customer c "C" {\n    contact a "A" {\n', '    }\n}\n'),
    'NUL bytes': b => '\u0000'.repeat(b),
    'characters no token starts with': b => fill(b, () => '%$#@!'),
    'opening braces only': b => '{'.repeat(b),
    'a misspelt word before an unclosed block, again and again': b => fill(b, i => `    contcat k${i} "K" {\n`, 'customer c "C" {\n', '}\n'),
    'misspelt items with their blocks': b => fill(b, i => `    contcat k${i} "K" { role coach support 1 }\n`, 'customer c "C" {\n', '}\n'),
    'a very long id': b => `member ${'a'.repeat(Math.max(1, b - 12))} "A"\n`,
    'comments and blank lines': b => fill(b, i => `// note ${i}\n\n`),
    'references to nothing': b => fill(b, i => `    opportunity o${i} "O" { decision-chain { nobody${i} } }\n`, 'customer c "C" {\n', '}\n'),
};
