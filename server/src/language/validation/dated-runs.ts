/**
 * What the checks that read today (checks/date-driven.ts) found on each node during a document's
 * full validation, with the days they read — so that `acct history` knows from that validation on
 * which days each node's outcome holds (findings-for-dates.ts), as if a date-only re-check had run
 * then. Without it, the first date-only re-check after a file changed ran every such check of
 * the file: 84,408 of the bench history's 133,981 node runs (docs/benchmark.md, sixteenth pass).
 */
import type { AstNode, MaybePromise } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { readingDates } from '../../method/index.js';

/** One node's runs of its date-driven checks in a validation. */
export interface DatedRun {
    /** Their findings, in the order the checks ran (the registry's order: the same as a re-check's). */
    findings: Diagnostic[];
    /** The days (day numbers) they read, in the order read; a day may come twice. */
    days: number[];
    /** How many of the node's date-driven checks ran. */
    runs: number;
    /** False when one of them awaited: the days read after an await are not told (the outcome is not known to hold). */
    known: boolean;
}

export class DatedRuns {
    readonly byNode = new Map<AstNode, DatedRun>();

    constructor(
        /** The day the validation checks with. */
        readonly today: string,
    ) {}

    /** Runs `call`, a date-driven check of `node` whose findings go to `sink`, noting the days it reads and what it found. */
    run(node: AstNode, sink: readonly Diagnostic[], call: () => MaybePromise<void>): MaybePromise<void> {
        let run = this.byNode.get(node);
        if (!run) this.byNode.set(node, (run = { findings: [], days: [], runs: 0, known: true }));
        const noted = run;
        const at = sink.length;
        const pending = readingDates(this.today, day => noted.days.push(day), call);
        noted.runs++;
        if (pending) {
            noted.known = false;
            return pending;
        }
        for (let i = at; i < sink.length; i++) noted.findings.push(sink[i]!);
        return undefined;
    }
}
