/**
 * A fake webview panel for the unit tests of the power-map panel (client/src/power-map-panel.ts):
 * it records what the panel posts (as JSON, as a webview receives it) and lets the test play the
 * page's messages.
 */
import { vi } from 'vitest';

type Listener<T> = (e: T) => void;

export class Emitter<T> {
    private listeners: Array<Listener<T>> = [];
    event = (l: Listener<T>) => {
        this.listeners.push(l);
        return {
            dispose: () => {
                this.listeners = this.listeners.filter(x => x !== l);
            },
        };
    };
    fire(e: T): void {
        for (const l of [...this.listeners]) l(e);
    }
}

export interface FakePanel {
    viewType: string;
    title: string;
    options: unknown;
    visible: boolean;
    viewColumn: number;
    webview: {
        html: string;
        options: unknown;
        cspSource: string;
        posted: unknown[];
        asWebviewUri(u: { toString(): string }): { toString(): string };
        postMessage(m: unknown): Promise<boolean>;
        onDidReceiveMessage: Emitter<unknown>['event'];
        receive: Emitter<unknown>;
    };
    onDidDispose: Emitter<void>['event'];
    onDidChangeViewState: Emitter<unknown>['event'];
    reveal: ReturnType<typeof vi.fn>;
    dispose(): void;
}

export function makePanel(viewType: string, options: unknown): FakePanel {
    const receive = new Emitter<unknown>();
    const disposed = new Emitter<void>();
    const p: FakePanel = {
        viewType,
        title: '',
        options,
        visible: true,
        viewColumn: 2,
        webview: {
            html: '',
            options,
            cspSource: 'https://*.vscode-cdn.net',
            posted: [],
            asWebviewUri: u => ({ toString: () => `https://webview.test${new URL(u.toString()).pathname}` }),
            postMessage: async m => {
                p.webview.posted.push(JSON.parse(JSON.stringify(m)));
                return true;
            },
            onDidReceiveMessage: receive.event,
            receive,
        },
        onDidDispose: disposed.event,
        onDidChangeViewState: new Emitter<unknown>().event,
        reveal: vi.fn(),
        dispose: () => disposed.fire(),
    };
    return p;
}
