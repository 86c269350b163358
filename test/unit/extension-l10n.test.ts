/**
 * The extension's own words in VS Code's display language: every `vscode.l10n.t` string of
 * client/src has its Chinese translation in l10n/bundle.l10n.zh-cn.json (with the same
 * placeholders) and the bundle holds nothing else; every `%key%` of package.json is in
 * package.nls.json and package.nls.zh-cn.json, and those hold nothing else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, string>;
const han = /\p{Script=Han}/u;
const placeholders = (text: string) => [...text.matchAll(/\{(\d+|[A-Za-z]+)\}/g)].map(m => m[1]).sort();

/** The first argument of every `vscode.l10n.t('…')` call (single-quoted literals, as the code writes them). */
function l10nStrings(): string[] {
    const dir = path.join(ROOT, 'client', 'src');
    const calls = fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.ts'))
        .flatMap(f => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)])
        .map(m => m[1]!.replace(/\\'/g, "'"));
    return [...new Set(calls)].sort();
}

describe('the extension in Chinese', () => {
    it('translates every vscode.l10n.t string, with the same placeholders, and nothing else', () => {
        const bundle = json('l10n/bundle.l10n.zh-cn.json');
        const used = l10nStrings();
        expect(used.length).toBeGreaterThan(20);
        expect(Object.keys(bundle).sort()).toEqual(used);
        for (const [english, chinese] of Object.entries(bundle)) {
            expect(han.test(chinese), english).toBe(true);
            expect(placeholders(chinese), english).toEqual(placeholders(english));
        }
    });

    it('names every command, setting and task property of package.json in both languages', () => {
        const manifest = read('package.json');
        const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map(m => m[1]!))].sort();
        expect(keys).toContain('command.openPowerMap.title');
        expect(keys).toContain('configuration.today.markdownDescription');
        const english = json('package.nls.json');
        const chinese = json('package.nls.zh-cn.json');
        expect(Object.keys(english).sort()).toEqual(keys);
        expect(Object.keys(chinese).sort()).toEqual(keys);
        for (const key of keys) expect(han.test(chinese[key]!), key).toBe(true);
        // commands are named as the method names them
        expect(chinese['command.openPowerMap.title']).toContain('权力地图');
        expect(chinese['command.openSandbox.title']).toContain('战略沙盘');
        // the manifest's placeholders are the only English left: no title or description is written out
        const contributes = JSON.parse(manifest).contributes as { commands: Array<{ title: string; category: string }> };
        expect(contributes.commands.every(c => /^%.+%$/.test(c.title) && /^%.+%$/.test(c.category))).toBe(true);
    });
});
