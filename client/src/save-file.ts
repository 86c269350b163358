/**
 * Writing a file the user asked for (the JSON export, an SVG of a view) from VS Code: through
 * the one safe-write room — atomic, never an `.acct` plan, never a folder — for files on disk,
 * and through VS Code's file system, behind the same guard, for other schemes.
 */
import * as vscode from 'vscode';
import { checkTarget, UnsafeTargetError, writeFileSafely } from '@acct/files/safe-write';
import { refusalText } from '@acct/method';
import { displayTexts } from './display-language.js';

/** Why `target` may not be written (a plan, a folder), in the display language, or undefined when it may. */
export function refusal(target: vscode.Uri, what: string): string | undefined {
    try {
        checkTarget(target.scheme === 'file' ? target.fsPath : target.path, what);
        return undefined;
    } catch (err) {
        if (err instanceof UnsafeTargetError) return refusalText(err, displayTexts());
        throw err;
    }
}

/** Writes `content` to `target`; `what` names the file in the messages (`the export`, `the SVG`, in the display language). */
export async function saveTextFile(target: vscode.Uri, content: string, what: string): Promise<void> {
    if (target.scheme === 'file') {
        await writeFileSafely(target.fsPath, content, what);
        return;
    }
    const why = refusal(target, what);
    if (why) throw new UnsafeTargetError(why);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
}

/** `saveTextFile`, with a refusal or a failure said to the user; false when nothing was written. */
export async function saveOrExplain(target: vscode.Uri, content: string, what: string): Promise<boolean> {
    try {
        await saveTextFile(target, content, what);
        return true;
    } catch (err) {
        const texts = displayTexts();
        void vscode.window.showErrorMessage(
            err instanceof UnsafeTargetError
                ? refusalText(err, texts)
                : texts.t('write.failed', { target: target.fsPath, reason: err instanceof Error ? err.message : String(err) }),
        );
        return false;
    }
}
