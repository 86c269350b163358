/**
 * The plan contract: what the server, the extension and the webview know of each other — the
 * plan document's types, subject keys, findings as the views see them, the LSP protocol and the
 * webview messages (docs/architecture.md). The webview imports everything here but `protocol.ts`.
 */
export * from './plan-types.js';
export * from './subject-key.js';
export * from './plan-focus.js';
export * from './findings.js';
export * from './plan-parts.js';
export * from './drawn-plan.js';
export * from './webview-messages.js';
export * from './commands.js';
export * from './sandbox.js';
export * from './plan-diff.js';
export * from './diff-report.js';
export * from './trends.js';
export * from './stage-age.js';
