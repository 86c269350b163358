/**
 * A small fake of the `vscode` module for the unit tests of the extension's side (install it with
 * `vi.mock('vscode', async () => (await import('./fake-vscode.js')).fakeVscode())`):
 * URIs, positions, the display language and `l10n.t` without a bundle; each test fills `window`,
 * `workspace` and `commands` with what it needs.
 */
export function fakeVscode() {
    class Uri {
        constructor(readonly value: string) {}
        static parse(s: string): Uri {
            return new Uri(s);
        }
        static joinPath(base: Uri, ...parts: string[]): Uri {
            let v = base.value.replace(/\/$/, '');
            for (const p of parts) v = p === '..' ? v.replace(/\/[^/]*$/, '') : `${v}/${p}`;
            return new Uri(v);
        }
        get scheme(): string {
            return this.value.replace(/:.*$/s, '');
        }
        get path(): string {
            return this.value.replace(/^[a-z]+:\/\/[^/]*/, '');
        }
        get fsPath(): string {
            return this.path;
        }
        toString(): string {
            return this.value;
        }
    }
    class Position {
        constructor(
            readonly line: number,
            readonly character: number,
        ) {}
    }
    class Range {
        constructor(
            readonly start: Position,
            readonly end: Position,
        ) {}
    }
    const Disposable = { from: (...ds: Array<{ dispose(): unknown }>) => ({ dispose: () => ds.forEach(d => d.dispose()) }) };
    return {
        Uri,
        Position,
        Range,
        Disposable,
        ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
        TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
        window: {},
        workspace: {},
        commands: {},
        // the display language (a test may change it) and the l10n API without a bundle: the English text, placeholders filled
        env: { language: 'en' },
        l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])) },
    };
}
