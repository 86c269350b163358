/**
 * The Changes Since… page's fixture: a real `acct diff` report (the diff engine's JSON, contract
 * 6.5 and 7.4) between an earlier version of `examples/` and the examples as they are, with the
 * plan on the later side, as the panel sends it (client/src/changes-picture.ts). The earlier
 * version differs in Donghai Mobile: He Ming's support was 0 (now 2), Luo Jia was not declared
 * (added), Gao Lin was not in the RAN deal's chain (joined), Qian Hong's support there was 0 (now
 * −1), and Sun Li was a contact (removed).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangesPicture } from '@acct/contract';
import { diffPlans, SubjectKeys } from '@acct/contract';
import type { Locale } from '@acct/method';
import { changesPicture } from '../../client/src/changes-picture.js';
import { TODAY } from './fixture.js';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const DONGHAI = path.join(EXAMPLES, 'donghai-mobile.acct');

/** Donghai Mobile as it was at the earlier revision. */
export function earlierDonghai(text: string): string {
    const edits: Array<[RegExp, string]> = [
        [/(contact he "He Ming" \{[\s\S]*?support )2/, '$10'],
        [/\n {4}contact luo "Luo Jia" \{[\s\S]*?\n {4}\}/, '\n    contact sun "Sun Li" {\n        title "Site Engineer"\n        support 1\n    }'],
        [/(opportunity ran27[\s\S]*?decision-chain \{[\s\S]*?)\n {12}gao group technical/, '$1'],
        [/(qian evaluator support )-1( group technical)/, '$10$2'],
    ];
    for (const [from, to] of edits) {
        if (!from.test(text)) throw new Error(`examples/donghai-mobile.acct changed: ${String(from)} no longer matches`);
        text = text.replace(from, to);
    }
    return text;
}

export async function changesFixture(locale: Locale = 'en'): Promise<ChangesPicture> {
    const { findAcctFiles, loadTexts } = await import('../../server/src/node/workspace-loader.js');
    const files = await findAcctFiles([EXAMPLES], process.cwd());
    const texts = await Promise.all(files.map(file => readFile(file, 'utf8')));
    const options = { today: TODAY, locale };
    const after = await loadTexts(
        files.map((file, i) => ({ file, text: texts[i]! })),
        options,
    );
    const before = await loadTexts(
        files.map((file, i) => ({ file, text: file === DONGHAI ? earlierDonghai(texts[i]!) : texts[i]! })),
        options,
    );
    const diff = diffPlans(before.plan(), after.plan(), { from: 'HEAD', to: null });
    const view = after.view();
    const declared = new Set(
        view.plan.customers.flatMap(c => [
            SubjectKeys.customer(c.id),
            ...c.contacts.map(x => SubjectKeys.contact(c.id, x.id)),
            ...c.opportunities.map(x => SubjectKeys.opportunity(c.id, x.id)),
            ...c.activities.map(x => SubjectKeys.activity(c.id, x.id)),
        ]),
    );
    return changesPicture(diff, view, 'HEAD', subject => declared.has(subject), locale);
}
