/**
 * The README and the docs as the tests read them: their text, and the fenced block that follows a
 * heading or a phrase. The README is short (issue 18); the references it links to hold the rest.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './run-cli.js';

/** The text of a file of the project (`README.md`, `docs/cli.md`). */
export function doc(file: string): string {
    return readFileSync(path.join(projectRoot, file), 'utf8');
}

export const readme = doc('README.md');
/** The command-line reference, moved out of the README. */
export const cliDoc = doc('docs/cli.md');

/** The content of the first ```FENCE block after the text `after` in `text` (the README by default). */
export function block(after: string, fence: string, text = readme, where = 'README'): string {
    const start = text.indexOf(after);
    if (start < 0) throw new Error(`${where} has no '${after}'`);
    const open = text.indexOf('```' + fence + '\n', start) + fence.length + 4;
    return text.slice(open, text.indexOf('```', open));
}

/** The content of the first ```FENCE block after `after` in docs/cli.md. */
export function cliBlock(after: string, fence: string): string {
    return block(after, fence, cliDoc, 'docs/cli.md');
}
