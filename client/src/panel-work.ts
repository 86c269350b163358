/**
 * What the power-map panel has to fetch, gathered while cursor moves and rebuilds come in
 * bursts and run once after a quiet moment: one question to the server instead of one per event.
 */

/** What an update fetches: the plan, the focus under the cursor. */
export interface PanelWork {
    plan: boolean;
    focus: boolean;
}

export class PanelWorkQueue {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private work: PanelWork = { plan: false, focus: false };

    constructor(private readonly run: (work: PanelWork) => void) {}

    /** Adds `work` and runs everything gathered after `delay` ms without another addition. */
    add(work: Partial<PanelWork>, delay: number): void {
        this.work = { plan: this.work.plan || !!work.plan, focus: this.work.focus || !!work.focus };
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            const todo = this.work;
            this.work = { plan: false, focus: false };
            this.run(todo);
        }, delay);
    }

    cancel(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = undefined;
    }
}
