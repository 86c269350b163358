// What the account review's bytes are made of, and the pages to weigh what each part costs a reader's
// browser (run with node, not a test; issue 21 item 6):
//   node test/bench/report-bytes.mjs REPORT.html
//   node test/bench/report-pages.mjs --runs 5 REPORT.*.html
// REPORT.html is a report written by `acct report` (the benchmark's: `node out/bench.js
// --only=report --keep`, then `node out/cli.js report DIR/workspace -o REPORT.html --today
// 2026-11-22`). This script prints the size of each part of the file — the report's text (the
// markup of `<main>`), the plan embedded for the pictures (by part), the page's script and style —
// and writes beside it the pages below, each without the Content-Security-Policy (their script is
// not the one hashed) and with the page's script replaced by one that reads what is left and sets
// `data-drawn`, which report-pages.mjs waits for: opened in turn, each page's renderer CPU less the
// next one's is what that part costs before any picture is drawn.
//   no-pictures   every byte of the report; the plan read (JSON.parse) as the page reads it
//   data-unread   the same, the plan not read: parsing the file alone
//   no-data       the report's text without the embedded plan
//   no-text       the embedded plan (read) without the report's text
//   nothing       neither: the page's frame, its style and the stub
import * as fs from 'node:fs';
import path from 'node:path';

const report = process.argv[2];
if (!report || !fs.existsSync(report)) {
    console.error('usage: node test/bench/report-bytes.mjs REPORT.html');
    process.exit(2);
}
const html = fs.readFileSync(report, 'utf8');
const DATA = /<script type="application\/json" id="acct-report-data">([\s\S]*?)<\/script>\n/;
const MAIN = /<main>([\s\S]*)<\/main>/;
// the page's script is the file's last `<script>` (the data's has a type)
const SCRIPT = /<script>((?:(?!<script>)[\s\S])*?)<\/script>\n(?![\s\S]*<script>)/;
const STYLE = /<style>([\s\S]*?)<\/style>/;
const data = DATA.exec(html);
const main = MAIN.exec(html);
const script = SCRIPT.exec(html);
if (!data || !main || !script) {
    console.error(`${report}: not a report of acct report (no embedded plan, <main> or script)`);
    process.exit(2);
}

const bytes = text => Buffer.byteLength(text, 'utf8');
const mb = n => `${(n / 1e6).toFixed(2)} MB`;
const rows = [
    ['the file', bytes(html)],
    ['the report\u2019s text (<main>)', bytes(main[1])],
    ['the embedded plan (JSON)', bytes(data[1])],
    ['the page\u2019s script', bytes(script[1])],
    ['the page\u2019s style', bytes(STYLE.exec(html)?.[1] ?? '')],
];
// the plan by part (each part's JSON as the file holds it)
const parsed = JSON.parse(data[1]);
const plan = parsed.view?.plan ?? {};
const sum = (list, part) => (list ?? []).reduce((n, item) => n + bytes(JSON.stringify(part(item)) ?? ''), 0);
rows.push(
    ['  its customers', bytes(JSON.stringify(plan.customers ?? null))],
    ['    their contacts', sum(plan.customers, c => c.contacts)],
    ['    their opportunities', sum(plan.customers, c => c.opportunities)],
    ['    their activities', sum(plan.customers, c => c.activities)],
    ['  its findings (diagnostics)', bytes(JSON.stringify(plan.diagnostics ?? null))],
    ['    their messages', sum(plan.diagnostics, d => d.message)],
    ['    their files, lines and columns', sum(plan.diagnostics, d => [d.file, d.line, d.column])],
    ['  what each finding is about (subjects)', bytes(JSON.stringify(parsed.view?.subjects ?? null))],
    ['  the views\u2019 words (strings)', bytes(JSON.stringify(parsed.strings ?? null))],
    ['  the pictures (figures)', bytes(JSON.stringify(parsed.figures ?? null))],
);
for (const [name, n] of rows) console.log(`${name.padEnd(44)}${mb(n).padStart(10)}`);

const stub = read =>
    `<script>${read ? "JSON.parse(document.getElementById('acct-report-data').textContent);" : ''}` + "document.documentElement.dataset.drawn='';</script>\n";
const base = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
const page = (text, withData, read) => {
    let out = base.replace(SCRIPT, () => stub(read));
    if (!withData) out = out.replace(DATA, '');
    if (!text) out = out.replace(MAIN, '<main></main>');
    return out;
};
const variants = {
    'no-pictures': page(true, true, true),
    'data-unread': page(true, true, false),
    'no-data': page(true, false, false),
    'no-text': page(false, true, true),
    nothing: page(false, false, false),
};
const stem = path.join(path.dirname(path.resolve(report)), path.basename(report, '.html'));
for (const [name, text] of Object.entries(variants)) {
    fs.writeFileSync(`${stem}.${name}.html`, text);
    console.log(`wrote ${stem}.${name}.html (${mb(bytes(text))})`);
}
