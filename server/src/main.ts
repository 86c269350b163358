import { startAcctServer } from './lsp/acct-server.js';

startAcctServer();
