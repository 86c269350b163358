/**
 * The views in Chinese, in Chromium: the panel sends the words of VS Code's display language
 * (a `strings` message); tabs, tools, headings, group titles, legends and the labels screen
 * readers read follow, and keep following after a reload. Until the words arrive the page
 * speaks English: it never guesses a language. Screenshots: test-results/webview/zh-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { viewStrings } from '@acct/method';
import type { PlanView } from '@acct/contract';
import { browserSuite, T } from './shared.js';
import { TODAY } from './fixture.js';

const suite = browserSuite();
const DEAL = { customer: 'donghai', opportunity: 'ran27' };
let chinese: PlanView;

beforeAll(async () => {
    // the plan as a server started with locale zh-cn computes it: its findings in Chinese too
    const { loadWorkspace } = await import('../../server/src/node/workspace-loader.js');
    chinese = (await loadWorkspace([path.resolve(__dirname, '..', '..', 'examples')], { today: TODAY, locale: 'zh-CN' })).view();
}, T);

const texts = (p: Awaited<ReturnType<typeof suite.page>>, selector: string) => p.page.$$eval(selector, els => els.map(el => el.textContent ?? ''));

describe('the views in Chinese', () => {
    it(
        'draws the power map of a deal with Chinese tabs, tools, titles, legend and labels',
        async () => {
            const p = await suite.page({ theme: 'light' });
            expect(await texts(p, '.tab')).toEqual(['Power map', 'Fishbone', 'Tier quadrant', 'Intimacy × support', 'Sandbox', 'Trends']);
            await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
            await p.sendPlan(chinese, DEAL);
            expect(await texts(p, '.tab')).toEqual(['权力地图', '鱼骨图', '客户分级', '亲密度 × 支持度', '战略沙盘', '趋势']);
            expect(await texts(p, '.toolbar .tool')).toEqual(['适应', '−', '+', '整个组织', '导出 SVG']);
            expect(await p.page.textContent('.legend-toggle')).toBe('图例');
            expect(await p.page.getAttribute('.toolbar', 'aria-label')).toBe('视图工具');
            const subheading = await p.page.textContent('.subheading');
            expect(subheading?.startsWith('决策链：12 个联系人中的 6 个，按本项目的角色和支持度显示；其余 6 人已折叠')).toBe(true);
            // contract 1.2: the bid's value proposition follows, after a Chinese label
            expect(subheading).toContain(' — 价值主张：Main RAN supplier since 2019');
            const groups = await texts(p, '.group-label');
            expect(groups.some(g => g.startsWith('关键层 — 本项目中的角色（'))).toBe(true);
            expect(await texts(p, '.chip-text')).toEqual(['关键人反对']);
            await p.page.click('.legend-toggle');
            const legend = (await texts(p, '.legend text')).join(' ');
            for (const word of ['角色', '批准者', '决策者', '支持度', '支持并排他', '教练级支持', '未知', '汇报给', '久未联系', '三板斧', '已完成', '未安排']) {
                expect(legend).toContain(word);
            }
            const qian = await p.page.getAttribute('.card[data-key="contact:donghai/qian"]', 'aria-label');
            expect(qian).toContain('角色 评估者');
            expect(qian).toContain('支持度 -1（反对）');
            expect(qian).toContain('三板斧：高层拜访已计划, 邀请参展已计划, 公司考察已计划');
            expect(qian).toContain('opposed-key-person: Qian Hong（qian）是“ran27”的评估者（evaluator）');
            const chip = await p.page.getAttribute('.chip', 'aria-label');
            expect(chip).toMatch(/。按下可定位。$/);
            await p.screenshot('zh-power-map-deal-light');
            await p.setTheme('dark');
            await p.sendPlan(chinese, { customer: 'jlbank', opportunity: null });
            expect(await p.page.textContent('.subheading')).toBe('权力地图：关键层 4 个联系人，普遍层 3 个联系人');
            await p.screenshot('zh-power-map-customer-dark');
        },
        T,
    );

    it(
        'says the other views, and the banner, in Chinese',
        async () => {
            const p = await suite.page({ theme: 'light' });
            await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
            await p.sendPlan(chinese, DEAL);
            await p.page.click('#tab-fishbone');
            expect(await p.page.textContent('.fb-head-title')).toBe('中标');
            expect(await texts(p, '.fb-bone-label')).toEqual(expect.arrayContaining([expect.stringContaining('最终决策组')]));
            await p.screenshot('zh-fishbone-light');
            await p.page.click('#tab-quadrant');
            expect(await p.page.textContent('.heading')).toBe('客户分级 — 全部客户');
            expect(await texts(p, '.q-region-label')).toContain('卓越客户');
            await p.page.click('#tab-sandbox');
            expect(await p.page.textContent('.heading')).toBe('战略沙盘 — 全部进行中的机会点');
            expect((await texts(p, '.sb-section'))[0]).toBe('按评分排名（7），前 3 名选中');
            await p.screenshot('zh-sandbox-light');
            await p.page.click('#tab-quadrant');
            await p.screenshot('zh-quadrant-light');
            await p.page.click('#tab-intimacy');
            expect((await texts(p, '.zone-label')).join(' ')).toContain('理性转身风险');
            await p.screenshot('zh-intimacy-light');
            const broken: PlanView = { ...chinese, hasErrors: true };
            await p.send({ type: 'picture', picture: { view: broken, shown: DEAL, hasErrors: true, errorLines: ['a', 'b'] } });
            expect(await p.page.textContent('.banner-text')).toBe('计划中有 2 个错误——图可能不完整。');
        },
        T,
    );

    it(
        'keeps the words across a reload, and ignores words of the wrong shape',
        async () => {
            const p = await suite.page();
            await p.send({ type: 'strings', strings: viewStrings('zh-CN') });
            await p.sendPlan(chinese, DEAL);
            await p.reload();
            expect(await texts(p, '.tab')).toEqual(['权力地图', '鱼骨图', '客户分级', '亲密度 × 支持度', '战略沙盘', '趋势']);
            expect(await p.page.textContent('.subheading')).toContain('决策链：');
            await p.send({ type: 'strings', strings: { locale: 'fr', messages: {}, vocabulary: {} } });
            expect((await texts(p, '.tab'))[0]).toBe('权力地图');
            await p.send({ type: 'strings', strings: viewStrings('en') });
            await p.sendPlan(chinese, DEAL);
            expect((await texts(p, '.tab'))[0]).toBe('Power map');
        },
        T,
    );
});
