/**
 * The one Export View as SVG request a power-map panel has pending: numbered, so that a late
 * answer to a request asked again is not taken for another; sent when the page has a picture to
 * export (a page just opened, shown again or reloaded has none yet); asked again while
 * unanswered, because VS Code drops a message posted to a page that is being replaced; given up
 * after a timeout, saying why.
 */
import type * as vscode from 'vscode';

/** How long an export waits for the page's answer before it resolves undefined. */
export const EXPORT_TIMEOUT_MS = 15_000;
/** An unanswered request is asked again this often. */
export const EXPORT_ASK_AGAIN_MS = 2_000;

export interface ExportPage {
    /** Whether the page is there and has drawn a picture it can export. */
    canAnswer(): boolean;
    /** Posts `requestSvg` with this number. */
    ask(request: number): void;
    /** Makes the page come (a hidden panel has none). */
    bringForward(): void;
    /** Called when the request is given up with no answer. */
    gaveUp(): void;
}

interface Pending {
    request: number;
    target?: vscode.Uri;
    /** Sent once the page can answer. */
    waitingForPage: boolean;
    settle(uri: vscode.Uri | undefined): void;
}

export class SvgExportRequest {
    private pending: Pending | undefined;
    private count = 0;

    constructor(private readonly page: ExportPage) {}

    /** Starts a request (a pending one resolves undefined): resolves with where the SVG was saved, or undefined. */
    start(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
        this.pending?.settle(undefined);
        const request = ++this.count;
        return new Promise(resolve => {
            const askAgain = (): void => {
                if (this.pending?.request === request && !this.pending.waitingForPage && this.page.canAnswer()) this.page.ask(request);
            };
            const again = setInterval(askAgain, EXPORT_ASK_AGAIN_MS);
            const timeout = setTimeout(() => {
                if (this.pending?.request !== request) return;
                this.pending = undefined;
                clearInterval(again);
                this.page.gaveUp();
                resolve(undefined);
            }, EXPORT_TIMEOUT_MS);
            const settle = (uri: vscode.Uri | undefined): void => {
                clearTimeout(timeout);
                clearInterval(again);
                if (this.pending?.request === request) this.pending = undefined;
                resolve(uri);
            };
            const canAnswer = this.page.canAnswer();
            this.pending = { request, target, waitingForPage: !canAnswer, settle };
            if (canAnswer) this.page.ask(request);
            else this.page.bringForward();
        });
    }

    /** The page is gone (hidden, reloaded): the request waits for the next one to draw. */
    pageGone(): void {
        if (this.pending) this.pending.waitingForPage = true;
    }

    /** The page has drawn a picture: a request waiting for it is sent now. */
    pageDrew(): void {
        if (this.pending?.waitingForPage && this.page.canAnswer()) {
            this.pending.waitingForPage = false;
            this.page.ask(this.pending.request);
        }
    }

    /**
     * The page answered request `request`: the pending request it answers (no longer pending),
     * or undefined for an answer to a request given up, asked again and answered twice, or unnumbered.
     */
    answer(request: unknown): { target?: vscode.Uri; settle(uri: vscode.Uri | undefined): void } | undefined {
        const pending = this.pending;
        if (!pending || request !== pending.request) return undefined;
        this.pending = undefined;
        return pending;
    }

    /** The panel closes: a pending request resolves undefined. */
    cancel(): void {
        this.pending?.settle(undefined);
        this.pending = undefined;
    }
}
