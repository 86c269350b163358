/**
 * The few parts of the `vscode` API the power-map panel uses, for running the real panel in the
 * benchmark (esbuild aliases `vscode` to this file in the bench bundle only). The bench plays the
 * editor: it sets the active editor, fires cursor moves and plays the webview.
 */
type Listener<T> = (e: T) => void;

export class EventEmitter<T> {
    private listeners: Array<Listener<T>> = [];
    readonly event = (listener: Listener<T>) => {
        this.listeners.push(listener);
        return {
            dispose: () => {
                this.listeners = this.listeners.filter(l => l !== listener);
            },
        };
    };
    fire(e: T): void {
        for (const listener of [...this.listeners]) listener(e);
    }
}

export class Uri {
    private constructor(private readonly value: string) {}
    static parse(value: string): Uri {
        return new Uri(value);
    }
    static file(path: string): Uri {
        return new Uri(`file://${path}`);
    }
    static joinPath(base: Uri, ...parts: string[]): Uri {
        let value = base.value.replace(/\/$/, '');
        for (const part of parts) value = part === '..' ? value.replace(/\/[^/]*$/, '') : `${value}/${part}`;
        return new Uri(value);
    }
    get scheme(): string {
        return this.value.replace(/:.*$/s, '');
    }
    get path(): string {
        return decodeURIComponent(this.value.replace(/^[a-z]+:\/\/[^/]*/, ''));
    }
    get fsPath(): string {
        return this.path;
    }
    toString(): string {
        return this.value;
    }
}

export class Position {
    constructor(
        readonly line: number,
        readonly character: number,
    ) {}
}

export class Range {
    constructor(
        readonly start: Position,
        readonly end: Position,
    ) {}
}

export class Selection extends Range {
    constructor(
        readonly anchor: Position,
        readonly active: Position,
    ) {
        super(anchor, active);
    }
}

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 };
export const TextEditorRevealType = { InCenterIfOutsideViewport: 2 };
export const Disposable = { from: (...items: Array<{ dispose(): unknown }>) => ({ dispose: () => items.forEach(d => d.dispose()) }) };

export interface FakeEditor {
    document: { uri: Uri; languageId: string };
    selection: Selection;
    viewColumn: number;
}

export interface FakeWebviewPanel {
    title: string;
    visible: boolean;
    viewColumn: number;
    webview: {
        html: string;
        options: unknown;
        cspSource: string;
        asWebviewUri(uri: Uri): Uri;
        postMessage(message: unknown): Promise<boolean>;
        onDidReceiveMessage: EventEmitter<unknown>['event'];
    };
    onDidDispose: EventEmitter<void>['event'];
    onDidChangeViewState: EventEmitter<unknown>['event'];
    reveal(): void;
    dispose(): void;
}

/** What the bench controls: the editor, the folder, and what the panel posts to its webview. */
export const bench = {
    editor: undefined as FakeEditor | undefined,
    folder: undefined as Uri | undefined,
    activeEditor: new EventEmitter<FakeEditor | undefined>(),
    selection: new EventEmitter<{ textEditor: FakeEditor; selections: Selection[] }>(),
    fromWebview: new EventEmitter<unknown>(),
    /** Called with each message the panel posts to the webview. */
    onPost: (_message: unknown) => undefined as void,
};

export const window = {
    get activeTextEditor() {
        return bench.editor;
    },
    get visibleTextEditors() {
        return bench.editor ? [bench.editor] : [];
    },
    onDidChangeActiveTextEditor: bench.activeEditor.event,
    onDidChangeTextEditorSelection: bench.selection.event,
    createWebviewPanel(_type: string, title: string): FakeWebviewPanel {
        const disposed = new EventEmitter<void>();
        return {
            title,
            visible: true,
            viewColumn: 2,
            webview: {
                html: '',
                options: {},
                cspSource: 'https://bench.invalid',
                asWebviewUri: uri => uri,
                postMessage: async message => {
                    bench.onPost(message);
                    return true;
                },
                onDidReceiveMessage: bench.fromWebview.event,
            },
            onDidDispose: disposed.event,
            onDidChangeViewState: new EventEmitter<unknown>().event,
            reveal: () => undefined,
            dispose: () => disposed.fire(),
        };
    },
    showInformationMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    showSaveDialog: async () => undefined,
    showTextDocument: async () => bench.editor,
};

export const workspace = {
    get workspaceFolders() {
        return bench.folder ? [{ uri: bench.folder, name: 'bench', index: 0 }] : [];
    },
    getWorkspaceFolder: () => (bench.folder ? { uri: bench.folder, name: 'bench', index: 0 } : undefined),
    get textDocuments() {
        return bench.editor ? [bench.editor.document] : [];
    },
    findFiles: async () => [],
    asRelativePath: (uri: Uri) => uri.path,
};

export const commands = { executeCommand: async () => undefined };

/** English, as VS Code without a language pack: `{0}` placeholders filled in. */
export const l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) };
export const env = { language: 'en' };
