/**
 * Everything the CLI prints goes through here: a reader that closes the pipe early (`| head`)
 * ends the command quietly; a write that fails (a full disk) is one line and exit status 2,
 * never a stack trace.
 */

/** Standard output could not be written: the CLI exits 2 with this message. */
export class OutputError extends Error {
    constructor(readonly code: string) {
        super(`cannot write to standard output (${code}). Check where the output goes (a full disk?).`);
    }
}

/** The reader closed the pipe: nothing more to say, nothing went wrong. */
export class ClosedOutput extends Error {}

/** Writes a text, or bytes already encoded (the JSON report, cli/formats/finding-json.ts). */
export function writeStdout(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
        const failed = (error: NodeJS.ErrnoException) => reject(error.code === 'EPIPE' ? new ClosedOutput() : new OutputError(error.code ?? error.message));
        try {
            process.stdout.write(text, error => (error ? failed(error) : resolve()));
        } catch (error) {
            failed(error as NodeJS.ErrnoException);
        }
    });
}

/** Writes a text made in pieces (a long report), each as it comes: the whole is never one text. */
export async function writePieces(pieces: Iterable<string>): Promise<void> {
    for (const piece of pieces) await writeStdout(piece);
}

/**
 * Characters a terminal or a CI log would act on instead of showing — C0 controls but the tab
 * and the line feed (ESC starts the CSI and OSC sequences that move the cursor, recolour, set
 * the title or make links), DEL, the C1 controls, and the bidirectional overrides, embeddings,
 * isolates and marks that reorder what a line shows — and the line and paragraph separators.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as a person may safely read it in a terminal or a CI log: each character above written
 * out visibly (`\x1b`, `\u202e`), so plan text can never rewrite what the screen shows. Every
 * text output of the CLI (findings, the GitHub annotations, diff, sandbox, watch, standard
 * error) goes through here; JSON, SARIF, CSV and the formatted plan are data and stay exact.
 */
export function visible(text: string): string {
    return text.replace(INVISIBLE, c => {
        const code = c.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

/** `writeStdout` of a text meant for a person to read (see `visible`). */
export function writeTextStdout(text: string): Promise<void> {
    return writeStdout(visible(text));
}

export function writeStderr(line: string): void {
    try {
        process.stderr.write(visible(line));
    } catch {
        // standard error is gone too: nothing left to tell
    }
}
