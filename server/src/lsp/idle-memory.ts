/**
 * A burst of edits (a paste, a tool rewriting a plan) leaves the heap grown by the documents it
 * built and dropped; V8 gives that memory back to the system only after a full collection, which
 * an idle server never triggers. After a burst, once the server has been idle for a moment, one
 * full collection runs, so the server's memory returns to what the plans need.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Edits that count as a burst. */
const BURST = 20;
/** Quiet time after the burst before collecting. */
const IDLE_MS = 1500;

type Collect = () => void;
let collect: Collect | undefined;
let edits = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** V8's `gc`, made available at run time (the server is started by editors without `--expose-gc`). */
function fullCollection(): Collect | undefined {
    if (!collect) {
        try {
            setFlagsFromString('--expose-gc');
            collect = runInNewContext('gc') as Collect;
        } catch {
            collect = () => undefined;
        }
    }
    return collect;
}

/** Called for each edit received. */
export function noteEdit(): void {
    edits++;
    if (timer) clearTimeout(timer);
    timer = undefined;
}

/** Called after each update of the plans: after a burst, collect once the server is idle. */
export function afterUpdate(): void {
    if (timer) clearTimeout(timer);
    if (edits < BURST) return;
    timer = setTimeout(() => {
        timer = undefined;
        edits = 0;
        fullCollection()?.();
    }, IDLE_MS);
    timer.unref?.();
}
