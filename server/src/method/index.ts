/**
 * The method core: the account-management method as plain data and pure functions, with no
 * Langium and no VS Code. The checker, hover, completion, the export and the webview all read
 * it (docs/architecture.md).
 */
export * from './vocabulary.js';
export * from './keywords.js';
export * from './scales.js';
export * from './tier-table.js';
export * from './zones.js';
export * from './dates.js';
export * from './money.js';
export * from './policy.js';
export * from './issue-codes.js';
export * from './issue-guidance.js';
export * from './decisiveness.js';
export * from './messages/index.js';
