#!/usr/bin/env node
// User-level browser scenario: a real VS Code workbench (code-server 4.100.3)
// in headless Chromium at 1400x900, driven by the keyboard and mouse the way a
// person would, with screenshots in test-results/vscode-ui/.
//
//   node test/vscode/ui-scenario.mjs [--folder examples] [--file name.acct]
//        [--vsix dist/acct.vsix | --stub | --no-extension] [--keep]
//
// Today: opens the folder, opens a file through Quick Open (Ctrl+P), and
// checks that a real workbench shows it. Later steps (squiggles, Problems,
// completion, power map) go in scenario() below, using the helpers from
// code-server.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_VSIX,
  REPO_ROOT,
  VIEWPORT,
  findCodeServer,
  installVsix,
  installedExtensions,
  launchBrowser,
  makeProfile,
  openFile,
  openWorkbench,
  readProblems,
  screenshot,
  startCodeServer,
  tail,
} from './code-server.mjs';
import { buildStubVsix, removeStubVsix } from './stub-extension.mjs';

const { values: opts } = parseArgs({
  options: {
    folder: { type: 'string' },
    file: { type: 'string' },
    vsix: { type: 'string' },
    stub: { type: 'boolean', default: false },
    'no-extension': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const OUT_DIR = path.join(REPO_ROOT, 'test-results', 'vscode-ui');
const folder = path.resolve(opts.folder ?? process.env.ACCT_VSCODE_WORKSPACE ?? path.join(REPO_ROOT, 'examples'));
const say = (...a) => console.log('[ui]', ...a);

/** First .acct file in the folder (sorted), else the first regular file, else null. */
function pickFile(dir) {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();
  return files.find((f) => f.endsWith('.acct')) ?? files[0] ?? null;
}

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

/** The scenario proper. `page` shows the workbench with `folder` open. */
async function scenario(page) {
  const shot = (name) => screenshot(page, OUT_DIR, name);

  await step('workbench shows the folder in the Explorer', async () => {
    await shot('01-workbench');
    const title = await page.title();
    if (!title.includes(path.basename(folder))) throw new Error(`window title is "${title}"`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 20_000 });
  });

  const file = opts.file ?? pickFile(folder);
  if (!file) {
    say(`no file in ${folder} to open: skipping Quick Open`);
    return;
  }

  await step(`Quick Open (Ctrl+P) opens ${file}`, async () => {
    await openFile(page, file);
    await shot('02-file-open');
    const active = await page.locator('.tabs-container .tab.active').first().innerText();
    if (!active.includes(path.basename(file))) throw new Error(`active tab is "${active}"`);
    // the editor shows the file's text (first non-empty line)
    const firstLine = fs
      .readFileSync(path.join(folder, file), 'utf8')
      .split('\n')
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 20);
    if (firstLine) {
      const text = await page.locator('.editor-instance .view-lines').first().innerText();
      if (!text.replace(/\s+/g, ' ').includes(firstLine.replace(/\s+/g, ' '))) {
        throw new Error(`editor does not show "${firstLine}"`);
      }
    }
  });

  await step('Problems panel can be read', async () => {
    const problems = await readProblems(page);
    say(`Problems: ${problems.length} entr${problems.length === 1 ? 'y' : 'ies'}`);
    for (const p of problems.slice(0, 10)) say(`  ${p.severity} ${p.file ?? ''} ${p.line ?? ''}:${p.column ?? ''} ${p.message}`);
    await shot('03-problems');
  });
}

async function main() {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.mkdirSync(OUT_DIR, { recursive: true });
  if (!fs.existsSync(folder)) throw new Error(`folder not found: ${folder}`);
  const bin = findCodeServer();
  const profile = makeProfile();
  let server;
  let browser;
  let vsix;
  try {
    if (!opts['no-extension']) {
      vsix = opts.stub ? buildStubVsix() : path.resolve(opts.vsix ?? process.env.ACCT_VSIX ?? DEFAULT_VSIX);
      if (fs.existsSync(vsix)) {
        installVsix({ bin, profile, vsix });
        say(`installed: ${installedExtensions(profile).join(', ')}`);
      } else say(`no .vsix at ${vsix}: running without the extension`);
    }
    server = await startCodeServer({ bin, profile, folder, logFile: path.join(OUT_DIR, 'code-server.log') });
    const ctx = await launchBrowser({ viewport: VIEWPORT });
    browser = ctx.browser;
    try {
      await openWorkbench(ctx.page, server, { folder });
      await scenario(ctx.page);
    } catch (err) {
      await screenshot(ctx.page, OUT_DIR, 'failure').catch(() => {});
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
    }
  }
}

main().then(
  () => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`ui: ${results.length - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  },
  (err) => {
    console.error(`[ui] FAILED: ${err.message}`);
    const log = path.join(OUT_DIR, 'code-server.log');
    if (fs.existsSync(log)) console.error(`--- code-server.log (tail) ---\n${tail(log, 20)}`);
    const failed = Math.max(1, results.filter((r) => !r.ok).length);
    console.log(`ui: ${results.filter((r) => r.ok).length} passed, ${failed} failed`);
    process.exit(1);
  },
);
