import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createAcctServices } from './acct-module.js';
import { RegularFileSystem } from './node/regular-files.js';
import { gitHistoryReader } from './node/history-reader.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createAcctServices({ connection, ...RegularFileSystem, history: gitHistoryReader });
startLanguageServer(shared);
