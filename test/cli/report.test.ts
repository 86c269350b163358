/**
 * `acct report` as a process (contract 7.7): the file it writes for `examples/` — every
 * customer, opportunity and finding, the same bytes twice, no reference outside the file, a
 * strict CSP, under 2 MB —, `--redact`, errors shown with exit 1, bad usage 2, Chinese,
 * hostile plan text escaped, `--since` in a git repository, `--pdf` without Chromium.
 * What the page does in a browser: test/browser/report.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AcctPlanDocument } from '../../server/src/contract/plan-types.js';
import { examplesDir, runCli, tempWorkspace } from '../support/run-cli.js';
import { healthy, team } from '../support/sample-plans.js';
import { hostilePlan, PAYLOADS } from '../support/hostile-plan.js';
import { scriptedRepo } from '../support/git-repo.js';

const out = tempWorkspace({});
const TODAY = '2026-12-06';

function report(
    args: string[],
    cwd = examplesDir,
    env: Record<string, string | undefined> = {},
): { status: number; stderr: string; html: string; file: string } {
    const file = path.join(out, `r-${Math.random().toString(36).slice(2)}.html`);
    const result = runCli(['report', '--today', TODAY, '-o', file, ...args], { cwd, env });
    return { status: result.status, stderr: result.stderr, html: existsSync(file) ? readFileSync(file, 'utf8') : '', file };
}

/** The HTML-escaped form of a text, as the report writes it. */
const escaped = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/** The report without its page code (the inline script and style, the same for every plan). */
function withoutCode(html: string): string {
    return html.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '');
}

function pageCode(html: string): string[] {
    return [/<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '', /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''];
}

function exported(args: string[], cwd = examplesDir): AcctPlanDocument {
    const result = runCli(['export', '--today', TODAY, ...args], { cwd });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as AcctPlanDocument;
}

describe('acct report of examples/', () => {
    let first: ReturnType<typeof report>;
    let plan: AcctPlanDocument;
    beforeAll(() => {
        first = report(['.']);
        plan = exported(['.']);
    });

    it('writes one file, exit 0, and says what it wrote', () => {
        expect(first.status, first.stderr).toBe(0);
        expect(first.stderr).toContain(`: ${plan.customers.length} customers, ${plan.diagnostics.length} findings.`);
        expect(plan.customers.length).toBeGreaterThanOrEqual(4);
        expect(first.html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(Buffer.byteLength(first.html)).toBeLessThan(2 * 1024 * 1024);
    });

    it('holds every customer, opportunity and finding message, and every waiver with its reason', () => {
        for (const c of plan.customers) {
            expect(first.html).toContain(escaped(c.name));
            for (const o of c.opportunities) expect(first.html, o.name).toContain(escaped(o.name));
        }
        for (const d of plan.diagnostics) expect(first.html, d.message).toContain(escaped(d.message));
        expect(plan.waived.length).toBeGreaterThan(0);
        for (const w of plan.waived) {
            expect(first.html).toContain(escaped(w.message));
            expect(first.html).toContain(escaped(w.reason));
        }
        // the summary: tiers, the sandbox ranking, findings by severity; the title page and the contents
        for (const heading of ['Customers by tier', 'Strategic sandbox: the ranking and the picks', 'Findings by severity', 'Contents', 'Account review']) {
            expect(first.html).toContain(`>${heading}<`);
        }
        expect(first.html).toContain('>2026-12-06<');
    });

    it('gives the same bytes twice', () => {
        const second = report(['.']);
        expect(second.html).toBe(first.html);
    });

    it('is self-contained: a strict CSP, no reference to anything outside the file', () => {
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(first.html)?.[1] ?? '';
        expect(csp).toContain('default-src &#39;none&#39;');
        expect(csp).toMatch(/script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;;/);
        expect(csp).not.toContain('unsafe-inline');
        const text = withoutCode(first.html);
        expect(text).not.toMatch(/\s(src|href)="(?!#)/);
        expect(text).not.toMatch(/<link|@import|url\(/);
        expect(first.html.match(/<script/g)).toHaveLength(2); // the plan's data and the page's code
    });

    it('the page code holds no plan text: it is the same for another plan', () => {
        const other = report(['.'], tempWorkspace({ 'team.acct': team, 'acme.acct': healthy }));
        expect(other.status, other.stderr).toBe(0);
        expect(pageCode(other.html)).toEqual(pageCode(first.html));
    });

    it('--redact leaves none of the texts acct export --redact replaces', () => {
        const redacted = report(['--redact', '.']);
        expect(redacted.status, redacted.stderr).toBe(0);
        const pseudonymous = exported(['--redact', '.']);
        const replaced = new Set<string>();
        (function walk(a: unknown, b: unknown): void {
            if (typeof a === 'string') {
                if (a !== b) replaced.add(a);
            } else if (Array.isArray(a)) {
                a.forEach((v, i) => walk(v, (b as unknown[] | undefined)?.[i]));
            } else if (a && typeof a === 'object') {
                for (const [k, v] of Object.entries(a)) walk(v, (b as Record<string, unknown> | undefined)?.[k]);
            }
        })(plan, pseudonymous);
        expect(replaced.size).toBeGreaterThan(100);
        // the page code is the same for every plan (above); the rest of the file holds no replaced text
        const text = withoutCode(redacted.html);
        const json = /<script type="application\/json" id="acct-report-data">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '';
        const data = JSON.stringify(JSON.parse(json));
        const words = (s: string) => new RegExp(`(^|[^\\p{L}\\p{N}_-])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}_-])`, 'u');
        const leaks = [...replaced].filter(t => words(escaped(t)).test(text.replace(json, '')) || words(t).test(data));
        expect(leaks).toEqual([]);
        // and the names are pseudonyms
        expect(text).toContain('Customer 1');
    });

    it('speaks Chinese with --lang zh-CN', () => {
        const zh = report(['--lang', 'zh-CN', '.']);
        expect(zh.status, zh.stderr).toBe(0);
        expect(zh.html).toContain('<html lang="zh-CN">');
        for (const words of ['客户计划评审', '目录', '概览', '客户分级', '战略沙盘：排名与入选', '权力地图', '鱼骨图']) expect(zh.html).toContain(words);
        expect(zh.stderr).toContain('客户计划评审已写入');
    });
});

describe('acct report: errors and usage', () => {
    it('shows the errors of the plan in the report and exits 1', () => {
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': healthy, 'broken.acct': 'customer broken "Broken" {\n  contact x "X" { support 7 }\n}\n' });
        const r = report(['.'], dir);
        expect(r.status).toBe(1);
        const check = runCli(['check', '--today', TODAY, '--format', 'json', '.'], { cwd: dir });
        const errors = (JSON.parse(check.stdout) as Array<{ severity: string; message: string }>).filter(d => d.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect(r.html).toContain('role="alert"');
        for (const e of errors) {
            expect(r.html).toContain(escaped(e.message));
            expect(r.stderr).toContain(e.message);
        }
    });

    it('bad usage exits 2 and writes nothing: no -o, an .acct target, a path that does not exist', () => {
        expect(runCli(['report', '.'], { cwd: examplesDir }).status).toBe(2);
        const target = path.join(out, 'plan.acct');
        const r = runCli(['report', '-o', target, '.'], { cwd: examplesDir });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('acct never writes .acct files');
        expect(existsSync(target)).toBe(false);
        const missing = report(['no-such-folder']);
        expect(missing.status).toBe(2);
        expect(missing.html).toBe('');
    });

    it('--pdf without Chromium says so clearly, exit 2, the HTML written', () => {
        const pdf = path.join(out, 'review.pdf');
        const r = report(['--pdf', pdf, '.'], examplesDir, { ACCT_CHROMIUM: path.join(out, 'no-chromium') });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('--pdf needs Chromium, and none was found at');
        expect(r.stderr).toContain('The HTML report was written.');
        expect(r.html).toContain('<!DOCTYPE html>');
        expect(existsSync(pdf)).toBe(false);
    });
});

describe('acct report: hostile plan text', () => {
    it('escapes every string field: no payload reaches the markup', () => {
        const dir = tempWorkspace(hostilePlan());
        const r = report(['.'], dir);
        expect(r.status, r.stderr).toBe(0);
        const text = withoutCode(r.html);
        expect(text.match(/<script/g)).toHaveLength(1); // the data block only
        expect(text).not.toMatch(/<(img|svg|iframe)\b/i);
        // inside the data block, nothing ends it, opens a comment or breaks a line
        const json = /<script type="application\/json" id="acct-report-data">([\s\S]*?)<\/script>/.exec(text)?.[1] ?? '';
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.stringify(JSON.parse(json))).toContain(PAYLOADS[4]!);
        expect(text).toContain(escaped(PAYLOADS[5]!)); // the waiver's reason
        expect(text).not.toContain('<!--');
        for (const payload of PAYLOADS.slice(0, 4)) expect(text).toContain(escaped(payload));
    });
});

describe('acct report --since', () => {
    it('shows the changes and findings since the revision and the support of each key person', () => {
        const before = healthy;
        const after = healthy.replace('role decision-maker support 2', 'role decision-maker support -1');
        const dir = tempWorkspace({ 'team.acct': team, 'acme.acct': before });
        const env = { ...process.env, GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z', GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z' };
        const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env });
        git('init', '-q');
        git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'add', '.');
        git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'plan');
        writeFileSync(path.join(dir, 'acme.acct'), after);
        const r = report(['--since', 'HEAD', '.'], dir);
        expect(r.status, r.stderr).toBe(0);
        expect(r.html).toContain('>Changes since HEAD<');
        expect(r.html).toContain('acme/big: decisionChain');
        expect(r.html).toContain('New findings');
        expect(r.html).toContain('Support of the key people since HEAD');
        // The Boss: 2 at the revision (its committer date), -1 now
        expect(r.html).toMatch(
            /<tr><td>The Boss<\/td><td>Big deal<\/td><td class="points">2 \(2026-11-01 [0-9a-f]{7}\) → -1 \(2026-12-06\)<\/td><td>-1<\/td><\/tr>/,
        );
        // outside a git work tree: exit 2, one line
        const plain = report(['--since', 'HEAD', '.'], tempWorkspace({ 'team.acct': team, 'acme.acct': healthy }));
        expect(plain.status).toBe(2);
    });

    it("a point for every commit since the revision that moved a person's support, read from the history engine", () => {
        const repo = scriptedRepo();
        const at = (support: number, intimacy = 1) =>
            healthy.replace('role decision-maker support 2 intimacy 1', `role decision-maker support ${support} intimacy ${intimacy}`);
        const rev = repo.commit('2026-10-01', 'plan', { 'team.acct': team, 'acme.acct': at(2) });
        const moved = [
            repo.commit('2026-10-15', 'the boss cools', { 'acme.acct': at(0) }),
            repo.commit('2026-11-01', 'the boss warms', { 'acme.acct': at(1) }),
            // a commit that does not move the support: no point
            repo.commit('2026-11-10', 'closer', { 'acme.acct': at(1, 2) }),
            repo.commit('2026-11-20', 'the boss turns', { 'acme.acct': at(-1, 2) }),
        ];
        const r = report(['--since', rev.slice(0, 12), '.'], repo.dir);
        expect(r.status, r.stderr).toBe(0);
        const short = (c: string) => c.slice(0, 7);
        expect(r.html).toContain(
            `<tr><td>The Boss</td><td>Big deal</td><td class="points">2 (2026-10-01 ${short(rev)}) → 0 (2026-10-15 ${short(moved[0]!)}) → ` +
                `1 (2026-11-01 ${short(moved[1]!)}) → -1 (2026-11-20 ${short(moved[3]!)}) → -1 (2026-12-06)</td><td>-1</td></tr>`,
        );
        expect(r.html).not.toContain(short(moved[2]!));
    });
});
