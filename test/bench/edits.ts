/**
 * The edits the benchmark makes, as an editor makes them: one line replaced. In a customer file,
 * an `intimacy` value flips or a comment is appended to a line; in `team.acct`, a comment changes
 * or a member's display name changes.
 */
import { mulberry } from './measure.js';

export interface LineEdit {
    line: number;
    /** The line before and after the edit (without its line break). */
    before: string;
    after: string;
}

/** `count` one-line edits of `text`, each applied after the previous one; deterministic. */
export function customerEdits(text: string, count: number, seed: number): LineEdit[] {
    const lines = text.split('\n');
    const random = mulberry(seed);
    const edits: LineEdit[] = [];
    for (let i = 0; i < count; i++) {
        const target = Math.floor(random() * (lines.length - 1));
        const intimacy = lines.findIndex((l, j) => j >= target && /^\s+intimacy -?\d/.test(l));
        let line = target;
        let after: string;
        if (i % 2 === 0 && intimacy >= 0) {
            line = intimacy;
            after = lines[line].replace(/intimacy (-?\d)/, (_m, v) => `intimacy ${v === '1' ? '2' : '1'}`);
        } else {
            after = `${lines[line].replace(/ \/\/ edit \d+$/, '')} // edit ${i}`;
        }
        edits.push({ line, before: lines[line], after });
        lines[line] = after;
    }
    return edits;
}

/** An edit of `team.acct`: `comment` changes a comment only; `member` changes a member's display name. */
export function teamEdit(text: string, kind: 'comment' | 'member', i: number): LineEdit {
    const lines = text.split('\n');
    if (kind === 'comment') {
        const line = lines.findIndex(l => /^\s*\/\/ /.test(l));
        return { line, before: lines[line], after: `// edited ${i}: ${lines[line].replace(/^\s*\/\/ (edited \d+: )?/, '')}` };
    }
    const members = lines.flatMap((l, index) => /^member /.test(l) ? [index] : []);
    const line = members[i % members.length];
    return { line, before: lines[line], after: lines[line].replace(/"([^"]*)"/, (_m, name: string) => `"${name.replace(/ \(\d+\)$/, '')} (${i})"`) };
}

/**
 * A rename of the member of `team.acct` that the most files of `files` refer to (as `owner` or
 * in a `team`): its id in `team.acct` becomes `to`, so every reference to it in those files is left
 * unresolved (an error each) until renamed back. `referringFiles`: how many files refer to it.
 */
export function memberRename(teamText: string, files: string[], to: string): LineEdit & { id: string; referringFiles: number } {
    const lines = teamText.split('\n');
    const ids = lines.flatMap(l => /^member (\S+)/.exec(l)?.[1] ?? []);
    const referring = new Map<string, number>(ids.map(id => [id, 0]));
    for (const text of files) {
        const named = new Set<string>();
        for (const match of text.matchAll(/\b(?:owner|AR|SR|FR) ([\w-]+)/g)) named.add(match[1]!);
        for (const id of named) if (referring.has(id)) referring.set(id, referring.get(id)! + 1);
    }
    const [id, referringFiles] = [...referring].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const line = lines.findIndex(l => l.startsWith(`member ${id} `) || l === `member ${id}`);
    return { line, before: lines[line], after: lines[line].replace(`member ${id}`, `member ${to}`), id, referringFiles };
}

/** `text` with `edit` applied. */
export function applyEdit(text: string, edit: LineEdit): string {
    const lines = text.split('\n');
    lines[edit.line] = edit.after;
    return lines.join('\n');
}
