#!/usr/bin/env node
// User-level browser scenario: a real VS Code workbench (code-server 4.100.3, or with
// --code-server newest 4.139.1: .ci/code-server-versions.json) with the extension installed from dist/acct.vsix, in headless Chromium at
// 1400x900, driven by keyboard and mouse the way a person would. Every step
// asserts what the user sees, and saves a screenshot in test-results/vscode-ui/.
//
//   node test/vscode/ui-scenario.mjs [--vsix dist/acct.vsix] [--folder examples] [--keep]
//        [--code-server floor|newest|4.x.y]   (or ACCT_CODE_SERVER_VERSION; default floor)
//        [--out test-results/vscode-ui]       (screenshots and logs)
//        [--stub | --no-extension]   (debugging the infrastructure only: the
//                                     scenario's acct steps then fail)
//
// The folder opened is a temp copy of --folder (default examples/) with
// `.vscode/settings.json` {"acct.today": "2026-11-22"}. The scenario:
//   1. the workbench shows the folder;
//   2. Quick Open (Ctrl+P) opens regional/jinlan-bank.acct: warning squiggles,
//      one of them on `opportunity branchwifi`;
//   3. the Problems panel lists unqualified-opportunity ("still a lead") at 85:5;
//   4. typing a new contact `contact newbie "New Person" { reports-to ` and
//      Ctrl+Space offers exactly the bank's contacts; Enter accepts one;
//   5. Account Plan: Open Power Map (command palette) with the cursor in the
//      customer opens the map of Jinlan City Commercial Bank: its contact cards
//      are visible inside the webview's nested iframes;
//   6. the file is saved, and Account Plan: Show Changes Since… HEAD (the folder
//      is a git repository) opens the Changes view beside the editor: the bank's
//      power map with the new contact's card marked "added", the change listed
//      with a link that opens its declaration; its Markdown report button opens
//      the same report as Markdown.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
    REPO_ROOT,
    TEST_TODAY,
    VIEWPORT,
    clearNotifications,
    completionLabels,
    editorLineText,
    editorSquiggles,
    findCodeServer,
    findWebviewFrame,
    goToLine,
    installVsix,
    installedExtensions,
    launchBrowser,
    makeProfile,
    openFile,
    openWorkbench,
    prepareWorkspace,
    readProblems,
    removeWorkspace,
    runCommand,
    screenshot,
    sleep,
    squigglesOnLine,
    startCodeServer,
    tail,
} from './code-server.mjs';
import { packageUnderTest } from './fresh-vsix.mjs';
import { buildStubVsix, removeStubVsix } from './stub-extension.mjs';

const { values: opts } = parseArgs({
    options: {
        folder: { type: 'string' },
        vsix: { type: 'string' },
        'code-server': { type: 'string' },
        out: { type: 'string' },
        stub: { type: 'boolean', default: false },
        'no-extension': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
    },
});

// --code-server is ACCT_CODE_SERVER_VERSION, which findCodeServer reads
if (opts['code-server']) process.env.ACCT_CODE_SERVER_VERSION = opts['code-server'];

const OUT_DIR = path.resolve(opts.out ?? path.join(REPO_ROOT, 'test-results', 'vscode-ui'));
const source = path.resolve(opts.folder ?? process.env.ACCT_VSCODE_WORKSPACE ?? path.join(REPO_ROOT, 'examples'));
const say = (...a) => console.log('[ui]', ...a);

const FILE = 'regional/jinlan-bank.acct';
const CUSTOMER = 'Jinlan City Commercial Bank';
const CONTACTS = { song: 'Song Jianguo', lu: 'Lu Ping', qin: 'Qin Hao', xie: 'Xie Na', yan: 'Yan Bo', he_wei: 'He Wei', 周敏: '周敏' };

const results = [];
async function step(name, fn) {
    const t = Date.now();
    try {
        await fn();
        results.push({ name, ok: true });
        say(`✔ ${name} (${Date.now() - t} ms)`);
    } catch (err) {
        results.push({ name, ok: false, error: err.message });
        say(`✘ ${name}: ${err.message.split('\n')[0]}`);
        throw err;
    }
}

/** Waits until `probe()` is truthy (returned), or fails with `message` and the last value. */
async function until(probe, message, { timeoutMs = 20_000, interval = 250 } = {}) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        last = await probe();
        if (last && (!Array.isArray(last) || last.length)) return last;
        if (Date.now() > deadline) throw new Error(`${message} (last: ${JSON.stringify(last)})`);
        await sleep(interval);
    }
}

/** The scenario proper. `page` shows the workbench with `folder` open. */
async function scenario(page, folder) {
    const shot = name => screenshot(page, OUT_DIR, name);
    const text = fs.readFileSync(path.join(folder, FILE), 'utf8');
    const lines = text.split('\n');
    const lineOf = needle => lines.findIndex(l => l.includes(needle)) + 1;

    await step('the workbench shows the folder in the Explorer', async () => {
        const title = await page.title();
        if (!title.includes(path.basename(folder))) throw new Error(`window title is "${title}"`);
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 20_000 });
        await shot('01-workbench');
    });

    await step(`Quick Open opens ${FILE}: warning squiggles, one on \`opportunity branchwifi\``, async () => {
        await openFile(page, path.basename(FILE));
        // the tab's name: VS Code 1.100 draws it in one element (.label-name "jinlan-bank.acct"),
        // 1.139 splits it into name and extension (.label-name "jinlan-bank", .label-suffix ".acct")
        const active = await page
            .locator('.tabs-container .tab.active')
            .first()
            .evaluate(tab => ['.label-name', '.label-suffix'].map(sel => tab.querySelector(sel)?.textContent?.trim() ?? '').join(''));
        if (active !== path.basename(FILE)) throw new Error(`active tab is "${active}"`);
        const shown = await page.locator('.editor-instance .view-lines').first().innerText();
        if (!shown.replace(/\s+/g, ' ').includes(`customer jlbank "${CUSTOMER}"`)) throw new Error('the editor does not show the customer');
        // the language server's findings arrive as squiggles (single-threaded on the customer, line 4)
        await until(async () => (await editorSquiggles(page)).warning > 0, 'no warning squiggle in the editor');
        const branchwifi = lineOf('opportunity branchwifi');
        await goToLine(page, branchwifi, 5);
        const onLine = await until(() => squigglesOnLine(page, 'opportunity branchwifi'), 'no squiggle on the `opportunity branchwifi` line');
        if (!onLine.includes('squiggly-warning')) throw new Error(`squiggles on the branchwifi line: ${onLine}`);
        // the code lens above the opportunity opens its power map
        const lenses = await until(
            () => page.locator('.editor-instance .monaco-editor .codelens-decoration').evaluateAll(els => els.map(e => e.textContent)),
            'no code lens in the editor',
        );
        say(`  code lenses in view: ${lenses.join(' | ')}`);
        if (!lenses.some(l => /Power map · 1 of 2 in the decision chain support us/.test(l))) throw new Error(`no power-map lens for branchwifi: ${lenses}`);
        const counts = await editorSquiggles(page);
        say(`  squiggles in view: ${JSON.stringify(counts)}; on line ${branchwifi}: ${onLine.join(', ')}`);
        if (counts.error) throw new Error(`error squiggles in a file without errors: ${JSON.stringify(counts)}`);
        await shot('02-squiggles');
    });

    await step('the Problems panel lists unqualified-opportunity: "still a lead"', async () => {
        // as many as examples/EXPECTED.md lists (read from it, so that new examples need no edit here)
        const expected = Number(/exactly these (\d+) findings/.exec(fs.readFileSync(path.join(source, 'EXPECTED.md'), 'utf8'))?.[1]);
        // the open file's findings come first, the other files' once the server has checked the
        // workspace: wait for all of them (or the deadline), then judge the count
        let seen = [];
        await until(
            async () => {
                seen = await readProblems(page);
                return seen.some(p => p.code?.includes('unqualified-opportunity')) && seen.length >= expected ? seen : null;
            },
            'the Problems panel to list unqualified-opportunity and every finding of examples/EXPECTED.md',
            { timeoutMs: 60_000 },
        ).catch(err => {
            if (!seen.some(p => p.code?.includes('unqualified-opportunity'))) throw err;
        });
        const problems = seen;
        say(`  Problems: ${problems.length} entries`);
        for (const p of problems) say(`    ${p.severity} ${p.file} [${p.line}:${p.column}] ${p.code} ${p.message?.slice(0, 60)}`);
        const entry = problems.find(p => p.code?.includes('unqualified-opportunity'));
        if (entry.file !== path.basename(FILE)) throw new Error(`listed under ${entry.file}`);
        if (entry.severity !== 'warning') throw new Error(`severity ${entry.severity}`);
        if (entry.line !== lineOf('opportunity branchwifi') || entry.column !== 5) throw new Error(`at ${entry.line}:${entry.column}`);
        if (!/still a lead/.test(entry.message)) throw new Error(`message: ${entry.message}`);
        if (problems.length !== expected) throw new Error(`${problems.length} problems, examples/EXPECTED.md has ${expected}`);
        if (problems.some(p => p.severity === 'error')) throw new Error('errors in the Problems panel');
        const panelText = await page.locator('.markers-panel').first().innerText();
        if (!panelText.includes('unqualified-opportunity') || !panelText.includes('still a lead')) throw new Error('the panel does not show the text');
        await shot('03-problems');
    });

    let accepted;
    await step("typing a new contact: `reports-to ` + Ctrl+Space offers the bank's contacts, Enter accepts one", async () => {
        // end of the last activity's `}` (the line before the customer's closing brace)
        const last = lines.length - (lines[lines.length - 1] === '' ? 1 : 0); // the customer's `}`
        await goToLine(page, last - 1, lines[last - 2].length + 1);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        // typed like a person; the editor closes " and { by itself
        await page.keyboard.type('contact newbie "New Person" { reports-to ', { delay: 25 });
        await page.keyboard.press('Escape'); // whatever suggestions popped up while typing
        const typed = await editorLineText(page, 'contact newbie');
        if (!/contact newbie "New Person" \{ reports-to \}\s*$/.test(typed ?? '')) throw new Error(`typed line reads "${typed}"`);
        const ids = Object.keys(CONTACTS);
        const labels = await completionLabels(page, { until: l => ids.every(id => l.includes(id)) });
        await shot('04-completion');
        say(`  suggestions: ${labels.join(' ')}`);
        const missing = ids.filter(id => !labels.includes(id));
        const foreign = labels.filter(l => !ids.includes(l) && l !== 'newbie');
        if (missing.length) throw new Error(`suggestions lack ${missing.join(', ')}`);
        if (foreign.length) throw new Error(`suggestions include names that are not the bank's contacts: ${foreign.join(', ')}`);
        // the line as typed does not parse (`reports-to }`): the server says so with an error squiggle,
        // which the accepted name must take away — the sign that the server checked the new text
        await until(
            async () => (await squigglesOnLine(page, 'contact newbie'))?.includes('squiggly-error'),
            'no error squiggle on the unfinished `reports-to }`',
        );
        const focused = await page.locator('.editor-widget.suggest-widget .monaco-list-row.focused .label-name').first().innerText();
        await page.keyboard.press('Enter');
        await page
            .locator('.editor-widget.suggest-widget')
            .waitFor({ state: 'hidden', timeout: 5000 })
            .catch(() => {});
        const line = await editorLineText(page, 'contact newbie');
        const m = /reports-to ([^\s}]+)\s*\}\s*$/.exec(line ?? '');
        if (!m) throw new Error(`after accepting, the line reads "${line}"`);
        accepted = m[1];
        if (!ids.includes(accepted)) throw new Error(`accepted "${accepted}", not a contact of jlbank`);
        if (accepted !== focused.trim()) throw new Error(`accepted "${accepted}" but the focused suggestion was "${focused}"`);
        say(`  accepted: ${accepted} (${CONTACTS[accepted]})`);
        // the new contact is valid: its line is drawn and its error squiggle goes
        await until(async () => {
            const squiggles = await squigglesOnLine(page, 'contact newbie');
            return squiggles && !squiggles.includes('squiggly-error') ? true : null;
        }, 'the error squiggle stays on the new contact');
        await shot('05-completion-accepted');
    });

    await step(`Account Plan: Open Power Map shows the map of ${CUSTOMER}`, async () => {
        await clearNotifications(page);
        await runCommand(page, 'View: Hide Panel'); // the map gets the editor area's full height
        await goToLine(page, lineOf('contact qin'), 7);
        await runCommand(page, 'Account Plan: Open Power Map');
        const tab = page.locator('.tabs-container .tab', { hasText: `Power Map — ${CUSTOMER}` }).first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        // the map is drawn inside the webview: nested iframes
        const frame = await findWebviewFrame(page, 'g.card text.card-name');
        // every card, on screen or scrolled to (a card off screen is drawn without its texts until it is seen): its label starts with the name
        const cardNames = async () => frame.locator('g.card[aria-label]').evaluateAll(els => els.map(e => e.getAttribute('aria-label').split('; ')[0]));
        const names = await until(async () => {
            const n = await cardNames();
            return n.includes(CONTACTS.qin) && n.includes(CONTACTS.song) ? n : null;
        }, `the power map shows no card for ${CONTACTS.qin} and ${CONTACTS.song}`);
        say(`  cards: ${names.join(', ')}`);
        const heading = await frame.locator('header.top').first().innerText();
        if (!heading.includes(CUSTOMER)) throw new Error(`the map's heading reads "${heading}"`);
        // the card drawn in detail (with its name's text; a skeleton card carries only the label), with a size
        const card = frame.locator('g.card', { has: frame.locator('text.card-name', { hasText: CONTACTS.qin }) }).first();
        const box = await until(async () => {
            const b = (await card.isVisible()) ? await card.boundingBox() : null;
            return b && b.width >= 20 && b.height >= 10 ? b : null;
        }, `the card of ${CONTACTS.qin} is not drawn with a size`);
        say(`  card of ${CONTACTS.qin}: ${Math.round(box.width)}×${Math.round(box.height)}`);
        const notHere = ['Zhou Jian', 'Sun Weidong'].filter(n => names.includes(n));
        if (notHere.length) throw new Error(`the map of jlbank shows contacts of other customers: ${notHere}`);
        if (!names.includes('New Person')) throw new Error('the map does not show the contact typed a moment ago (New Person)');
        // no tooltip in the picture (the README's): the mouse rests on the empty part of the Explorer, and hovers close
        await page.mouse.move(150, 500);
        await noHover(page);
        await shot('06-power-map');
        // and the webview alone, at full resolution
        const webview = page.locator('iframe.webview.ready').first();
        if (await webview.count()) await webview.screenshot({ path: path.join(OUT_DIR, '07-power-map-webview.png') });

        // the fishbone: no deal under the cursor, so it offers the bank's active deals; picking one shows it
        await frame.locator('[role=tab][data-tab=fishbone]').click();
        await until(async () => ((await frame.locator('g.fb-choice').count()) > 0 ? true : null), 'the fishbone offers no deal to pick');
        await frame.locator('g.fb-choice').first().click();
        const people = await until(async () => {
            const n = await frame.locator('g.fb-person').count();
            return n > 0 ? n : null;
        }, 'picking a deal in the fishbone drew nobody on its bones');
        const head = await frame.locator('.fb-head text').first().textContent();
        if (!head || !head.includes('WIN THE BID')) throw new Error(`the fishbone's head reads "${head}"`);
        say(`  fishbone: ${people} people of the picked deal`);
        await shot('08-fishbone');
        // the sandbox: every open opportunity of the workspace
        await frame.locator('[role=tab][data-tab=sandbox]').click();
        const rows = await until(async () => {
            const n = await frame.locator('g.sb-row').count();
            return n >= 12 ? n : null;
        }, 'the sandbox does not show the 12 open opportunities of examples/');
        say(`  sandbox: ${rows} open opportunities`);
        await shot('09-sandbox');
    });

    await step('saved, the plan shows its changes since HEAD: Account Plan: Show Changes Since…', async () => {
        await openFile(page, FILE);
        // Quick Open of the plan open beside the power map may leave the webview active (VS Code
        // 1.139): a click on the plan's tab gives its editor the keyboard, so Ctrl+S saves the plan
        // (nothing else does: the profile turns the browser's auto save off)
        await page
            .locator('.tabs-container .tab', { hasText: path.basename(FILE) })
            .first()
            .click();
        await page.keyboard.press('Control+S');
        // saved: the file on disk holds the new contact and the tab is no longer dirty
        await until(() => fs.readFileSync(path.join(folder, FILE), 'utf8').includes('contact newbie'), `${FILE} was not saved`);
        await until(async () => (await page.locator('.tabs-container .tab.active.dirty').count()) === 0, 'the tab stays dirty after Ctrl+S');
        await runCommand(page, 'Account Plan: Show Changes Since');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 20_000 });
        const head = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'the last commit' }).first();
        await head.waitFor({ state: 'visible', timeout: 20_000 });
        await head.click();
        // the Changes view: a webview with the bank's power map, the new contact's card marked
        const frame = await findWebviewFrame(page, 'main.changes figure.map');
        const tab = page.locator('.tabs-container .tab', { hasText: 'Changes since HEAD' }).first();
        await tab.waitFor({ state: 'visible', timeout: 20_000 });
        const mark = await until(async () => {
            const card = frame.locator('figure.map [data-key="contact:jlbank/newbie"].changed');
            if (!(await card.count())) return null;
            // each mark's hover text: its <title> once the pointer has reached it, until then the text it will show
            return frame
                .locator('figure.map .change-mark')
                .evaluateAll(els => els.map(e => e.querySelector(':scope > title')?.textContent ?? e.getAttribute('data-tip')));
        }, "the new contact's card is not marked on the map");
        if (!mark.includes('added')) throw new Error(`the marks read ${JSON.stringify(mark)}`);
        const row = await until(async () => {
            const rows = await frame.locator('li.change').evaluateAll(els => els.map(e => e.textContent.replace(/\s+/g, ' ').trim()));
            return rows.find(r => r.includes('jlbank/newbie')) ?? null;
        }, 'the Changes view lists no change for the new contact jlbank/newbie');
        say(`  change: ${row}; marks: ${mark.join(', ')}`);
        if (!/contact added/.test(row)) throw new Error(`the change reads "${row}"`);
        const link = frame.locator('li.change a.decl', { hasText: 'jlbank/newbie' }).first();
        if (!(await link.count())) throw new Error('the new contact has no link to its declaration');
        // the marked card in view, for the picture
        const marked = frame.locator('figure.map [data-key="contact:jlbank/newbie"]');
        await until(
            () =>
                marked.evaluate(el => {
                    el.scrollIntoView({ block: 'center', inline: 'nearest' });
                    const r = el.getBoundingClientRect();
                    return r.top >= 0 && r.bottom <= window.innerHeight;
                }),
            'the marked card cannot be scrolled into view',
        );
        await page.mouse.move(150, 500);
        await noHover(page);
        await shot('08-changes-since-head');
        // the link opens the plan at the new contact's line
        await link.click();
        await until(async () => {
            const active = await page.locator('.monaco-editor .view-line').filter({ hasText: 'contact newbie' }).count();
            const tab = await page.locator('.tabs-container .tab.active', { hasText: 'jinlan-bank.acct' }).count();
            return active && tab ? true : null;
        }, 'clicking the link does not bring jinlan-bank.acct with the new contact into view');
        await shot('09-changes-link-opens-plan');
        // the same report as Markdown, for a pull request: one button away
        await tab.click();
        const changes = await findWebviewFrame(page, 'main.changes button.markdown');
        await changes.locator('button.markdown').click();
        const md = await findWebviewFrame(page, 'table');
        await until(async () => {
            const rows = await md.locator('tr').evaluateAll(els => els.map(e => e.textContent));
            return rows.some(r => r.includes('jlbank/newbie')) ? true : null;
        }, 'the Markdown report has no row for the new contact');
        await page.mouse.move(150, 500);
        await noHover(page);
        await shot('10-changes-markdown');
    });
}

/**
 * Waits until no hover or tooltip of the workbench is shown (a screenshot without one). A hover
 * the workbench opened by itself (code-server's "code-server Web" on the remote indicator) closes
 * when the mouse leaves what it is about: the mouse goes there and away, and Escape closes the rest.
 */
async function noHover(page) {
    const hovers = page.locator('.workbench-hover, .monaco-hover:not(.hidden), .custom-hover').filter({ visible: true });
    const rest = { x: 150, y: 500 };
    for (let attempt = 0; attempt < 3 && (await hovers.count()) > 0; attempt++) {
        say(
            `  closing a hover: ${(
                await hovers
                    .first()
                    .innerText()
                    .catch(() => '')
            ).slice(0, 60)}`,
        );
        const target = page.locator('.statusbar-item.remote-kind, #status\\.host').first();
        const box = (await target.count()) ? await target.boundingBox() : null;
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.move(rest.x, rest.y);
        await page.keyboard.press('Escape');
        await until(async () => ((await hovers.count()) === 0 ? true : null), 'a hover stays open', { timeoutMs: 3_000 }).catch(() => {});
    }
    await page.mouse.move(rest.x, rest.y);
    await until(async () => ((await hovers.count()) === 0 ? true : null), 'a hover stays open', { timeoutMs: 10_000 });
}

async function main() {
    // only clear a results folder of ours (under test-results/ or the temp folder)
    const ours = [path.join(REPO_ROOT, 'test-results'), os.tmpdir()].some(root => !path.relative(root, OUT_DIR).startsWith('..'));
    if (!ours && fs.existsSync(OUT_DIR) && fs.readdirSync(OUT_DIR).length) {
        throw new Error(`--out ${OUT_DIR} is not empty and not under test-results/: refusing to clear it`);
    }
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const folder = prepareWorkspace({ source });
    // the plans as reviewed: a git repository, for Show Changes Since…
    for (const args of [
        ['init', '-q'],
        ['add', '-A'],
        ['-c', 'user.email=ui@example.com', '-c', 'user.name=UI', 'commit', '-qm', 'plans as reviewed'],
    ]) {
        execFileSync('git', args, { cwd: folder });
    }
    say(`workspace: ${folder} (copy of ${path.relative(REPO_ROOT, source) || '.'}, acct.today ${TEST_TODAY})`);
    const bin = findCodeServer();
    const profile = makeProfile();
    let server;
    let browser;
    let vsix;
    try {
        if (!opts['no-extension']) {
            // the package of the sources now (packaged again when they changed), unless one is given
            vsix = opts.stub ? buildStubVsix() : packageUnderTest(opts.vsix ?? process.env.ACCT_VSIX, say);
            installVsix({ bin, profile, vsix });
            say(`installed: ${installedExtensions(profile).join(', ')}`);
        }
        server = await startCodeServer({ bin, profile, folder, logFile: path.join(OUT_DIR, 'code-server.log') });
        const ctx = await launchBrowser({ viewport: VIEWPORT });
        browser = ctx.browser;
        try {
            await openWorkbench(ctx.page, server, { folder });
            await scenario(ctx.page, folder);
        } catch (err) {
            await screenshot(ctx.page, OUT_DIR, 'failure').catch(() => {});
            say(`see ${path.relative(REPO_ROOT, OUT_DIR)}/failure.png`);
            throw err;
        } finally {
            fs.writeFileSync(path.join(OUT_DIR, 'browser-console.log'), ctx.consoleLines.join('\n') + '\n');
        }
    } finally {
        await browser?.close().catch(() => {});
        await server?.stop();
        if (!opts.keep) {
            fs.rmSync(profile.base, { recursive: true, force: true });
            if (vsix && opts.stub) removeStubVsix(vsix);
            removeWorkspace(folder);
        } else say(`kept profile ${profile.base} and workspace ${folder}`);
    }
}

main().then(
    () => {
        const failed = results.filter(r => !r.ok).length;
        console.log(`ui: ${results.length - failed} passed, ${failed} failed, 0 skipped`);
        process.exit(failed ? 1 : 0);
    },
    err => {
        console.error(`[ui] FAILED: ${err.message}`);
        const log = path.join(OUT_DIR, 'code-server.log');
        if (fs.existsSync(log)) console.error(`--- code-server.log (tail) ---\n${tail(log, 20)}`);
        const failed = Math.max(1, results.filter(r => !r.ok).length);
        console.log(`ui: ${results.filter(r => r.ok).length} passed, ${failed} failed, 0 skipped`);
        process.exit(1);
    },
);
