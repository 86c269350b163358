/**
 * The README's worst-case prose agrees with its table and with the script that makes the table
 * (test/worst-case/report.ts): how many shapes are within budget and how many are not, and the
 * sizes the script measures at.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/run-cli.js';

const WORDS = [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
];
const numberOf = (word: string) => (/^\d+$/.test(word) ? Number(word) : WORDS.indexOf(word.toLowerCase()));

describe('the README on the worst cases', () => {
    const readme = readFileSync(path.join(projectRoot, 'docs/robustness.md'), 'utf8');
    const section = readme.slice(readme.indexOf('- **Worst cases.**'), readme.indexOf('- **A server that survives.**'));
    const rows = section
        .split('\n')
        .filter(line => /^\| (?!shape|---)/.test(line))
        .map(line => line.split('|').map(cell => cell.trim()));

    it('says as many shapes within budget, and outside it, as its table shows', () => {
        expect(rows.length).toBeGreaterThan(10);
        const within = rows.filter(row => row[6]!.startsWith('yes')).length;
        const prose = section.replace(/\s+/g, ' ');
        const said = /(\w+) shapes are within the budget/i.exec(prose);
        const others = /The other (\w+) (?:are|is)\b/.exec(prose);
        expect(said && numberOf(said[1]!)).toBe(within);
        expect(others && numberOf(others[1]!)).toBe(rows.length - within);
    });

    it('names the sizes the script measures at', () => {
        const script = readFileSync(path.join(projectRoot, 'test', 'worst-case', 'report.ts'), 'utf8');
        const small = Number(/const small = Number\(option\('small'\) \?\? (\d+) \* 1024\)/.exec(script)?.[1]);
        expect(small).toBeGreaterThan(0);
        expect(section.replace(/\s+/g, ' ')).toContain(`with the real CLI at ${small} kB and 1 MB`);
        const measure = readFileSync(path.join(projectRoot, 'test', 'worst-case', 'measure.ts'), 'utf8');
        const testSmall = Number(/let smallBytes = (\d+) \* 1024/.exec(measure)?.[1]);
        expect(testSmall).toBeGreaterThan(0);
        expect(section.replace(/\s+/g, ' ')).toContain(`The test suite starts each shape at ${testSmall} kB`);
    });
});
