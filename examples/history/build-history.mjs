#!/usr/bin/env node
/**
 * Builds a git repository telling the story of one deal over six months, for `acct history`:
 * `node examples/history/build-history.mjs [FOLDER]` (default dist/examples-history; the folder
 * is replaced). A dozen versions of the Huaxia Grid plan, with fixed authors and dates, so the
 * repository is the same on every machine: Fang, the dispatch director, is won over as our
 * sponsor; Sun, the general manager who signs, is won, then lost to ZTE after their campus visit,
 * then regained through a headquarters visit and a reference site. Then, for example:
 *
 *   cd dist/examples-history && npx acct history --subject hxgrid/sun
 *   cd dist/examples-history && npx acct history --subject hxgrid/substation --format markdown
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.resolve(process.argv[2] ?? path.join(here, '..', '..', 'dist', 'examples-history'));
const team = readFileSync(path.join(here, '..', 'team.acct'), 'utf8');

/** The plan at one point of the story. */
function plan(s) {
    const line = (text, when) => (when ? `${text}\n` : '');
    return `// Huaxia Grid, Eastern Province Company: the private 5G deal for substation IoT.
customer hxgrid "Huaxia Grid — Eastern Province Power Company" {
    industry "Electric power utility"
    standing 5
    cooperation 3
    tier strategic
    reviewed ${s.reviewed}
    owner david
    organization communicate

    contact sun "Sun Weidong" {
        title "General Manager"
        role approver
        support ${s.sun}
${line(`        intimacy ${s.sunIntimacy}`, s.sunIntimacy !== undefined)}${line(`        competitor-support zte ${s.sunZte}`, s.sunZte !== undefined)}${line(`        last-contact ${s.sunContact}`, s.sunContact)}        owner david
    }
    contact deng "Deng Hui" {
        title "Chief Information Officer"
        role decision-maker
        support ${s.deng}
        intimacy 1
        reports-to sun
        last-contact ${s.dengContact}
        owner david
    }
    contact peng "Peng Li" {
        title "Manager, Procurement Centre"
        role evaluator
        support 0
        competitor-support zte 2
        reports-to sun
        last-contact 2026-06-10
        owner david
    }
    contact fang "Fang Qing" {
        title "Director, Dispatch Communications"
        role sponsor
        support ${s.fang}
        intimacy ${s.fangIntimacy}
        reports-to deng
        last-contact ${s.fangContact}
        owner bob
    }
    contact hu "Hu Xin" { title "Communications Engineer" support 1 intimacy 1 reports-to fang last-contact ${s.fangContact} owner feng }
    contact jiang "Jiang Tao" { title "Substation O&M Supervisor" support 1 intimacy 1 last-contact 2026-06-10 owner feng }

    opportunity substation "Private 5G for substation IoT" {
        stage ${s.stage}
        amount ${s.amount}
${line(`        budget ${s.budget}`, s.budget)}${line('        start 2027-05-01', s.budget)}        team { ar david sr bob fr feng }
        horizon mid
        space 4 growth 4 profit 4 competition ${s.competition}
        decision-chain {
            sun group final
            deng group selection
            peng group commercial
            fang
        }
        competitors zte, nokia
    }
${s.hqvisit ? `
    activity hqvisit "Headquarters visit for Sun Weidong" {
        kind hq-visit
        date 2026-10-24
        with sun, deng
        owner kevin
        status ${s.hqvisit}
${line(`        outcome "${s.hqOutcome}"`, s.hqOutcome)}    }
` : ''}}
`;
}

const start = {
    reviewed: '2026-06-01', sun: '?', deng: 0, dengContact: '2026-06-01', fang: 0, fangIntimacy: 0, fangContact: '2026-06-01',
    stage: 'lead', amount: '40M CNY', competition: 4,
};
/** [date, author, message, what changed]: each version is the one before with these changes. */
const story = [
    ['2026-06-02T09:30:00+08:00', 'David Sun', 'Plan for the substation IoT lead', {}],
    ['2026-06-19T17:10:00+08:00', 'Bob Li', 'First workshop with the dispatch team', { fang: 1, fangIntimacy: 1, fangContact: '2026-06-19' }],
    ['2026-07-08T11:45:00+08:00', 'Bob Li', 'Fang took our demo to Deng himself', { fang: 2, fangContact: '2026-07-08', deng: 1, dengContact: '2026-07-08' }],
    ['2026-07-30T15:20:00+08:00', 'David Sun', 'Deng confirmed the 2027 budget: an opportunity now', { stage: 'opportunity', budget: '48M CNY', amount: '55M CNY' }],
    ['2026-08-18T10:05:00+08:00', 'David Sun', 'Executive letter to Sun; he replied warmly', { sun: 1, sunIntimacy: 0, sunContact: '2026-08-18' }],
    ['2026-09-05T20:40:00+08:00', 'David Sun', 'ZTE hosted Sun at their Shenzhen campus', { sun: 0, sunZte: 2, competition: 3 }],
    ['2026-09-22T18:15:00+08:00', 'Feng Xu', 'Sun told Deng he prefers ZTE\'s cost of ownership', { sun: -1, sunZte: 3, sunContact: '2026-09-20', dengContact: '2026-09-22' }],
    ['2026-10-09T09:00:00+08:00', 'David Sun', 'Plan a headquarters visit for Sun with Kevin', { hqvisit: 'planned' }],
    ['2026-10-27T16:30:00+08:00', 'David Sun', 'Sun visited our headquarters', { hqvisit: 'done', hqOutcome: 'Saw the live grid lab; asked for a reference site', sun: 0, sunIntimacy: 1, sunContact: '2026-10-24' }],
    ['2026-11-12T14:00:00+08:00', 'Bob Li', 'Reference site at Donghai convinced Sun', { sun: 1, sunZte: 1, sunContact: '2026-11-11' }],
    ['2026-11-17T19:25:00+08:00', 'David Sun', 'Sun backs the pilot in the board meeting', { sun: 2, sunIntimacy: 2, sunContact: '2026-11-17', fangContact: '2026-11-17', dengContact: '2026-11-17' }],
    ['2026-11-20T10:00:00+08:00', 'David Sun', 'Tier review: still strategic; bid submitted', { reviewed: '2026-11-20', stage: 'bid', amount: '52M CNY' }],
];

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const git = (args, env = {}) => execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], { cwd: target, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
git(['init', '-q', '-b', 'main']);
writeFileSync(path.join(target, 'team.acct'), team);
let state = start;
for (const [date, author, message, changes] of story) {
    state = { ...state, ...changes };
    writeFileSync(path.join(target, 'huaxia-grid.acct'), plan(state));
    git(['add', '-A']);
    const email = `${author.split(' ')[0].toLowerCase()}@tianlu.example`;
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
        GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: date,
    });
}
process.stdout.write(`built ${target}: ${story.length} commits; try: cd ${path.relative(process.cwd(), target) || '.'} && npx acct history --subject hxgrid/sun\n`);
