/**
 * The power map's commands: `acct.openPowerMap`, `acct.exportViewSvg`, and the serializer that
 * restores the panel after a window reload.
 */
import * as vscode from 'vscode';
import { EditorCommands, isViewName, type ViewName } from '@acct/contract';
import { POWER_MAP_VIEW_TYPE, PowerMapPanel, type PlanSource, type PowerMapTarget } from './power-map-panel.js';

function toTarget(arg: unknown): PowerMapTarget | undefined {
    // from the editor title menu VS Code passes the document's URI: follow its cursor
    if (arg instanceof vscode.Uri || typeof arg !== 'object' || arg === null) return undefined;
    const a = arg as Record<string, unknown>;
    const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
    const target: PowerMapTarget = {
        uri: str(a.uri),
        customer: str(a.customer),
        opportunity: str(a.opportunity),
        view: isViewName(a.view) ? a.view : undefined,
    };
    return target.uri || target.customer || target.view ? target : undefined;
}

/** Opens the panel on `view`, following the cursor (or the target given). */
function openView(context: vscode.ExtensionContext, source: PlanSource, view: ViewName, arg: unknown): void {
    PowerMapPanel.createOrShow(context, source, { ...toTarget(arg), view });
}

/**
 * Registers `acct.openPowerMap` (optional args `{ uri?, customer?, opportunity?, view? }`),
 * `acct.openFishbone` and `acct.openSandbox` (the same panel on those views),
 * `acct.exportViewSvg` (optional args `{ target?: string }`: a file URI, no dialog) and the
 * serializer that restores the panel after a reload.
 */
export function registerPowerMap(context: vscode.ExtensionContext, source: PlanSource): vscode.Disposable {
    const disposables = [
        vscode.commands.registerCommand(EditorCommands.openPowerMap, (arg?: unknown) => {
            PowerMapPanel.createOrShow(context, source, toTarget(arg));
        }),
        vscode.commands.registerCommand('acct.openFishbone', (arg?: unknown) => openView(context, source, 'fishbone', arg)),
        vscode.commands.registerCommand('acct.openSandbox', (arg?: unknown) => openView(context, source, 'sandbox', arg)),
        vscode.commands.registerCommand('acct.exportViewSvg', async (arg?: { target?: string }) => {
            const panel = PowerMapPanel.current;
            if (!panel) {
                void vscode.window.showInformationMessage(vscode.l10n.t('Open the power map first (Account Plan: Open Power Map).'));
                return undefined;
            }
            const target = typeof arg?.target === 'string' ? vscode.Uri.parse(arg.target) : undefined;
            return panel.exportSvg(target);
        }),
        vscode.window.registerWebviewPanelSerializer(POWER_MAP_VIEW_TYPE, {
            deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
                PowerMapPanel.revive(panel, context, source, state);
            },
        }),
        { dispose: () => PowerMapPanel.current?.dispose() },
    ];
    const all = vscode.Disposable.from(...disposables);
    context.subscriptions.push(all);
    return all;
}
