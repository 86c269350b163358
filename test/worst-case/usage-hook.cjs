// Preloaded into the CLI by the worst-case suite: on exit, the process's own CPU time and peak
// memory go to the file named by ACCT_USAGE_FILE, so the measure covers exactly one run.
const fs = require('node:fs');
process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(
        process.env.ACCT_USAGE_FILE,
        JSON.stringify({
            cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
            maxRssMb: usage.maxRSS / 1024,
        }),
    );
});
