/**
 * The docs agree with the CLI (issue 24, point 6): every count of the examples' findings that the
 * README, examples/README.md and examples/EXPECTED.md state is read from their text and compared
 * with what `npm run examples` prints — so a change to the examples fails here until the docs say it.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../support/run-cli.js';

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

interface Counts {
    findings: number;
    files?: number;
    errors: number;
    warnings: number;
    infos: number;
}

/** The one match of `pattern` in `text`: a statement the docs make once. */
function stated(text: string, pattern: RegExp, where: string): RegExpMatchArray {
    const matches = [...text.matchAll(new RegExp(pattern, 'g'))];
    expect(matches.length, `${where}: ${pattern}`).toBe(1);
    return matches[0]!;
}

describe('the counts the docs state are what npm run examples prints', () => {
    const run = spawnSync('npm', ['run', '--silent', 'examples'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: undefined },
    });
    const summary = /^(\d+) findings? in (\d+) files?: (\d+) errors?, (\d+) warnings?, (\d+) info\.$/m.exec(run.stdout);
    const printed: Counts = summary
        ? { findings: +summary[1]!, files: +summary[2]!, errors: +summary[3]!, warnings: +summary[4]!, infos: +summary[5]! }
        : { findings: NaN, errors: NaN, warnings: NaN, infos: NaN };

    it('npm run examples checks the examples as of a fixed date and succeeds', () => {
        expect(run.status, run.stderr).toBe(0);
        expect(summary, run.stdout).not.toBeNull();
        expect(JSON.parse(read('package.json')).scripts.examples).toContain('check examples --today ');
    });

    it('README.md', () => {
        const readme = read('README.md');
        const npm = stated(readme, /`npm run examples` checks[^]*?: (\d+) findings in (\d+) files, (\d+) warnings and (\d+) info, no errors/, 'README');
        expect({ findings: +npm[1]!, files: +npm[2]!, errors: 0, warnings: +npm[3]!, infos: +npm[4]! }).toEqual(printed);
    });

    it('docs/cli.md (the command line reference, moved out of the README)', () => {
        const readme = read('docs/cli.md');
        const sample = stated(readme, /\n(\d+) findings in (\d+) files: (\d+) errors, (\d+) warnings, (\d+) info\.\n```/, 'docs/cli.md sample');
        expect({ findings: +sample[1]!, files: +sample[2]!, errors: +sample[3]!, warnings: +sample[4]!, infos: +sample[5]! }).toEqual(printed);
        const chinese = stated(readme, /(\d+) 个文件中发现 (\d+) 个问题：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示。/, 'docs/cli.md zh-CN sample');
        expect({ findings: +chinese[2]!, files: +chinese[1]!, errors: +chinese[3]!, warnings: +chinese[4]!, infos: +chinese[5]! }).toEqual(printed);
        expect(+stated(readme, /…the (\d+) findings, then the summary…/, 'docs/cli.md watch')[1]!).toBe(printed.findings);
    });

    it('examples/README.md', () => {
        const text = read('examples/README.md');
        const counts = stated(text, /(\d+) findings, (\d+) warnings and (\d+) info, no errors/, 'examples/README.md');
        expect({ findings: +counts[1]!, files: printed.files, errors: 0, warnings: +counts[2]!, infos: +counts[3]! }).toEqual(printed);
    });

    it('examples/EXPECTED.md, its sentence and its table', () => {
        const text = read('examples/EXPECTED.md');
        const counts = stated(text, /exactly these (\d+) findings:\s+(\d+) warnings and (\d+) info, no errors/, 'EXPECTED.md');
        expect({ findings: +counts[1]!, files: printed.files, errors: 0, warnings: +counts[2]!, infos: +counts[3]! }).toEqual(printed);
        const rows = [...text.matchAll(/^\| (\d+) \| `[^`]+` \|.*\| (warning|info|error) \|/gm)];
        expect(rows.map(r => +r[1]!)).toEqual(Array.from({ length: printed.findings }, (_, i) => i + 1));
        expect(rows.filter(r => r[2] === 'warning')).toHaveLength(printed.warnings);
        expect(rows.filter(r => r[2] === 'info')).toHaveLength(printed.infos);
    });
});
