// Preloaded into the CLI by the worst-case suite: on exit, the process's own CPU time and peak
// memory go to the file named by ACCT_USAGE_FILE, so the measure covers exactly one run — and,
// where Linux says it, the main thread's own CPU time: the rest is V8's helper threads (the
// parallel scavenger, concurrent marking, TurboFan's background compiles), a third of a megabyte
// of unclosed customers (docs/benchmark.md, branch worst9).
const fs = require('node:fs');

/** The main thread's user + system CPU in ms (/proc: clock ticks of 10 ms), or undefined elsewhere. */
function mainThreadCpuMs() {
    try {
        const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
        // the fields after the command's name, which is in parentheses and may hold spaces
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return undefined;
    }
}

process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
        process.env.ACCT_USAGE_FILE,
        JSON.stringify({
            cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
            maxRssMb: usage.maxRSS / 1024,
            mainCpuMs: mainThreadCpuMs(),
        }),
    );
});
