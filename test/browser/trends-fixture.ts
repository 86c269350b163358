/**
 * The Trends view's data for the browser tests, from a real history: the example repository
 * (examples/history/build-history.mjs: a dozen commits of the Huaxia Grid plan with fixed authors
 * and dates) read by the engine the language server uses (node/history-reader.ts), each subject's
 * trend answered by the trend model (contract/trends.ts), in English and Chinese.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TrendHistory, type SubjectKey, type SubjectTrend } from '@acct/contract';
import { textsFor, type Locale } from '@acct/method';
import { gitHistoryReader } from '../../server/src/node/history-reader.js';

export const TREND_SUBJECTS = {
    contact: 'contact:hxgrid/sun',
    opportunity: 'opportunity:hxgrid/substation',
    customer: 'customer:hxgrid',
} as const satisfies Record<string, SubjectKey>;

const built = new Map<Locale, Promise<TrendHistory>>();
let repo: string | undefined;

/** The example repository (built once per process). */
export function exampleRepository(): string {
    if (!repo) {
        repo = path.join(mkdtempSync(path.join(tmpdir(), 'acct-trends-')), 'history');
        execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', 'examples', 'history', 'build-history.mjs'), repo]);
    }
    return repo;
}

async function history(locale: Locale): Promise<TrendHistory> {
    const trends = new TrendHistory();
    for await (const { entry, plan } of gitHistoryReader.commits(exampleRepository(), locale)) trends.add(entry, plan);
    return trends;
}

/** The trend of `subject` in the example history, its change lines in `locale`. */
export async function exampleTrend(subject: SubjectKey, locale: Locale = 'en'): Promise<SubjectTrend> {
    let held = built.get(locale);
    if (!held) built.set(locale, (held = history(locale)));
    const trend = (await held).of(subject, textsFor(locale));
    if (!trend) throw new Error(`no trend of ${subject} in the example history`);
    return trend;
}
