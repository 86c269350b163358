/**
 * `acct format` (an extension of the contract, for CI): `--check` names each plan whose layout
 * differs from what the editor's Format Document gives (language/editing/plan-layout.ts) and exits 1;
 * `--write` rewrites each plan that is not formatted, in place and atomically (the one command
 * that writes an `.acct` file, through the safe-write room); without either, one plan is
 * printed formatted — and `acct format F > F`, where the shell empties F before acct reads it,
 * is told to use `--write`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { EmptyFileSystem } from 'langium';
import { createAcctServices } from '../../acct-module.js';
import { applyLayout, layoutEdits, layoutPieces } from '../../language/editing/plan-layout.js';
import { findAcctFiles, readPlanTexts } from '../../node/plan-files.js';
import { filePlace } from '../../contract/findings.js';
import { checkPlanRewritable, rewritePlan } from '../../files/safe-write.js';
import { pathsArgument, UsageError, type SetExit } from '../common.js';
import { writeStderr, writeStdout, writeTextStdout } from '../output.js';
import type { Texts } from '../../method/index.js';

export function formatCommand(setExit: SetExit, texts: Texts): Command {
    return new Command('format')
        .description(texts.t('help.format'))
        .addArgument(pathsArgument(texts))
        .option('--check', texts.t('help.format.check'))
        .option('--write', texts.t('help.format.write'))
        .addHelpText('after', texts.t('help.format.after'))
        .action(async (paths: string[], options: { check?: boolean; write?: boolean }) => {
            if (options.check && options.write) throw new UsageError(texts.t('cli.format.checkOrWrite'));
            setExit(await format(paths, options.check ? 'check' : options.write ? 'write' : 'print', texts));
        });
}

async function format(paths: string[], mode: 'check' | 'write' | 'print', say: Texts): Promise<number> {
    const cwd = process.cwd();
    const files = await findAcctFiles(paths, cwd, { onSkip: line => writeStderr(`acct: ${say.render(line)}\n`) });
    const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
    // every plan that may not be rewritten is refused before any is
    if (mode === 'write') for (const file of files) await checkPlanRewritable(path.relative(cwd, file) || file);
    if (mode === 'print' && files.length === 1 && isStandardOutput(files[0]!)) {
        throw new UsageError(say.t('cli.format.outputIsInput', { file: display(files[0]!) }));
    }
    const texts = await readPlanTexts(files, display);
    const lexer = createAcctServices(EmptyFileSystem).Acct.parser.Lexer;
    if (mode === 'print') {
        if (files.length !== 1) throw new UsageError(say.t('cli.format.oneFile'));
        const text = texts[0]!;
        // the file's byte order mark is kept: formatting changes white space, never the encoding
        await writeStdout((startsWithBom(files[0]!) ? '\ufeff' : '') + applyLayout(text, layoutEdits(text, layoutPieces(lexer, text))));
        return 0;
    }
    if (mode === 'write') {
        const lines: string[] = [];
        for (const [i, text] of texts.entries()) {
            const formatted = applyLayout(text, layoutEdits(text, layoutPieces(lexer, text)));
            if (formatted === text) continue;
            await rewritePlan(path.relative(cwd, files[i]!) || files[i]!, text, formatted);
            lines.push(say.t('cli.format.rewritten', { file: display(files[i]!) }));
        }
        await writeTextStdout([...lines, say.t('cli.format.rewrittenSummary', { rewritten: lines.length, files: files.length })].join('\n') + '\n');
        return 0;
    }
    const lines: string[] = [];
    texts.forEach((text, i) => {
        const first = layoutEdits(text, layoutPieces(lexer, text))[0];
        if (first)
            lines.push(
                say.t('cli.format.notFormatted', {
                    file: filePlace(display(files[i]!)),
                    line: lineAt(text, first.end < text.length ? first.end : first.start),
                }),
            );
    });
    const summary =
        lines.length === 0
            ? say.t('cli.format.allFormatted', { files: files.length })
            : say.t('cli.format.notAllFormatted', { unformatted: lines.length, files: files.length });
    await writeTextStdout([...lines, summary].join('\n') + '\n');
    return lines.length > 0 ? 1 : 0;
}

/** Standard output is `file` itself (`acct format F > F`): the shell has emptied it already. */
function isStandardOutput(file: string): boolean {
    try {
        const out = fs.fstatSync(1);
        const plan = fs.statSync(file);
        return out.isFile() && out.dev === plan.dev && out.ino === plan.ino;
    } catch {
        return false;
    }
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
