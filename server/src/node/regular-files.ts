/**
 * The language server's file system: Langium's, reading only regular files — the same guard as
 * the CLI's (plan-files.ts). A request about an unopened URI that names a FIFO, a device or a
 * socket (references, rename, document highlight) would otherwise wait forever for a writer and
 * tie up one of Node's I/O threads; four of them hang every read and the server ignores `exit`.
 * Files are opened without blocking (O_NONBLOCK) and checked (fstat) before a byte is read.
 */
import * as fs from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Thrown for a path that is not a regular file: the request fails, the server goes on. */
export class NotRegularFileError extends Error {
    readonly code = 'ENOTREGULAR';
}

function notRegular(uri: URI): NotRegularFileError {
    return new NotRegularFileError(`${uri.fsPath} is not a regular file: acct reads plans only from regular files.`);
}

export class RegularFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return (await this.readBinary(uri)).toString('utf8');
    }

    override readFileSync(uri: URI): string {
        return this.readBinarySync(uri).toString('utf8');
    }

    override async readBinary(uri: URI): Promise<Buffer> {
        const handle = await fs.promises.open(uri.fsPath, OPEN_FLAGS);
        try {
            if (!(await handle.stat()).isFile()) throw notRegular(uri);
            return await handle.readFile();
        } finally {
            await handle.close();
        }
    }

    override readBinarySync(uri: URI): Buffer {
        const fd = fs.openSync(uri.fsPath, OPEN_FLAGS);
        try {
            if (!fs.fstatSync(fd).isFile()) throw notRegular(uri);
            return fs.readFileSync(fd);
        } finally {
            fs.closeSync(fd);
        }
    }
}

/** Langium's `NodeFileSystem` module, with the regular-file guard. */
export const RegularFileSystem = {
    fileSystemProvider: () => new RegularFileSystemProvider(),
};
