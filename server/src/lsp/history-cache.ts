/**
 * The plan's history for the editor (issue 20): the Trends view and the stage age of the
 * opportunity hover and the sandbox view. Read once per workspace folder and HEAD, in the
 * background, commit by commit (each step awaits, so that the server keeps answering and checking
 * while it reads: it never holds the workspace lock; it waits for the server's checks to end and
 * gives way every few milliseconds within a commit, so that an edit's diagnostics are not delayed), and kept as the trend of every subject and
 * the stage age of every opportunity; a question is then answered from what is kept, with no git.
 *
 * Git is read by a `HistoryReader` the server's entry point gives (node/history-reader.ts: the
 * `acct history` engine); without one, or in an untrusted workspace, there is no history.
 */
import type { AcctPlanDocument } from '../contract/plan-types.js';
import type { HistoryEntry } from '../contract/history-report.js';
import { StageAges, type StageAge } from '../contract/stage-age.js';
import { TrendHistory, type TrendsState } from '../contract/trends.js';
import type { SubjectKey } from '../contract/subject-key.js';
import type { Locale, Texts } from '../method/index.js';

/** How the server reads git (given by its entry point; lsp/ does not run processes). */
export interface HistoryReader {
    /** The commit HEAD names in the repository holding `folder`; null outside a git work tree or before the first commit. */
    head(folder: string): Promise<string | null>;
    /**
     * The commits that changed the plans under `folder`, oldest first, each with its whole plan;
     * `giveWay` resolves when the server's own checks are done (the reading waits for it as it goes).
     */
    commits(folder: string, locale: Locale, giveWay?: () => Promise<void>): AsyncIterable<{ entry: HistoryEntry; plan: AcctPlanDocument }>;
}

interface Read {
    head: string | null;
    locale: Locale;
    state: 'loading' | 'ready' | 'noGit' | 'failed';
    detail?: string;
    trends: TrendHistory;
    ages: StageAges;
    /** Resolves when the reading ends (whatever its end). */
    done: Promise<void>;
}

/** The cache of each server, by its settings (the hover asks it for the stage age). */
export const historyCaches = new WeakMap<object, HistoryCache>();

/** HEAD is asked again at most this often (a cursor move answers from the cache in the meantime). */
const HEAD_CHECK_MS = 1500;

export class HistoryCache {
    trusted = false;
    private readonly reads = new Map<string, Read>();
    private readonly headChecked = new Map<string, { at: number; head: Promise<string | null> }>();

    /**
     * `onReady(folder)` fires when a reading ends; `idle()` resolves when the server's checks of the
     * plans are done: the reading waits for it between its steps, so that it never delays diagnostics.
     */
    constructor(
        private readonly reader: HistoryReader | undefined,
        private readonly onReady: (folder: string) => void,
        private readonly idle?: () => Promise<void>,
    ) {}

    /** The trend of `subject` (named `name` in the plan of now) in `folder`, or why there is none; starts the reading when needed. */
    async trend(folder: string, subject: SubjectKey | null, name: string | null, texts: Texts): Promise<TrendsState> {
        const read = await this.current(folder, texts.locale);
        if ('status' in read) return read;
        if (read.state === 'loading') return { status: 'loading' };
        if (read.state === 'noGit') return { status: 'noGit' };
        if (read.state === 'failed') return { status: 'failed', detail: read.detail ?? '' };
        if (!subject) return { status: 'noSubject' };
        const trend = read.trends.of(subject, texts);
        return trend ? { status: 'ready', trend } : { status: 'notInHistory', name: name ?? subject };
    }

    /** Since when each open opportunity has held its stage, once the history is read (else empty and the reading starts). */
    async stageAges(folder: string, locale: Locale): Promise<{ status: TrendsState['status']; ages: StageAges | undefined }> {
        const read = await this.current(folder, locale);
        if ('status' in read) return { status: read.status, ages: undefined };
        return { status: read.state === 'ready' ? 'ready' : read.state, ages: read.state === 'ready' ? read.ages : undefined };
    }

    /**
     * The reading of `folder` at its HEAD: the one kept, answered at once (HEAD is checked again in
     * the background at most every HEAD_CHECK_MS; a moved HEAD starts a new reading, and its end is
     * notified), or — the first time — a new one started in the background.
     */
    private async current(folder: string, locale: Locale): Promise<Read | { status: 'untrusted' | 'noGit' }> {
        if (!this.reader) return { status: 'noGit' };
        if (!this.trusted) return { status: 'untrusted' };
        const kept = this.reads.get(folder);
        if (kept && kept.locale === locale) {
            const checked = this.headChecked.get(folder);
            if (!checked || Date.now() - checked.at >= HEAD_CHECK_MS) {
                void this.head(folder).then(head => {
                    if (this.reads.get(folder) === kept && head !== kept.head) this.start(folder, head, locale);
                });
            }
            return kept;
        }
        return this.start(folder, await this.head(folder), locale);
    }

    private start(folder: string, head: string | null, locale: Locale): Read {
        const read: Read = {
            head,
            locale,
            state: head === null ? 'noGit' : 'loading',
            trends: new TrendHistory(),
            ages: new StageAges(),
            done: Promise.resolve(),
        };
        this.reads.set(folder, read);
        if (head !== null) read.done = this.read(folder, read);
        return read;
    }

    private head(folder: string): Promise<string | null> {
        const now = Date.now();
        const checked = this.headChecked.get(folder);
        if (checked && now - checked.at < HEAD_CHECK_MS) return checked.head;
        const head = this.reader!.head(folder).catch(() => null);
        this.headChecked.set(folder, { at: now, head });
        return head;
    }

    private async read(folder: string, read: Read): Promise<void> {
        // the reading starts after the question is answered ("loading"): never in the way of a check
        await new Promise(resolve => setTimeout(resolve, 0));
        try {
            for await (const { entry, plan } of this.reader!.commits(folder, read.locale, this.idle)) {
                if (this.reads.get(folder) !== read) return; // HEAD moved: a newer reading counts
                read.trends.add(entry, plan);
                read.ages.add(plan, entry.date);
                // one commit at a time: the server answers and checks between two
                await new Promise(resolve => setImmediate(resolve));
            }
            read.state = 'ready';
        } catch (err) {
            read.state = 'failed';
            read.detail = err instanceof Error ? err.message : String(err);
        }
        if (this.reads.get(folder) === read) this.onReady(folder);
    }

    /** For tests and the benchmark: the reading of `folder` under way or done ends. */
    async settled(folder: string): Promise<void> {
        await this.reads.get(folder)?.done;
    }
}

/** A wait of the history's reading never lasts longer than this (a check that never ends does not stop it). */
const IDLE_WAIT_MS = 5000;

/**
 * `done()` (the server's checks are done) as the history cache waits for it: at most `maxMs`, never
 * failing; after a wait that ran out, the next ones do not wait until that check has ended.
 */
export function idleAfter(done: () => Promise<unknown>, maxMs = IDLE_WAIT_MS): () => Promise<void> {
    let stalled: Promise<unknown> | undefined;
    return () => {
        if (stalled) return Promise.resolve();
        return new Promise<void>(resolve => {
            const wait = done();
            const over = () => {
                if (stalled === wait) stalled = undefined;
            };
            const timer = setTimeout(() => {
                stalled = wait;
                wait.then(over, over);
                resolve();
            }, maxMs);
            const end = () => {
                clearTimeout(timer);
                resolve();
            };
            wait.then(end, end);
        });
    };
}

/** The ages by opportunity key, as the protocol carries them. */
export function agesRecord(ages: StageAges | undefined, keys: readonly { key: SubjectKey; stage: string | null }[]): Record<string, StageAge> {
    const out: Record<string, StageAge> = {};
    if (!ages) return out;
    for (const { key, stage } of keys) {
        const age = ages.of(key, stage);
        if (age) out[key] = age;
    }
    return out;
}
