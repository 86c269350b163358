import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createAcctServices } from './acct-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createAcctServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
