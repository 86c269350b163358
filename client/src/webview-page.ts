/**
 * The page in the power-map panel's webview as the panel knows it: whether it said `ready`, has
 * the views' words and the view asked for, which picture it drew and which parts of the plan it
 * holds. The panel posts a picture only when the page draws another, with the parts it lacks
 * (the outline ahead of it, in a message of its own).
 */
import type * as vscode from 'vscode';
import type { PartStamps, Picture, PlanPart, ToWebviewMessage, ViewName } from '@acct/contract';
import { viewStrings } from '@acct/method';
import type { PlanInParts } from './held-plan.js';
import { pictureChanged } from './picture.js';
import { displayLocale } from './display-language.js';

export class WebviewPage {
    /**
     * A view asked for: sent at once and before each picture (a loading page gets messages in
     * order, and may get the picture before the extension hears its `ready`), until the page that
     * said `ready` has been sent a picture after it.
     */
    private pendingView: ViewName | undefined;
    private ready = false;
    /** The page has the views' words (once per page, before its first picture). */
    private stringsSent = false;
    /** The picture the page drew (none: a new page), and the stamps of the parts it holds: those of that picture. */
    private drawn: Picture<PartStamps> | undefined;
    private parts = new Set<string>();
    private closed = false;

    constructor(
        private readonly webview: vscode.Webview,
        view?: ViewName,
    ) {
        this.pendingView = view;
    }

    /** A new page said `ready` (opened, shown again, reloaded): it holds the parts of its saved state and needs the picture again. */
    loaded(parts: unknown): void {
        this.ready = true;
        this.drawn = undefined;
        this.parts = new Set(Array.isArray(parts) ? parts.filter((p): p is string => typeof p === 'string') : []);
        if (this.pendingView) void this.post({ type: 'showView', view: this.pendingView });
        void this.sendStrings();
    }

    /** The panel was hidden: its page is gone, and the one shown next says `ready`. */
    hidden(): void {
        this.ready = this.stringsSent = false;
        this.drawn = undefined;
        this.parts.clear();
    }

    /** Switches the page to `view`. */
    showView(view: ViewName): void {
        this.pendingView = view;
        void this.post({ type: 'showView', view });
    }

    /** The page said `ready` and has been sent a picture since: a request for its SVG reaches a page that can answer it. */
    get showsPicture(): boolean {
        return this.ready && this.drawn !== undefined;
    }

    /**
     * Posts `picture` unless the page draws it already, with the parts of `plan` it does not hold (the
     * outline in a `parts` message of its own, posted right before it); true when posted.
     */
    async draw(picture: Picture<PartStamps>, plan: PlanInParts): Promise<boolean> {
        if (!pictureChanged(this.drawn, picture)) return false;
        // messages reach a loading page in order: the view first, then the picture to draw in it
        if (this.pendingView) await this.post({ type: 'showView', view: this.pendingView });
        if (!this.stringsSent) await this.sendStrings();
        const parts: PlanPart[] = [];
        if (plan.part && !this.parts.has(plan.part.stamp)) parts.push({ stamp: plan.part.stamp, customer: plan.part.value });
        const errors = picture.view.errors;
        if (errors !== undefined && !this.parts.has(errors)) parts.push({ stamp: errors, errorLines: plan.errors.value });
        // the outline (it grows with the workspace) in a message of its own, right before the picture that
        // names it: no message carries it and a customer's part at once, and the page draws once, at the picture
        const outline = this.parts.has(plan.outline.stamp)
            ? undefined
            : this.post({ type: 'parts', parts: [{ stamp: plan.outline.stamp, outline: plan.outline.value }] });
        await Promise.all([outline, this.post({ type: 'picture', picture, parts })]);
        // the page keeps the parts of the picture it draws, and lets the others go
        this.drawn = picture;
        this.parts = new Set([picture.view.outline, ...(picture.view.customer ? [picture.view.customer] : []), ...(errors !== undefined ? [errors] : [])]);
        // drawn in the view asked for: from now on the page keeps its own tab
        if (this.ready) this.pendingView = undefined;
        return true;
    }

    post(message: ToWebviewMessage): Thenable<boolean> {
        return this.closed ? Promise.resolve(false) : this.webview.postMessage(message);
    }

    /** The panel is gone: nothing is posted any more. */
    close(): void {
        this.closed = true;
    }

    /** The views' words in VS Code's display language: the webview never guesses a language. */
    private sendStrings(): Thenable<boolean> {
        return this.post({ type: 'strings', strings: viewStrings(displayLocale()) }).then(sent => (this.stringsSent = sent));
    }
}
