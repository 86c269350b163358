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

export function writeStdout(text: string): Promise<void> {
    if (text === '') return Promise.resolve();
    return new Promise((resolve, reject) => {
        const failed = (error: NodeJS.ErrnoException) => reject(error.code === 'EPIPE'
            ? new ClosedOutput()
            : new OutputError(error.code ?? error.message));
        try {
            process.stdout.write(text, error => (error ? failed(error) : resolve()));
        } catch (error) {
            failed(error as NodeJS.ErrnoException);
        }
    });
}

export function writeStderr(line: string): void {
    try {
        process.stderr.write(line);
    } catch {
        // standard error is gone too: nothing left to tell
    }
}
