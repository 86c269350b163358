/** Saving the SVG the webview drew: where the user chooses (beside the plan), or where a command said. */
import * as vscode from 'vscode';
import { saveOrExplain } from './save-file.js';
import { displayTexts } from './display-language.js';

/** The webview's suggested file name, reduced to a plain `.svg` name (no folders, no odd characters). */
export function safeSvgName(name: unknown): string {
    const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
    const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '');
    return clean.toLowerCase().endsWith('.svg') && clean.length > 4 ? clean : 'acct-view.svg';
}

export interface SvgSaveOptions {
    /** Save here without a dialog (the `acct.exportViewSvg` argument). */
    target?: vscode.Uri;
    /** The dialog opens in this folder (the plan's). */
    folder?: vscode.Uri;
}

/** Saves `svg`; returns where, or undefined when the user cancelled or the write was refused. */
export async function saveSvg(svg: string, suggestedName: unknown, options: SvgSaveOptions): Promise<vscode.Uri | undefined> {
    const target =
        options.target ??
        (await vscode.window.showSaveDialog({
            defaultUri: options.folder ? vscode.Uri.joinPath(options.folder, safeSvgName(suggestedName)) : undefined,
            filters: { [vscode.l10n.t('SVG image')]: ['svg'] },
            title: vscode.l10n.t('Export the view as SVG'),
        }));
    if (!target || !(await saveOrExplain(target, svg, displayTexts().t('write.what.svg')))) return undefined;
    if (!options.target) {
        void vscode.window
            .showInformationMessage(vscode.l10n.t('View exported to {0}.', vscode.workspace.asRelativePath(target)), vscode.l10n.t('Open'))
            .then(choice => {
                if (choice) void vscode.commands.executeCommand('vscode.open', target);
            });
    }
    return target;
}
