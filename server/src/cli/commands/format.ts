/**
 * `acct format` (an extension of the contract, for CI): `--check` names each plan whose layout
 * differs from what the editor's Format Document gives (language/plan-layout.ts) and exits 1;
 * without it, one plan is printed formatted. acct never writes an `.acct` file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../acct-module.js';
import { applyLayout, layoutEdits, layoutPieces } from '../../language/plan-layout.js';
import { findAcctFiles, readPlanTexts } from '../../node/plan-files.js';
import { filePlace } from '../../contract/findings.js';
import { pathsArgument, UsageError, type SetExit } from '../common.js';
import { writeStdout, writeTextStdout } from '../output.js';
import type { Texts } from '../../method/index.js';

export function formatCommand(setExit: SetExit, texts: Texts): Command {
    return new Command('format')
        .description('Print a plan laid out as Format Document lays it out; with --check, name the plans that are not.')
        .addArgument(pathsArgument())
        .option('--check', 'exit 1 when a plan is not formatted, naming the first line that would change')
        .addHelpText('after', '\nExit status: 0 formatted (or printed); 1 with --check, a plan is not formatted; 2 bad usage or input.')
        .action(async (paths: string[], options: { check?: boolean }) => setExit(await format(paths, options.check === true, texts)));
}

async function format(paths: string[], check: boolean, say: Texts): Promise<number> {
    const cwd = process.cwd();
    const files = await findAcctFiles(paths, cwd);
    const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
    const texts = await readPlanTexts(files, display);
    const lexer = createAcctServices(EmptyFileSystem).Acct.parser.Lexer;
    if (!check) {
        if (files.length !== 1) throw new UsageError(say.t('cli.format.oneFile'));
        const text = texts[0]!;
        // the file's byte order mark is kept: formatting changes white space, never the encoding
        await writeStdout((startsWithBom(files[0]!) ? '\ufeff' : '') + applyLayout(text, layoutEdits(text, layoutPieces(lexer, text))));
        return 0;
    }
    const lines: string[] = [];
    texts.forEach((text, i) => {
        const first = layoutEdits(text, layoutPieces(lexer, text))[0];
        if (first) lines.push(say.t('cli.format.notFormatted', { file: filePlace(display(files[i]!)), line: lineAt(text, first.end < text.length ? first.end : first.start) }));
    });
    const summary = lines.length === 0 ? say.t('cli.format.allFormatted', { files: files.length })
        : say.t('cli.format.notAllFormatted', { unformatted: lines.length, files: files.length });
    await writeTextStdout([...lines, summary].join('\n') + '\n');
    return lines.length > 0 ? 1 : 0;
}

/** Whether the (regular, already read) file begins with the UTF-8 byte order mark. */
function startsWithBom(file: string): boolean {
    const head = Buffer.alloc(3);
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
        return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
        fs.closeSync(fd);
    }
}

/** 1-based line of an offset (CR LF, CR and LF each end a line). */
function lineAt(text: string, offset: number): number {
    return (text.slice(0, offset).match(/\r\n?|\n/g) ?? []).length + 1;
}
