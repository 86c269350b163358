// The CPU of the Chromium renderer processes a bench script started (`/proc`): shared by
// report-markup.mjs and report-pages.mjs (run with node, not a test).
import * as fs from 'node:fs';

/** The CPU (ms) of the renderer processes this process started, and of their main threads. */
export function rendererCpu() {
    const fields = file => {
        try {
            const stat = fs.readFileSync(file, 'utf8');
            return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        } catch {
            return null;
        }
    };
    const parentOf = new Map();
    for (const pid of fs.readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
        const f = fields(`/proc/${pid}/stat`);
        if (f) parentOf.set(pid, f[1]);
    }
    const mine = new Set([String(process.pid)]);
    for (let grew = true; grew;) {
        grew = false;
        for (const [pid, parent] of parentOf)
            if (mine.has(parent) && !mine.has(pid)) {
                mine.add(pid);
                grew = true;
            }
    }
    const ms = f => (f ? (Number(f[11]) + Number(f[12])) * 10 : 0);
    let all = 0;
    let main = 0;
    for (const pid of mine) {
        let cmdline;
        try {
            cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
            continue;
        }
        if (!cmdline.includes('--type=renderer')) continue;
        all += ms(fields(`/proc/${pid}/stat`));
        main += ms(fields(`/proc/${pid}/task/${pid}/stat`));
    }
    return { all, main };
}
