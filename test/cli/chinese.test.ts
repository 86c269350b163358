/**
 * The command line in Chinese: `--lang zh-CN`, or LC_ALL / LC_MESSAGES / LANG saying Chinese,
 * gives every message, summary and table heading in the method's Chinese words, while codes,
 * JSON keys and the export's structure stay English; without either it speaks English, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempWorkspace } from '../support/run-cli.js';
import { cliBlock as block } from '../support/readme.js';

const TODAY = ['--today', '2026-11-22'];
const check = (args: string[], env: Record<string, string | undefined> = {}) => runCli(['check', ...TODAY, ...args, 'examples'], { env });

describe('acct in Chinese', () => {
    it('--lang zh-CN: the findings and the summary in Chinese, codes and places as in English', () => {
        const english = check([]);
        const chinese = check(['--lang', 'zh-CN']);
        expect(chinese.status).toBe(english.status);
        const lines = chinese.stdout.trim().split('\n');
        expect(lines).toContain(
            'examples/pearl-river-port.acct:10:10: warning tier-mismatch: 客户“pearlport”当前定为商业客户（commercial），' +
                '但行业地位中等（2/5）且合作价值大（4/5），建议分级为核心客户（core）。请复审分级或评分：优质资源要向优质客户倾斜。',
        );
        expect(lines).toContain(
            'examples/regional/jinlan-bank.acct:111:5: warning unqualified-opportunity: 机会点“branchwifi”缺少明确的预算：' +
                '它仍然只是线索。请与客户确认预算和启动时间，或把阶段改为 lead（线索）。',
        );
        expect(lines).toContain(
            'examples/donghai-mobile.acct:165:13: warning opposed-key-person: Qian Hong（qian）是“ran27”的评估者（evaluator），' +
                '反对我们（支持度 -1）。“三板斧”已在进行：高层拜访“qian_exec”（计划于 2026-12-03）、邀请参展“qian_expo”（计划于 2026-12-16）、' +
                '公司考察“qian_hq”（计划于 2027-01-12）。持续跟进，直到对方的支持度改变。',
        );
        expect(lines.at(-1)).toBe('6 个文件中发现 23 个问题：0 个错误，19 个警告，4 个提示。');
        // the same findings at the same places with the same codes: only the words changed
        const head = (line: string) => line.slice(0, line.indexOf(': ', line.indexOf(' ') + 1));
        expect(lines.slice(0, -1).map(head)).toEqual(english.stdout.trim().split('\n').slice(0, -1).map(head));
    });

    it("the README's Chinese sample lines are what the CLI prints", () => {
        const printed = check(['--lang', 'zh-CN']).stdout.split('\n');
        const sample = block('`acct check --lang zh-CN examples --today 2026-11-22`', 'text').trim().split('\n');
        expect(sample.length).toBe(3);
        for (const line of sample) expect(printed).toContain(line);
    });

    it('LANG=zh_CN.UTF-8 speaks Chinese too; LC_ALL and LC_MESSAGES come first; --lang wins over all of them', () => {
        const chinese = check(['--lang', 'zh-CN']).stdout;
        expect(check([], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(chinese);
        expect(check([], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }).stdout).toBe(chinese);
        const english = check([]).stdout;
        expect(english).toContain("Customer 'pearlport' is declared commercial");
        expect(check([], { LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' }).stdout).toBe(english);
        expect(check(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout).toBe(english);
        expect(check(['--lang=zh-CN'], { LANG: 'C' }).stdout).toBe(chinese);
        // without any of them (CI): English, exactly as before
        expect(check([], { LANG: undefined }).stdout).toBe(english);
    });

    it('the export keeps its keys, codes and structure; only the messages are Chinese', () => {
        const english = JSON.parse(runCli(['export', ...TODAY, 'examples']).stdout);
        const chinese = JSON.parse(runCli(['export', ...TODAY, '--lang', 'zh-CN', 'examples']).stdout);
        type Said = Array<{ message: string }>;
        const blank = (list: Said) => list.map(d => ({ ...d, message: '' }));
        const withoutMessages = (doc: { diagnostics: Said; waived: Said }) =>
            JSON.stringify({ ...doc, diagnostics: blank(doc.diagnostics), waived: blank(doc.waived) });
        expect(withoutMessages(chinese)).toBe(withoutMessages(english));
        expect([...chinese.diagnostics, ...chinese.waived].every((d: { message: string }) => /\p{Script=Han}/u.test(d.message))).toBe(true);
    });

    it('says bad input and bad usage in Chinese, with the same exit statuses', () => {
        const missing = runCli(['check', '--lang', 'zh-CN', 'no-such-folder']);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toBe('acct: no-such-folder：文件或文件夹不存在。请检查路径。\n');
        const dir = tempWorkspace({ 'a.acct': 'customer a "A" {\n  contact x "X" { support 7 }\n}\n' });
        const refused = runCli(['export', '--lang', 'zh-CN', '.'], { cwd: dir });
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain('out-of-range: support 7 超出范围');
        expect(refused.stderr).toContain('acct: 1 个错误：未导出任何内容。请修正错误后重新运行。');
        const unsafe = runCli(['export', '--lang', 'zh-CN', '-o', 'plan.acct', 'examples']);
        expect(unsafe.status).toBe(2);
        expect(unsafe.stderr).toBe('acct: plan.acct：acct 从不写入 .acct 文件。请为 JSON 导出另选一个文件。\n');
        const tooMany = runCli(['check', ...TODAY, '--lang', 'zh-CN', '--max-warnings', '3', 'examples']);
        expect(tooMany.status).toBe(1);
        expect(tooMany.stderr).toBe('acct: 19 个警告，超过了 --max-warnings 3。\n');
        const language = runCli(['check', '--lang', 'fr', 'examples']);
        expect(language.status).toBe(2);
        expect(language.stderr).toContain('expected en or zh-CN.');
    });

    it('says syntax errors and unknown names in Chinese, with the did-you-mean of the English', () => {
        const dir = tempWorkspace({
            'a.acct': 'customer c "C" {\n    contact li "Li" { reports-to wnag }\n    contact wang "Wang" { tier strategc }\n}\n',
            'b.acct': 'customer d "D" {\n    contcat x "X" { }\n    contact z "Z" { title "open\n}\n',
        });
        const lines = runCli(['check', '--lang', 'zh-CN', '.'], { cwd: dir }).stdout.trim().split('\n');
        expect(lines).toContain('a.acct:2:34: error unresolved-reference: 未知的联系人“wnag”：本客户的联系人中没有这个 id。你是不是想写 `wang`？');
        expect(lines).toContain(
            'a.acct:3:27: error syntax: 在联系人中应为 title、department、role、support、intimacy、reports-to、last-contact、owner、' +
                'competitor-support、influences、kpi、pain、waive 或 `}`，但实际是 `tier`。前面是不是少了一个 `}`？',
        );
        expect(lines.some(l => /^b\.acct:2:5: error syntax: 在客户中应为 .*，但实际是 `contcat`。你是不是想写 `contact`？$/.test(l))).toBe(true);
        expect(lines).toContain('b.acct:3:27: error syntax: 字符串没有结束：请在同一行用 " 把它结束。');
    });

    it("the sandbox's table and summary in Chinese, aligned by display width", () => {
        const result = runCli(['sandbox', ...TODAY, '--lang', 'zh-CN', '--top', '2', 'examples']);
        expect(result.status).toBe(0);
        const lines = result.stdout.trim().split('\n');
        expect(lines[0]).toMatch(/^#\s+选中\s+机会点\s+名称\s+阶段\s+时间跨度\s+市场空间\s+增长\s+利润\s+竞争强度\s+评分\s+金额$/);
        expect(lines).toContain('— 未评分：请给出 space、growth、profit 和 competition —');
        expect(lines.at(-1)).toBe('12 个进行中的机会点：7 个已评分，5 个未评分；选中 2 个（★，--top 2）。');
    });

    it('the sandbox says stage and horizon in Chinese (线索, 长期), as every enumerated value', () => {
        const lines = runCli(['sandbox', ...TODAY, '--lang', 'zh-CN', '--top', '2', 'examples'])
            .stdout.trim()
            .split('\n');
        const edgecloud = lines.find(l => l.includes('donghai/edgecloud'))!;
        expect(edgecloud).toMatch(/\s线索\s+长期\s/);
        expect(lines.find(l => l.includes('hxgrid/substation'))).toMatch(/\s机会点\s+中期\s/);
        expect(lines.find(l => l.includes('donghai/ran27'))).toMatch(/\s投标\s+短期\s/);
        const rows = lines.filter(l => /^\s*\d+ .*\w\//.test(l));
        expect(rows).toHaveLength(12);
        for (const row of rows) expect(row).not.toMatch(/\s(lead|opportunity|bid|short|mid|long)\s/);
        // English keeps the keywords, byte for byte
        expect(runCli(['sandbox', ...TODAY, '--top', '2', 'examples']).stdout).toMatch(/donghai\/edgecloud .* lead +long /);
    });

    it("acct --help and every command's help in Chinese: commander's titles, options and errors too", () => {
        const help = runCli(['--help', '--lang', 'zh-CN']);
        expect(help.status).toBe(0);
        for (const text of [
            '用法： acct [options] [command]',
            '检查、导出、排序和比较',
            '选项：',
            '显示版本号',
            '显示命令帮助',
            '命令：',
            '示例：',
            '就地改写',
        ]) {
            expect(help.stdout).toContain(text);
        }
        for (const command of ['check', 'export', 'sandbox', 'diff', 'history', 'format', 'report']) {
            const text = runCli([command, '--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout;
            expect(text).toMatch(/^用法： acct /);
            expect(text).toContain('参数：');
            expect(text).toContain('文件或文件夹（递归查找 *.acct） (默认：.)');
            expect(text).toContain('全局选项：');
            // nothing of commander's or acct's English help is left, but the option names and values
            expect(text).not.toMatch(/Usage|Options|Arguments|default:|choices:|display help|output the version|the date checks/);
        }
        expect(runCli(['check', '--help', '--lang', 'zh-CN']).stdout).toContain('(可选值："text", "json", "github", "sarif", 默认："text")');
        expect(runCli(['chekc', '--lang', 'zh-CN'])).toMatchObject({
            status: 2,
            stderr: '错误：未知命令“chekc”\n（你是不是想写 check？）\n（运行 acct --help 查看用法）\n',
        });
        expect(runCli(['check', '--formt', 'json', '--lang', 'zh-CN']).stderr).toBe(
            '错误：未知选项“--formt”\n（你是不是想写 --format？）\n（运行 acct --help 查看用法）\n',
        );
        expect(runCli(['check', '--format', 'xml', '--lang', 'zh-CN']).stderr).toBe(
            '错误：选项“--format <format>”的参数“xml”无效。可选值为 text, json, github, sarif。\n（运行 acct --help 查看用法）\n',
        );
        expect(runCli(['check', '--today', '2026-13-01', '--lang', 'zh-CN']).stderr).toBe(
            '错误：选项“--today <date>”的参数“2026-13-01”无效。应为日期 YYYY-MM-DD。\n（运行 acct --help 查看用法）\n',
        );
        // English stays commander's own words
        expect(runCli(['chekc']).stderr).toBe("error: unknown command 'chekc'\n(Did you mean check?)\n(run acct --help for usage)\n");
    });

    it("a lexer error speaks the user's language: a stray '/' and a '/*' never closed", () => {
        const dir = tempWorkspace({ 'slash.acct': 'member alice "Alice" /\n', 'open.acct': 'member bob "Bob"\n/* never closed\n' });
        const errors = (lang: string) =>
            runCli(['check', ...TODAY, '--lang', lang, '.'], { cwd: dir })
                .stdout.split('\n')
                .filter(line => line.includes(' syntax: '));
        expect(errors('en')).toEqual([
            "open.acct:2:1: error syntax: Unclosed comment: '/*' has no '*/' after it. Close it with */, or write // for a comment to the end of the line.",
            "slash.acct:1:22: error syntax: Unexpected character '/': no word of a plan starts with it. Remove it, or put it in a quoted name.",
        ]);
        expect(errors('zh-CN')).toEqual([
            'open.acct:2:1: error syntax: 注释没有结束：“/*”之后没有“*/”。请用 */ 把它结束，或用 // 写到行尾为止的注释。',
            'slash.acct:1:22: error syntax: 无法识别的字符“/”：计划中没有以它开头的词。请删除它，或把它放进带引号的名称里。',
        ]);
    });

    it('SARIF rules describe the checks in Chinese; rule ids stay the codes', () => {
        const sarif = JSON.parse(runCli(['check', ...TODAY, '--lang', 'zh-CN', '--format', 'sarif', 'examples']).stdout);
        const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
        expect(rules.find(r => r.id === 'no-power-map')!.shortDescription.text).toBe('进行中的机会点没有 decision-chain（没有权力地图）。');
    });
});
