// Generates the parser from server/src/language/acct.langium (`langium generate`), once per build.
// Langium warns "Found multiple assignments to 'X' with the '=' assignment operator" for every
// property a block may hold twice: that is by design (the last one counts, and the checker
// reports a `duplicate-property`), so the warnings are folded into one line; any other line, and
// the exit status, are Langium's own.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(root, 'node_modules', 'langium-cli', 'bin', 'langium.js');
// Chevrotain 13 calls Object.groupBy, which Node 20 lacks (see server/polyfills/object-group-by.js).
const polyfill = path.join(root, 'server', 'polyfills', 'object-group-by.js');
const run = spawnSync(process.execPath, ['--require', polyfill, cli, 'generate', ...process.argv.slice(2)], { encoding: 'utf8' });
const folded =
    /^\S+\.langium:\d+:\d+ - Found multiple assignments to '[^']+' with the '=' assignment operator\. Consider using '\+=' instead to prevent data loss\.$/;
let count = 0;
for (const [stream, text] of [
    [process.stdout, run.stdout ?? ''],
    [process.stderr, run.stderr ?? ''],
]) {
    const kept = text.split('\n').filter(line => !(folded.test(line) && ++count));
    stream.write(kept.join('\n'));
}
if (count > 0)
    process.stdout.write(
        `(${count} properties may be written twice in a block: the last one counts, and acct reports a duplicate-property — Langium's "multiple assignments" warnings, by design)\n`,
    );
if (run.error) throw run.error;
process.exit(run.status ?? 1);
