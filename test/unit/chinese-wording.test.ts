/**
 * Chinese as a Chinese sales manager writes it (issue 22): the seeds' terms (客户计划, 机会点,
 * 当前定为 / 未定级, 单点支持, 久未联系), no programmer's calques, no English keyword inside a
 * Chinese sentence, brackets at most two deep, and one spacing rule between Chinese and Latin
 * text, applied by the catalog's formatter to every message as it is said.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGS, placeholdersOf, spaceChineseLatin, textsFor, type MessageKey } from '@acct/method';
import { issues } from '../../server/src/method/messages/zh-cn/issues.js';
import { properties } from '../../server/src/method/messages/zh-cn/keywords.js';
import { vocabulary } from '../../server/src/method/messages/zh-cn/vocabulary.js';

const zh = CATALOGS['zh-CN'];
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/u;
/** Every Chinese text: the messages, the checks' summaries, whys and helps, the keywords' and the vocabulary's meanings. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
const allChinese = (): string[] => [...strings(zh.messages), ...strings(issues), ...strings(properties), ...strings(vocabulary)];

/** The deepest nesting of full-width and ASCII brackets in `text`. */
function depth(text: string): number {
    let d = 0;
    let most = 0;
    for (const ch of text) {
        if (ch === '（' || ch === '(') most = Math.max(most, ++d);
        if (ch === '）' || ch === ')') d = Math.max(0, d - 1);
    }
    return most;
}

describe('the spacing rule between Chinese and Latin text', () => {
    it('puts one space between a Chinese character and a Latin letter or digit, none beside full-width punctuation', () => {
        expect(spaceChineseLatin('请争取He Wei，或通过Lu Ping信任的人')).toBe('请争取 He Wei，或通过 Lu Ping 信任的人');
        expect(spaceChineseLatin('已过去206天')).toBe('已过去 206 天');
        expect(spaceChineseLatin('已过去  206   天')).toBe('已过去 206 天');
        expect(spaceChineseLatin('Qian Hong（qian）是“ran27”的评估者（evaluator）')).toBe('Qian Hong（qian）是“ran27”的评估者（evaluator）');
        expect(spaceChineseLatin('examples/a.acct:3:1 警告')).toBe('examples/a.acct:3:1 警告');
        expect(spaceChineseLatin('no Chinese here')).toBe('no Chinese here');
    });

    it('is applied to every Chinese message as it is said, whatever its template and parameters wrote', () => {
        const t = textsFor('zh-CN');
        let checked = 0;
        for (const key of Object.keys(zh.messages) as MessageKey[]) {
            const template = (zh.messages as Record<string, string>)[key]!;
            const { printed, choosers } = placeholdersOf(template);
            // Latin names and numbers right against the Chinese, as a plan gives them
            const params = Object.fromEntries([
                ...printed.map(n => [n, /count|age|limit|days|total|size|max/i.test(n) ? 3 : 'Lu Ping']),
                ...choosers.map(n => [n, 2]),
            ]);
            const said = (t.t as (k: MessageKey, p: Record<string, string | number>) => string)(key, params);
            if (!HAN.test(said)) continue;
            checked++;
            expect(said, key).not.toMatch(/[\u3400-\u4dbf\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u3400-\u4dbf\u4e00-\u9fff]/u);
            expect(said, key).not.toMatch(/[\u3400-\u4dbf\u4e00-\u9fff] {2,}[A-Za-z0-9]|[A-Za-z0-9] {2,}[\u3400-\u4dbf\u4e00-\u9fff]/u);
        }
        expect(checked).toBeGreaterThan(200);
    });
});

describe('the Chinese words', () => {
    const all = allChinese();
    const said = all.join('\n');

    it('says 客户计划, never 账户计划 (a bank or login account)', () => {
        expect(said).not.toContain('账户');
        expect(zh.messages['view.accountPlan']).toBe('客户计划');
    });

    it('says 当前定为 / 未定级 / 当前分级 ≠ 建议分级, not the calques of "declared"', () => {
        expect(said).not.toMatch(/声明为(?!未知)|未声明分级|声明 ≠ 建议|声明的分级|声明的客户分级/);
        expect(zh.messages['view.legend.noTier']).toBe('未定级');
        expect(zh.messages['view.legend.mismatch']).toBe('当前分级 ≠ 建议分级');
        expect(zh.messages['hover.tier.differs']).toContain('当前定为');
    });

    it('says 单点支持, 请复审 and one word for stale, 久未联系', () => {
        expect(issues['single-threaded'].title).toBe('单点支持');
        expect(said).not.toContain('单线');
        expect(said).not.toContain('重新复审');
        for (const key of ['view.card.staleMark', 'view.legend.stale', 'view.aria.stale'] as const) expect(zh.messages[key], key).toBe('久未联系');
    });

    it('says 机会点 everywhere, never 机会 alone', () => {
        expect(all.filter(s => /机会(?!点)/.test(s))).toEqual([]);
    });

    it('keeps the keyword "policy" out of Chinese sentences (in code or beside its Chinese name only)', () => {
        const bare = all.filter(s => /policy/.test(s.replace(/`[^`]*`/g, '').replace(/（policy）/g, '')));
        // the keyword's own meaning (completion on `policy`) may name it
        expect(bare.filter(s => s !== properties.policy)).toEqual([]);
    });

    it('nests brackets at most two deep, the opposed influence as said of the examples included', () => {
        expect(all.filter(s => depth(s) > 2)).toEqual([]);
        const t = textsFor('zh-CN');
        const where = t.t('check.opposedInfluence.roleOf', { role: t.term('roles', 'decision-maker'), deals: t.and(['“dcnet”', '“branchwifi”']) });
        const text = t.t('check.opposedInfluence', { who: 'He Wei（he_wei）', influenced: 'Lu Ping（lu）', where, name: 'He Wei', influencedName: 'Lu Ping' });
        expect(depth(text)).toBeLessThanOrEqual(1);
        expect(text).toContain('并影响着“dcnet”和“branchwifi”的决策者（decision-maker）Lu Ping（lu）：');
    });
});
