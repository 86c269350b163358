/** File paths in the plan: relative to the base folder (the current directory, or the workspace folder), with `/`. */
import type { URI } from 'langium';

/** Path of `uri` relative to `base` (a folder URI); `../` when outside it; the file name when there is no base. */
export function relativePath(uri: URI, base: URI | undefined): string {
    if (!base) return uri.path.split('/').pop() ?? uri.path;
    const from = base.path.replace(/\/+$/, '').split('/');
    const to = uri.path.split('/');
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
