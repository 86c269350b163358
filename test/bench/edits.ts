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
    const members = lines.flatMap((l, index) => (/^member /.test(l) ? [index] : []));
    const line = members[i % members.length];
    return { line, before: lines[line], after: lines[line].replace(/"([^"]*)"/, (_m, name: string) => `"${name.replace(/ \(\d+\)$/, '')} (${i})"`) };
}

/** Per member of `team.acct`: how many of `files` refer to it (as `owner` or in a `team`), and how often. */
export function memberReferences(teamText: string, files: string[]): Array<{ id: string; files: number; references: number }> {
    const ids = teamText.split('\n').flatMap(l => /^member (\S+)/.exec(l)?.[1] ?? []);
    const counts = new Map(ids.map(id => [id, { id, files: 0, references: 0 }]));
    for (const text of files) {
        const named = new Set<string>();
        for (const match of text.matchAll(/\b(?:owner|ar|sr|fr) ([\w-]+)/g)) {
            const count = counts.get(match[1]!);
            if (!count) continue;
            count.references++;
            if (!named.has(count.id)) count.files++;
            named.add(count.id);
        }
    }
    return [...counts.values()].sort((a, b) => b.files - a.files || b.references - a.references || a.id.localeCompare(b.id));
}

/**
 * A rename of the members of `team.acct` that the most files refer to, in their declarations
 * only (as a rename half done): each of their references is left unresolved, an error each. The
 * first member, then as many more as it takes to leave at least `minReferences` references
 * unresolved. `text`: team.acct after the rename; `referringFiles`: the files that refer to one of them.
 */
export function memberRename(
    teamText: string,
    files: string[],
    suffix: string,
    minReferences = 0,
): { text: string; ids: string[]; referringFiles: number; references: number } {
    const ranked = memberReferences(teamText, files);
    const chosen: string[] = [];
    let references = 0;
    for (const member of ranked) {
        if (chosen.length > 0 && references >= minReferences) break;
        chosen.push(member.id);
        references += member.references;
    }
    const renamed = new Set(chosen);
    const text = teamText
        .split('\n')
        .map(line => {
            const id = /^member (\S+)/.exec(line)?.[1];
            return id && renamed.has(id) ? line.replace(`member ${id}`, `member ${id}${suffix}`) : line;
        })
        .join('\n');
    const referringFiles = files.filter(f => chosen.some(id => new RegExp(`\\b(?:owner|ar|sr|fr) ${id}\\b`).test(f))).length;
    return { text, ids: chosen, referringFiles, references };
}

/** `text` with `edit` applied. */
export function applyEdit(text: string, edit: LineEdit): string {
    const lines = text.split('\n');
    lines[edit.line] = edit.after;
    return lines.join('\n');
}
