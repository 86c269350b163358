/**
 * The rooms of acct and what each may import (docs/architecture.md). Run by the tests
 * (test/architecture/rooms.test.ts, which plants a violation of each rule) and by `npm run check:rooms`;
 * a violation fails both.
 */
const room = path => `^${path}`;
const METHOD = 'server/src/method/';
const CONTRACT = 'server/src/contract/';
const LANGUAGE = 'server/src/language/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
    forbidden: [
        {
            name: 'no-unresolvable-import',
            severity: 'error',
            comment: 'An import that leads nowhere (a moved file, a typo).',
            from: {},
            to: { couldNotResolve: true },
        },
        {
            name: 'no-cycle',
            severity: 'error',
            comment: 'Files import each other in a circle: one of them holds two responsibilities.',
            from: { path: room('(server|client)/') },
            to: { circular: true },
        },
        {
            name: 'method-is-pure',
            severity: 'error',
            comment: 'The method core is plain data and pure functions: no Langium, no VS Code, no other room.',
            from: { path: room(METHOD) },
            to: { pathNot: room(METHOD) },
        },
        {
            name: 'contract-stands-on-the-method-only',
            severity: 'error',
            comment: 'The plan contract is types, keys and the protocol: it imports the method core and vscode-jsonrpc only.',
            from: { path: room(CONTRACT) },
            to: { pathNot: [room(CONTRACT), room(METHOD), 'node_modules/vscode-jsonrpc/'] },
        },
        {
            name: 'language-below-plan-and-lsp',
            severity: 'error',
            comment: 'The language core (grammar, scoping, checks) knows nothing of the plan export, the editor features or the programs.',
            from: { path: room('server/src/language/') },
            to: { path: room('server/src/(lsp|plan|cli|node|files)/|server/src/[^/]+\\.ts$') },
        },
        // Inside the language room (docs/architecture.md, "The language room"): its own rooms by role.
        {
            name: 'language-checks-not-parser-patches',
            severity: 'error',
            comment:
                "The checks and the finding policy read the AST and the CST as Langium gives them: they never import the parser's patches (lexer, parser, token builder, block recovery, lean leaves) or the incremental parse, which only the language module wires in.",
            from: { path: room(`${LANGUAGE}(validation|references|workspace|editing|ast|text)/`) },
            to: {
                path: [
                    room(`${LANGUAGE}parser/(acct-lexer|acct-parser|acct-token-builder|block-recovery|lean-cst|one-shot-tree)\\.ts$`),
                    room(`${LANGUAGE}incremental/`),
                ],
            },
        },
        {
            name: 'language-text-helpers-stand-alone',
            severity: 'error',
            comment: 'text/ (the scanner, line starts, spans, spelling) works on plain strings: it imports nothing else of the language room.',
            from: { path: room(`${LANGUAGE}text/`) },
            to: { path: room(LANGUAGE), pathNot: room(`${LANGUAGE}text/`) },
        },
        {
            name: 'language-ast-helpers-below-the-services',
            severity: 'error',
            comment: 'ast/ (walking, CST search, subjects, the method on the AST) stands under the services that use it.',
            from: { path: room(`${LANGUAGE}ast/`) },
            to: { path: room(`${LANGUAGE}(parser|references|workspace|validation|editing|incremental)/|${LANGUAGE}[^/]+\\.ts$`) },
        },
        {
            name: 'language-editing-reads-text-and-ast',
            severity: 'error',
            comment: "editing/ (where new text goes, waivers, the formatter's layout) computes edits from text and the AST only.",
            from: { path: room(`${LANGUAGE}editing/`) },
            to: { path: room(`${LANGUAGE}(parser|references|workspace|validation|incremental)/|${LANGUAGE}[^/]+\\.ts$`) },
        },
        {
            name: 'language-workspace-below-validation',
            severity: 'error',
            comment:
                "workspace/ (documents, settings, file places, facts) is read by the checks, the linker and the parser's messages; it imports none of them.",
            from: { path: room(`${LANGUAGE}workspace/`) },
            to: { path: room(`${LANGUAGE}(parser|references|validation|editing)/`) },
        },
        {
            name: 'plan-below-lsp',
            severity: 'error',
            comment: 'The plan room serves the editor and the CLI; it imports neither.',
            from: { path: room('server/src/plan/') },
            to: { path: room('server/src/(lsp|cli|node)/|server/src/[^/]+\\.ts$') },
        },
        {
            name: 'lsp-not-cli',
            severity: 'error',
            from: { path: room('server/src/lsp/') },
            to: { path: room('server/src/(cli|node)/') },
        },
        {
            name: 'files-stand-alone',
            severity: 'error',
            comment: 'The safe-write rules are shared by the CLI and the extension: they import only Node.',
            from: { path: room('server/src/files/') },
            to: { pathNot: [room('server/src/files/')], dependencyTypesNot: ['core'] },
        },
        {
            name: 'server-never-imports-client',
            severity: 'error',
            from: { path: room('server/') },
            to: { path: room('client/') },
        },
        {
            name: 'webview-sees-the-contract-only',
            severity: 'error',
            comment: 'The webview draws the plan contract with the method core: nothing of the server, the extension or the protocol.',
            from: { path: room('client/webview/src/') },
            to: { pathNot: [room('client/webview/src/'), room(METHOD), room(CONTRACT), 'node_modules/d3-'], path: '.' },
        },
        {
            name: 'webview-not-the-protocol',
            severity: 'error',
            from: { path: room('client/webview/src/') },
            to: { path: room(`${CONTRACT}protocol\\.ts$`) },
        },
        {
            name: 'extension-sees-the-contract-only',
            severity: 'error',
            comment: 'The extension talks to the server through the contract; it shares only the method core and the safe-write rules.',
            from: { path: room('client/src/') },
            to: { path: room('server/'), pathNot: [room(METHOD), room(CONTRACT), room('server/src/files/')] },
        },
        {
            name: 'extension-not-the-webview',
            severity: 'error',
            comment: 'The extension and its webview share only the messages of the contract.',
            from: { path: room('client/src/') },
            to: { path: room('client/webview/src/') },
        },
    ],
    options: {
        doNotFollow: { path: 'node_modules' },
        exclude: { path: 'server/src/language/generated/' },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: 'tsconfig.json' },
        enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    },
};
