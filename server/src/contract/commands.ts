/**
 * Editor commands the server's code lenses and code actions ask the extension to run; the
 * extension registers them under these names (and package.json contributes the visible ones).
 */
export const EditorCommands = {
    /** Opens the power map of `{ uri, customer, opportunity? }`. */
    openPowerMap: 'acct.openPowerMap',
    /** After "Waive this finding…" inserted a waiver: puts the cursor at `(uri, position)`, inside its reason. */
    editWaiverReason: 'acct.editWaiverReason',
} as const;
