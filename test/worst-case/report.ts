/**
 * `npm run worst-case`: each hostile shape checked by the real CLI at 256 kB and 1 MB, with its
 * CPU time and peak memory per MB of plan past the startup, their growth, and the budget of the
 * issue (1 s and 300 MB per MB of plan). Prints a markdown table; exits 1 when a shape grows
 * faster than linearly. `--command sarif|format|sandbox|diff` measures that command instead of
 * `acct check --format json`; `--command all` prints one table per command. `--threads` adds
 * two columns: the part of the CPU time per MB that V8's helper threads spent (Linux), and what
 * each megabyte past the smaller size cost (no warm-up in it).
 *
 *   npm run worst-case [-- --small 262144 --large 1048576 --only escaped --command all --threads]
 */
import * as os from 'node:os';
import { COMMANDS, measureShape, measureStartup, type CommandName } from './measure.js';
import { SHAPES } from './shapes.js';

const args = process.argv.slice(2);
const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
};
const small = Number(option('small') ?? 256 * 1024);
const large = Number(option('large') ?? 1024 * 1024);
const only = option('only');
const BUDGET_SECONDS = 1;
const BUDGET_MB = 300;
const LINEAR_GROWTH = (1.5 * large) / small;

const threads = args.includes('--threads');
const command = option('command') ?? 'check';
const commands = (command === 'all' ? Object.keys(COMMANDS) : [command]) as CommandName[];
if (commands.some(c => !(c in COMMANDS))) throw new Error(`--command: one of ${Object.keys(COMMANDS).join(', ')} or all`);

let superlinear = 0;
for (const name of commands) {
    const startup = measureStartup(3, name);
    if (commands.length > 1 || name !== 'check') console.log(`\n### acct ${COMMANDS[name].join(' ')}`);
    console.log(
        `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os
            .loadavg()
            .map(l => l.toFixed(2))
            .join(' ')}; startup ${startup.cpuMs.toFixed(0)} ms CPU, ${startup.maxRssMb.toFixed(0)} MB`,
    );
    const more = threads ? ' of which helper threads | s per MB past the smaller size |' : '';
    console.log(`\n| shape | CPU s per MB | growth ×${(large / small).toFixed(0)} | memory MB per MB | growth | within budget |${more}`);
    console.log(`|---|---:|---:|---:|---:|---|${threads ? '---:|---:|' : ''}`);
    for (const [shape, make] of Object.entries(SHAPES)) {
        if (only && !shape.includes(only)) continue;
        const cost = measureShape(make, small, large, startup, name);
        const linear = cost.cpuGrowth <= LINEAR_GROWTH && cost.memoryGrowth <= LINEAR_GROWTH;
        if (!linear) superlinear++;
        const budget = cost.secondsPerMb <= BUDGET_SECONDS && cost.memoryPerMb <= BUDGET_MB;
        const columns = threads ? ` ${cost.helperSecondsPerMb?.toFixed(2) ?? '–'} | ${cost.marginalSecondsPerMb.toFixed(2)} |` : '';
        console.log(
            `| ${shape} | ${cost.secondsPerMb.toFixed(2)} | ${cost.cpuGrowth.toFixed(1)} | ${cost.memoryPerMb.toFixed(0)} | ${cost.memoryGrowth.toFixed(1)} | ${budget ? 'yes' : 'no'}${linear ? '' : ' — NOT LINEAR'} |${columns}`,
        );
    }
}
process.exitCode = superlinear ? 1 : 0;
