/** The README as the tests read it: its text, and the fenced block that follows a heading or a phrase. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './run-cli.js';

export const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');

/** The content of the first ```FENCE block after the text `after`. */
export function block(after: string, fence: string): string {
    const start = readme.indexOf(after);
    if (start < 0) throw new Error(`README has no '${after}'`);
    const open = readme.indexOf('```' + fence + '\n', start) + fence.length + 4;
    return readme.slice(open, readme.indexOf('```', open));
}
