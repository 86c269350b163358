// The commands: export to JSON (validated against the schema) and the power map.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const h = require('./helpers');

function loadAjv() {
    // ajv is a devDependency of the project, not of VS Code: require it by absolute path
    const modules = path.join(h.PROJECT_ROOT, 'node_modules');
    const Ajv = require(path.join(modules, 'ajv'));
    const addFormats = require(path.join(modules, 'ajv-formats'));
    const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false });
    (addFormats.default || addFormats)(ajv);
    return ajv;
}

describe('commands', () => {
    before(() => h.ready());
    after(() => h.closeAll());

    describe('Account Plan: Export to JSON (acct.exportJson)', () => {
        let dir;
        before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-export-'))));
        after(() => fs.rmSync(dir, { recursive: true, force: true }));

        it('writes the workspace as one acct-plan document that the JSON Schema accepts', async () => {
            const target = vscode.Uri.file(path.join(dir, 'plan.json'));
            const folder = h.workspaceFolder().uri;
            const result = await vscode.commands.executeCommand('acct.exportJson', { target: target.toString(), folder: folder.toString() });
            assert.ok(result, 'the command returned nothing (it exports nothing when the plan has errors)');
            assert.strictEqual(result.toString(), target.toString());
            const text = fs.readFileSync(target.fsPath, 'utf8');
            const plan = JSON.parse(text);

            const schema = JSON.parse(fs.readFileSync(path.join(h.PROJECT_ROOT, 'schema', 'acct-plan.schema.json'), 'utf8'));
            const validate = loadAjv().compile(schema);
            assert.ok(validate(plan), `schema errors: ${JSON.stringify(validate.errors, null, 2)}`);

            assert.strictEqual(plan.format, 'acct-plan');
            assert.strictEqual(plan.version, 1);
            assert.deepStrictEqual(plan.files, [
                'donghai-mobile.acct',
                'huaxia-grid.acct',
                'pearl-river-port.acct',
                'regional/jinlan-bank.acct',
                'team.acct',
                'yuehai-water.acct',
            ]);
            assert.deepStrictEqual(plan.customers.map(c => c.id).sort(), ['donghai', 'hxgrid', 'jlbank', 'pearlport', 'yhwater']);
            const jlbank = plan.customers.find(c => c.id === 'jlbank');
            const branchwifi = jlbank.opportunities.find(o => o.id === 'branchwifi');
            assert.strictEqual(branchwifi.qualified, false);
            assert.strictEqual(branchwifi.budget, null);
            // the export's findings are the editor's (1-based lines and columns)
            const inEditor = vscode.languages
                .getDiagnostics()
                .filter(([uri]) => uri.path.endsWith('.acct'))
                .flatMap(([uri, ds]) => ds.map(d => `${h.relativePath(uri)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${h.codeOf(d)}`))
                .sort();
            assert.deepStrictEqual(plan.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.code}`).sort(), inEditor);
            assert.strictEqual(plan.diagnostics.length, 23); // examples/EXPECTED.md
        });

        it('is byte-identical to `acct export --today` on the command line', function () {
            const cli = h.packagedCli();
            const fromEditor = fs.readFileSync(path.join(dir, 'plan.json'), 'utf8');
            const out = path.join(dir, 'cli.json');
            const r = cp.spawnSync(process.execPath, [cli, 'export', '.', '--today', h.TODAY, '-o', out], {
                cwd: h.workspaceFolder().uri.fsPath,
                encoding: 'utf8',
                env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
            });
            assert.strictEqual(r.status, 0, `acct export failed: ${r.stdout}${r.stderr}`);
            assert.strictEqual(fromEditor, fs.readFileSync(out, 'utf8'));
        });
    });

    describe('Account Plan: Open Power Map (acct.openPowerMap)', () => {
        let dir;
        before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acct-svg-'))));
        after(() => fs.rmSync(dir, { recursive: true, force: true }));
        afterEach(() => h.closeAll());

        /**
         * Saves the panel's current view to `target` through acct.exportViewSvg, asked once. The SVG
         * comes from the webview's own rendering (it answers a requestSvg message); a request made
         * before the page has drawn waits in the extension until it has (power-map-panel.ts).
         */
        async function exportView(target) {
            const saved = await vscode.commands.executeCommand('acct.exportViewSvg', { target: target.toString() });
            assert.ok(saved, 'acct.exportViewSvg saved nothing');
            assert.strictEqual(saved.toString(), target.toString());
            return saved;
        }

        /** Waits for a power-map webview tab whose label matches `label`. */
        function powerMapTab(label) {
            return h.waitFor(() => h.webviewTabs('acct.powerMap').find(t => label.test(t.label)), {
                message: `a webview tab of type acct.powerMap labelled ${label}`,
                describe: h.allTabs,
            });
        }

        it('opens the power-map webview panel of the customer at the cursor', async () => {
            await h.closeAll();
            const { editor } = await h.openFile('regional/jinlan-bank.acct');
            const at = h.positionOf(editor.document, 'contact qin');
            editor.selection = new vscode.Selection(at, at);
            assert.deepStrictEqual(h.webviewTabs('acct.powerMap'), [], 'a power map is open already');
            await vscode.commands.executeCommand('acct.openPowerMap');
            const tab = await powerMapTab(/^Power Map — Jinlan City Commercial Bank$/);
            assert.ok(tab.input.viewType.includes('acct.powerMap'), tab.input.viewType);
            // beside the text editor, which stays open
            const editorGroup = vscode.window.tabGroups.all.find(g =>
                g.tabs.some(t => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('jinlan-bank.acct')),
            );
            assert.ok(editorGroup, 'the .acct editor was closed');
            assert.notStrictEqual(tab.group.viewColumn, editorGroup.viewColumn, 'the power map should open beside the editor');
        });

        it('the webview draws the map: Export View as SVG (acct.exportViewSvg) holds its contacts', async function () {
            this.timeout(60000);
            const { editor } = await h.openFile('regional/jinlan-bank.acct');
            const at = h.positionOf(editor.document, 'contact qin');
            editor.selection = new vscode.Selection(at, at);
            await vscode.commands.executeCommand('acct.openPowerMap');
            await powerMapTab(/Jinlan City Commercial Bank/);
            const target = vscode.Uri.file(path.join(dir, 'jlbank.svg'));
            await exportView(target);
            const svg = fs.readFileSync(target.fsPath, 'utf8');
            assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
            for (const name of ['Song Jianguo', 'Lu Ping', 'Qin Hao']) assert.ok(svg.includes(name), `the exported view lacks ${name}`);
            assert.ok(!svg.includes('Zhou Jian'), 'the view of jlbank shows a contact of another customer');
        });

        it('opens the fishbone of a deal and the strategic sandbox in the same panel (acct.openFishbone, acct.openSandbox)', async function () {
            this.timeout(90000);
            // the cursor in a deal, as a user would: the fishbone follows it
            const { editor } = await h.openFile('donghai-mobile.acct');
            const at = h.positionOf(editor.document, 'opportunity ran27', { delta: 3 });
            editor.selection = new vscode.Selection(at, at);
            await vscode.commands.executeCommand('acct.openFishbone');
            await powerMapTab(/Donghai Mobile/);
            const fishbone = fs.readFileSync((await exportView(vscode.Uri.file(path.join(dir, 'ran27-fishbone.svg')))).fsPath, 'utf8');
            assert.ok(fishbone.includes('WIN THE BID'), `the exported view is not the fishbone of ran27: ${/<title>([^<]*)<\/title>/.exec(fishbone)?.[1]}`);
            // a bone's name is on one line, or two in a narrow panel
            for (const bone of ['COMMERCIAL EVALUATION (1)', 'TECHNICAL EVALUATION (2)', 'SELECTION DECISION (1)', 'FINAL DECISION (2)']) {
                const [first, ...rest] = bone.split(' ');
                const pattern = new RegExp(`${first}(?: |</text><text[^>]*>)${rest.join(' ').replace(/[()]/g, '\\$&')}`);
                assert.match(fishbone, pattern, `the fishbone lacks the bone ${bone}`);
            }
            for (const name of ['Qian Hong', 'Liu Guoqiang', 'Zhou Jian']) assert.ok(fishbone.includes(name), `the fishbone lacks ${name}`);

            await vscode.commands.executeCommand('acct.openSandbox');
            assert.strictEqual(h.webviewTabs('acct.powerMap').length, 1, 'the sandbox opened a second panel');
            const sandbox = fs.readFileSync((await exportView(vscode.Uri.file(path.join(dir, 'sandbox.svg')))).fsPath, 'utf8');
            // every open opportunity of the workspace, in the order of `acct sandbox`
            const order = [
                'Edge cloud for industrial parks',
                'Grid cloud security operations centre',
                'Private 5G for substation IoT',
                'Metro transport network upgrade to 400G',
                '5G-Advanced RAN expansion 2027, phase 1',
                'Dispatch data network refresh',
                'Data-centre network refresh',
                'Wi-Fi for 40 branches',
                'Private wireless for the automated container yard',
            ];
            const places = order.map(name => sandbox.indexOf(name));
            assert.ok(
                places.every(i => i >= 0),
                `the sandbox lacks ${order.filter((_, i) => places[i] < 0).join(', ')}`,
            );
            assert.deepStrictEqual(
                [...places].sort((a, b) => a - b),
                places,
                'the sandbox is not in the order of acct sandbox',
            );
            assert.ok(sandbox.includes('NOT SCORED (5)'));
        });

        it("a code lens's command opens the map of its customer", async () => {
            const { document } = await h.openFile('pearl-river-port.acct');
            const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri, 10);
            const lens = lenses.find(l => l.command && l.command.command === 'acct.openPowerMap');
            assert.ok(lens, 'no power-map code lens in pearl-river-port.acct');
            await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments || []));
            const customer = /customer pearlport "([^"]+)"/.exec(document.getText())[1];
            await powerMapTab(new RegExp(`^Power Map — ${customer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        });
    });
});
