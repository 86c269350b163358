/**
 * The VS Code side of the power map (`client/src/power-map-panel.ts`) against a small fake of the
 * `vscode` API: what it asks the plan source, what it posts to the webview, how it reveals and
 * exports. The real-VS-Code suites exercise it end to end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Picture, PlanView, SourceAnchor } from '@acct/contract';
import type { ViewStrings } from '@acct/method';
import type { FocusRequest, PlanViewRequest } from '@acct/contract/protocol';

vi.mock('vscode', async () => (await import('../support/fake-vscode.js')).fakeVscode());

// files on disk are written through the safe-write room: record what it is asked to write
vi.mock('@acct/files/safe-write', async importOriginal => ({
    ...(await importOriginal<typeof import('@acct/files/safe-write')>()),
    writeFileSafely: async (file: string, text: string) => {
        written.push({ uri: `file://${file}`, text });
    },
}));

import * as vscode from 'vscode';
import { registerPowerMap } from '../../client/src/power-map-commands.js';
import { PowerMapPanel, type PlanSource } from '../../client/src/power-map-panel.js';
import { Emitter, makePanel, type FakePanel } from '../support/fake-panel.js';
import { BUNDLE_SCRIPT, BUNDLE_STYLE, fakeExtensionDir } from '../support/extension-dir.js';
import { customerJson, opportunityJson, planJson } from '../support/plan-json.mjs';

const extensionDir = fakeExtensionDir();

const DOC = 'file:///plans/cmgd.acct';
const view: PlanView = {
    plan: planJson({
        files: ['cmgd.acct'],
        customers: [
            customerJson('cmgd', {
                name: 'China Mobile Guangdong',
                standing: 5,
                cooperation: 4,
                tier: 'strategic',
                suggestedTier: 'excellent',
                opportunities: ['core5g', 'oss'].map(id => opportunityJson(id, { stage: 'opportunity' })),
            }),
        ],
    }),
    subjects: [],
    hasErrors: false,
};
/** Where the server locates declarations. */
const anchors: Record<string, SourceAnchor> = { 'contact:cmgd/li': { uri: DOC, line: 21, column: 5 } };

let panels: FakePanel[];
let commands: Map<string, (...args: unknown[]) => unknown>;
let serializers: Map<string, { deserializeWebviewPanel(p: unknown, s: unknown): Promise<void> }>;
let onActive: Emitter<unknown>;
let onSelection: Emitter<unknown>;
let planChanged: Emitter<void>;
/** The plan-view and focus requests, in order. */
let requests: Array<PlanViewRequest.Params & Partial<FocusRequest.Params>>;
let editor: { document: { uri: vscode.Uri; languageId: string }; selection: { active: vscode.Position }; viewColumn: number };
let written: Array<{ uri: string; text: string }>;
let shown: Array<{ uri: string; options: Record<string, unknown> }>;
let saveDialog: ReturnType<typeof vi.fn>;
let source: PlanSource;
let context: { extensionUri: vscode.Uri; subscriptions: Array<{ dispose(): unknown }> };

function install(): void {
    panels = [];
    commands = new Map();
    serializers = new Map();
    onActive = new Emitter();
    onSelection = new Emitter();
    planChanged = new Emitter();
    requests = [];
    written = [];
    shown = [];
    editor = { document: { uri: vscode.Uri.parse(DOC), languageId: 'acct' }, selection: { active: new vscode.Position(30, 4) }, viewColumn: 1 };
    saveDialog = vi.fn(async () => vscode.Uri.parse('file:///plans/out.svg'));
    const v = vscode as unknown as Record<string, Record<string, unknown>>;
    Object.defineProperty(v.window, 'activeTextEditor', { get: () => editor, configurable: true });
    Object.assign(v.window, {
        visibleTextEditors: [],
        createWebviewPanel: (type: string, _title: string, _col: unknown, options: unknown) => {
            const p = makePanel(type, options);
            panels.push(p);
            return p;
        },
        onDidChangeActiveTextEditor: onActive.event,
        onDidChangeTextEditorSelection: onSelection.event,
        registerWebviewPanelSerializer: (type: string, s: { deserializeWebviewPanel(p: unknown, s: unknown): Promise<void> }) => {
            serializers.set(type, s);
            return { dispose() {} };
        },
        showTextDocument: async (uri: vscode.Uri, options: Record<string, unknown>) => {
            shown.push({ uri: uri.toString(), options });
            return { viewColumn: options.viewColumn, revealRange: () => undefined };
        },
        showSaveDialog: saveDialog,
        showInformationMessage: async () => undefined,
        showErrorMessage: async () => undefined,
    });
    Object.assign(v.workspace, {
        textDocuments: [],
        findFiles: async () => [],
        workspaceFolders: [],
        getWorkspaceFolder: () => undefined,
        asRelativePath: (u: vscode.Uri) => u.toString(),
        fs: {
            writeFile: async (uri: vscode.Uri, data: Uint8Array) => {
                written.push({ uri: uri.toString(), text: new TextDecoder().decode(data) });
            },
        },
    });
    Object.assign(v.commands, {
        registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
            commands.set(id, fn);
            return { dispose() {} };
        },
        executeCommand: async () => undefined,
    });
    source = {
        planView: async params => {
            requests.push(params);
            return view;
        },
        focus: async params => {
            requests.push(params);
            return { customer: 'cmgd', opportunity: params.position.line > 40 ? 'core5g' : null };
        },
        locate: async params => anchors[params.subject] ?? null,
        onPlanChanged: listener => planChanged.event(() => listener()),
    };
    context = { extensionUri: vscode.Uri.parse(`file://${extensionDir}`), subscriptions: [] };
    registerPowerMap(context as unknown as vscode.ExtensionContext, source);
}

/** The pictures posted, as the plan drawn and the element shown. */
const plans = (p: FakePanel) =>
    (p.webview.posted.filter(m => (m as { type: string }).type === 'picture') as Array<{ picture: Picture }>).map(m => ({
        view: m.picture.view,
        focus: m.picture.shown,
    }));

beforeEach(() => {
    vi.useFakeTimers();
    install();
});

afterEach(() => {
    PowerMapPanel.current?.dispose();
    vi.useRealTimers();
});

describe('power-map panel', () => {
    it('opens one panel with scripts, its bundle written into the page (no resource to load) and a fresh nonce per render', async () => {
        await commands.get('acct.openPowerMap')!();
        await commands.get('acct.openPowerMap')!();
        expect(panels).toHaveLength(1);
        const p = panels[0]!;
        expect(p.viewType).toBe('acct.powerMap');
        const opts = p.options as { enableScripts: boolean; localResourceRoots: vscode.Uri[]; retainContextWhenHidden?: boolean };
        expect(opts.enableScripts).toBe(true);
        expect(opts.retainContextWhenHidden).toBeUndefined();
        // the page loads no file: the bundle is written into it, under its nonce
        expect(opts.localResourceRoots).toEqual([]);
        const nonce1 = /nonce="([^"]+)"/.exec(p.webview.html)![1];
        expect(p.webview.html).toContain('default-src &#39;none&#39;');
        expect(p.webview.html).toContain(`<script nonce="${nonce1}">\n${BUNDLE_SCRIPT}\n</script>`);
        expect(p.webview.html).toContain(`<style nonce="${nonce1}">\n${BUNDLE_STYLE}\n</style>`);
        expect(p.webview.html).not.toMatch(/\ssrc=|\shref=/);
        // a restored panel (after a window reload) renders again, with another nonce
        const restored = makePanel('acct.powerMap', {});
        await serializers.get('acct.powerMap')!.deserializeWebviewPanel(restored, {});
        const nonce2 = /nonce="([^"]+)"/.exec(restored.webview.html)![1];
        expect(nonce2).not.toBe(nonce1);
        expect((restored.webview.options as { enableScripts: boolean }).enableScripts).toBe(true);
    });

    it('sends the plan and the focus of the cursor, following the cursor with a debounce', async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(requests.at(-1)).toEqual({ uri: DOC, position: { line: 30, character: 4 } });
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: null });
        expect(p.title).toBe('Power Map — China Mobile Guangdong');
        const before = requests.length;
        for (const line of [41, 42, 43, 44]) {
            editor.selection = { active: new vscode.Position(line, 0) };
            onSelection.fire({ textEditor: editor, selections: [{ active: new vscode.Position(line, 0) }] });
            await vi.advanceTimersByTimeAsync(50);
        }
        expect(requests.length).toBe(before);
        await vi.advanceTimersByTimeAsync(300);
        expect(requests.length).toBe(before + 1);
        expect(requests.at(-1)!.position).toEqual({ line: 44, character: 0 });
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: 'core5g' });
        // other languages do not move the view
        onSelection.fire({ textEditor: { ...editor, document: { uri: vscode.Uri.parse('file:///x.ts'), languageId: 'typescript' } }, selections: [] });
        await vi.advanceTimersByTimeAsync(300);
        expect(requests.length).toBe(before + 1);
        // a rebuilt plan is sent again
        planChanged.fire();
        await vi.advanceTimersByTimeAsync(300);
        expect(requests.length).toBe(before + 2);
    });

    it('shows the element given to the command until the cursor moves', async () => {
        await commands.get('acct.openPowerMap')!({ uri: DOC, customer: 'cmgd', opportunity: 'oss' });
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(requests.at(-1)).toEqual({ uri: DOC });
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: 'oss' });
        onSelection.fire({ textEditor: editor, selections: [{ active: editor.selection.active }] });
        await vi.advanceTimersByTimeAsync(300);
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: null });
    });

    it('reveals a subject in the editor column and does not refocus on its own reveal', async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        const count = requests.length;
        p.webview.receive.fire({ type: 'reveal', subject: 'contact:cmgd/li' });
        await vi.advanceTimersByTimeAsync(0);
        expect(shown).toHaveLength(1);
        expect(shown[0]!.uri).toBe(DOC);
        expect(shown[0]!.options.viewColumn).toBe(1);
        const sel = shown[0]!.options.selection as { start: { line: number; character: number } };
        expect(sel.start).toEqual({ line: 20, character: 4 });
        onSelection.fire({ textEditor: editor, selections: [{ active: new vscode.Position(20, 4) }] });
        await vi.advanceTimersByTimeAsync(300);
        expect(requests.length).toBe(count);
        // unknown subjects are ignored
        p.webview.receive.fire({ type: 'reveal', subject: 'contact:cmgd/nobody' });
        await vi.advanceTimersByTimeAsync(0);
        expect(shown).toHaveLength(1);
    });

    it("saves an exported SVG where the user chooses, or to the command's target without a dialog", async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg/>', suggestedName: '../../evil/cmgd-power-map.svg' });
        await vi.advanceTimersByTimeAsync(0);
        expect(saveDialog).toHaveBeenCalledTimes(1);
        expect(String((saveDialog.mock.calls[0]![0] as { defaultUri: vscode.Uri }).defaultUri)).toBe('file:///plans/cmgd-power-map.svg');
        expect(written).toEqual([{ uri: 'file:///plans/out.svg', text: '<svg/>' }]);

        const done = commands.get('acct.exportViewSvg')!({ target: 'file:///plans/view.svg' }) as Promise<vscode.Uri | undefined>;
        await vi.advanceTimersByTimeAsync(0);
        const asked = p.webview.posted.at(-1) as { type: string; request: number };
        expect(asked).toEqual({ type: 'requestSvg', request: expect.any(Number) });
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg>2</svg>', suggestedName: 'x.svg', request: asked.request });
        expect(String(await done)).toBe('file:///plans/view.svg');
        expect(written.at(-1)).toEqual({ uri: 'file:///plans/view.svg', text: '<svg>2</svg>' });
        expect(saveDialog).toHaveBeenCalledTimes(1);
    });

    it('an export asked for before the page drew is sent once, when it has drawn, and saves (no second request needed)', async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        const requestsForSvg = () => p.webview.posted.filter(m => (m as { type: string }).type === 'requestSvg').length;
        // asked at once after opening: the page has not said `ready`, nothing is drawn
        const done = commands.get('acct.exportViewSvg')!({ target: 'file:///plans/early.svg' }) as Promise<vscode.Uri | undefined>;
        await vi.advanceTimersByTimeAsync(10);
        expect(requestsForSvg()).toBe(0);
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        // the picture first, then the one request for its SVG
        const types = p.webview.posted.map(m => (m as { type: string }).type);
        expect(types.filter(t => t === 'requestSvg')).toHaveLength(1);
        expect(types.lastIndexOf('picture')).toBeLessThan(types.indexOf('requestSvg'));
        // the page echoes the request it answers (webview-messages.ts)
        const lastRequest = () => (p.webview.posted.filter(m => (m as { type: string }).type === 'requestSvg').at(-1) as { request: number }).request;
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg>early</svg>', suggestedName: 'x.svg', request: lastRequest() });
        expect(String(await done)).toBe('file:///plans/early.svg');
        expect(written.at(-1)).toEqual({ uri: 'file:///plans/early.svg', text: '<svg>early</svg>' });

        // a page that reloads while an export waits for it: the new page is asked once it has drawn
        const again = commands.get('acct.exportViewSvg')!({ target: 'file:///plans/again.svg' }) as Promise<vscode.Uri | undefined>;
        await vi.advanceTimersByTimeAsync(0);
        expect(requestsForSvg()).toBe(2);
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(requestsForSvg()).toBe(3);
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg>again</svg>', suggestedName: 'x.svg', request: lastRequest() });
        expect(String(await again)).toBe('file:///plans/again.svg');
    });

    it('an export whose request got no answer is asked again, and only the answer to the request pending is saved', async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        const requests = () => p.webview.posted.filter((m): m is { type: 'requestSvg'; request: number } => (m as { type: string }).type === 'requestSvg');
        const first = commands.get('acct.exportViewSvg')!({ target: 'file:///plans/first.svg' }) as Promise<vscode.Uri | undefined>;
        await vi.advanceTimersByTimeAsync(0);
        expect(requests()).toHaveLength(1);
        // the message was lost (a page reloading): asked again, with the same request
        await vi.advanceTimersByTimeAsync(2_000);
        expect(requests()).toHaveLength(2);
        expect(requests()[1]!.request).toBe(requests()[0]!.request);
        // a second export replaces the first; a late answer to the first is not saved as the second
        const second = commands.get('acct.exportViewSvg')!({ target: 'file:///plans/second.svg' }) as Promise<vscode.Uri | undefined>;
        expect(await first).toBeUndefined();
        await vi.advanceTimersByTimeAsync(0);
        const latest = requests().at(-1)!.request;
        expect(latest).not.toBe(requests()[0]!.request);
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg>late</svg>', suggestedName: 'x.svg', request: requests()[0]!.request });
        await vi.advanceTimersByTimeAsync(0);
        expect(written.some(w => w.text === '<svg>late</svg>')).toBe(false);
        p.webview.receive.fire({ type: 'exportSvg', svg: '<svg>second</svg>', suggestedName: 'x.svg', request: latest });
        expect(String(await second)).toBe('file:///plans/second.svg');
        expect(written.at(-1)).toEqual({ uri: 'file:///plans/second.svg', text: '<svg>second</svg>' });
        // answered: not asked again
        const asked = requests().length;
        await vi.advanceTimersByTimeAsync(5_000);
        expect(requests()).toHaveLength(asked);
    });

    it('opens the fishbone and the sandbox views: the view is sent once the webview is ready, then at once', async () => {
        await commands.get('acct.openFishbone')!({ uri: DOC, customer: 'cmgd', opportunity: 'oss' });
        const p = panels[0]!;
        expect(p.webview.posted).toEqual([]);
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(p.webview.posted[0]).toEqual({ type: 'showView', view: 'fishbone' });
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: 'oss' });
        await commands.get('acct.openSandbox')!();
        await vi.advanceTimersByTimeAsync(10);
        expect(panels).toHaveLength(1);
        expect(p.webview.posted.filter(m => (m as { type: string }).type === 'showView').at(-1)).toEqual({ type: 'showView', view: 'sandbox' });
        await commands.get('acct.openPowerMap')!({ view: 'intimacy' });
        await vi.advanceTimersByTimeAsync(10);
        expect(p.webview.posted.filter(m => (m as { type: string }).type === 'showView').at(-1)).toEqual({ type: 'showView', view: 'intimacy' });
        // an unknown view is no view
        const count = p.webview.posted.length;
        await commands.get('acct.openPowerMap')!({ view: 'nonsense' });
        await vi.advanceTimersByTimeAsync(10);
        expect(p.webview.posted.slice(count).some(m => (m as { type: string }).type === 'showView')).toBe(false);
    });

    it('shows the deal the user picked in the webview until the cursor moves', async () => {
        await commands.get('acct.openPowerMap')!();
        const p = panels[0]!;
        p.webview.receive.fire({ type: 'ready' });
        await vi.advanceTimersByTimeAsync(10);
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: null });
        p.webview.receive.fire({ type: 'show', focus: { customer: 'cmgd', opportunity: 'core5g' } });
        await vi.advanceTimersByTimeAsync(10);
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: 'core5g' });
        // a malformed message is ignored
        p.webview.receive.fire({ type: 'show', focus: null });
        await vi.advanceTimersByTimeAsync(10);
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: 'core5g' });
        onSelection.fire({ textEditor: editor, selections: [{ active: editor.selection.active }] });
        await vi.advanceTimersByTimeAsync(300);
        expect(plans(p).at(-1)!.focus).toEqual({ customer: 'cmgd', opportunity: null });
    });

    it('sends the webview the words of the display language before its first picture, again to every new page', async () => {
        const env = (vscode as unknown as { env: { language: string } }).env;
        env.language = 'zh-cn';
        try {
            await commands.get('acct.openPowerMap')!();
            const p = panels[0]!;
            p.webview.receive.fire({ type: 'ready' });
            await vi.advanceTimersByTimeAsync(10);
            const types = p.webview.posted.map(m => (m as { type: string }).type);
            expect(types.filter(t => t === 'strings' || t === 'picture')).toEqual(['strings', 'picture']);
            const strings = (p.webview.posted.find(m => (m as { type: string }).type === 'strings') as { strings: ViewStrings }).strings;
            expect(strings.locale).toBe('zh-CN');
            expect(strings.messages['view.tab.power']).toBe('权力地图');
            expect(Object.keys(strings.messages).every(key => key.startsWith('view.'))).toBe(true);
            // a reloaded page says `ready` again and gets its words again
            p.webview.posted.length = 0;
            p.webview.receive.fire({ type: 'ready' });
            await vi.advanceTimersByTimeAsync(10);
            expect(p.webview.posted.filter(m => (m as { type: string }).type === 'strings')).toHaveLength(1);
        } finally {
            env.language = 'en';
        }
    });
});
