/** 命令行 acct 的帮助，以及 commander 自己的用语（简体中文）。参数与 ../en/help.ts 一致。 */
import type { help as en } from '../en/help.js';
import type { Translation } from '../translation.js';

export const help: Translation<typeof en> = {
    'help.program': '检查、导出、排序和比较用 .acct 文件编写的客户计划。',
    'help.lang': '消息语言：en 或 zh-CN（默认：取自 LC_ALL、LC_MESSAGES 或 LANG）',
    'help.version': '显示版本号',
    'help.help': '显示命令帮助',
    'help.afterError': '（运行 acct --help 查看用法）',
    'help.examples': `
示例：
  acct check plans/                                  每个问题一行，最后是汇总
  acct check --format sarif -o acct.sarif .          用于代码扫描的 SARIF 2.1.0（另有 json、github）
  acct check --watch plans/                          每次修改后重新检查：+ 新增，- 已解决
  acct export -o plan.acct.json                      acct-plan JSON 文档
  acct export --redact -o shared.acct.json           名称、id 和自由文本替换为化名，便于对外分享
  acct export --format csv --table contacts --bom    以 CSV 导出一张表（contacts、opportunities、
                                                     decision-chain、activities、findings）
  acct sandbox --top 3                               进行中的机会点排序，选中前 3 个
  acct diff --from main --format markdown plans/     自 main 以来的变化，可作为 PR 评论
  acct history --since 2026-09-01 --subject cmgd/wang   某个人的支持度如何逐个提交变化
  acct report -o review.html plans/                  客户评审：一个可打开、可邮件发送、可打印的 HTML 文件
  acct format --check plans/                         计划的排版与“格式化文档”不一致时失败
  acct format --write plans/                         就地改写排版不一致的计划
运行 acct help 命令名 查看该命令的选项。`,
    'help.paths': '文件或文件夹（递归查找 *.acct）',
    'help.today': '检查所依据的日期（YYYY-MM-DD）',
    'help.outputFormat': '输出格式',
    'help.check': '按方法论检查客户计划；每个问题输出一行。',
    'help.check.format': '输出格式：text、json（诊断数组）、github（工作流注释）或 sarif（用于代码扫描的 SARIF 2.1.0）',
    'help.check.maxWarnings': '警告数超过此值时以状态 1 退出',
    'help.check.output': '把报告（原子地）写入此文件，而不是标准输出',
    'help.check.watch': '路径下的 .acct 文件每次修改后重新检查，只输出变化（+ 新增，- 已解决）；按 Ctrl-C 停止',
    'help.check.after': '\n退出状态：0 无错误且警告数在 --max-warnings 以内；1 有错误或警告过多；2 用法或输入有误。\n使用 --watch 时：按 Ctrl-C 停止后为 0。',
    'help.export': '把计划写成一个 JSON 文档（格式 acct-plan，版本 1），或以 CSV 导出其中一张表。',
    'help.export.output': '（原子地）写入此文件，而不是标准输出',
    'help.export.format': 'json（acct-plan 文档）或 csv（一张表，见 --table）',
    'help.export.table': '配合 --format csv：要导出的表',
    'help.export.bom': '配合 --format csv：以 UTF-8 字节顺序标记开头，便于电子表格程序读取',
    'help.export.redact': '把名称、id、职务、自由文本和文件路径替换为化名（Contact 7），隐去亲密度和对竞争对手的支持度：用于对外分享',
    'help.export.after':
        '\n表：{tables}；第一列为客户 id，其后是导出字段的扁平化形式。\n计划中有任何错误时：以状态 1 退出，错误输出到标准错误，不写入任何内容——findings 表除外，\n无论计划内容如何都会写出（其中列有错误时以状态 1 退出，与 acct check 相同）。',
    'help.sandbox': '按战略沙盘评分给所有进行中的机会点排序；把前 N 个标为选中。',
    'help.sandbox.stageAge': '根据 git 历史：每个机会点处于当前阶段的起始日期（stageSince、stageDays）',
    'help.sandbox.top': '把前 N 个机会点标为选中',
    'help.history': '沿 git 的第一父提交历史，逐个提交显示客户计划的变化。',
    'help.history.since': '日期 YYYY-MM-DD（该日及之后的提交）或版本（其后的提交）',
    'help.history.until': '读取其历史的版本',
    'help.history.subject': '只看 客户、客户/ID 或对象键及其内部的变化和问题',
    'help.report': '把客户评审写成一个自包含的 HTML 文件：汇总、各客户、问题，以及每个进行中机会点的视图。',
    'help.report.output': '要写入的 HTML 文件（原子写入）',
    'help.report.since': '加入自该 git 版本以来的变化和问题，以及关键人物此后的支持度',
    'help.report.redact': '名称、id、职务、自由文本和文件路径替换为化名，与 acct export --redact 相同',
    'help.report.pdf': '同时用本机的 Chromium（ACCT_CHROMIUM，否则 /usr/bin/chromium）打印为该 PDF 文件',
    'help.report.after': '\n退出状态：0；计划有错误时为 1（错误显示在评审中）；用法错误为 2。',
    'help.diff': '显示计划在两个 git 版本之间（或某个版本与磁盘上的文件之间）的变化。',
    'help.diff.from': '较早的版本',
    'help.diff.to': '较晚的版本（默认：磁盘上的文件）',
    'help.diff.failOnNew': '出现此严重级别或更严重的新问题时以状态 1 退出',
    'help.format': '按“格式化文档”的排版打印一个计划；使用 --check 时列出排版不一致的计划；使用 --write 时改写它们。',
    'help.format.check': '有计划未格式化时以状态 1 退出，并指出第一处会改变的行',
    'help.format.write': '就地、原子地改写每个未格式化的计划（仅限普通 .acct 文件）',
    'help.format.after':
        '\n切勿写 acct format 文件 > 文件：shell 会在 acct 读取之前清空该文件。请使用 --write。\n退出状态：0 已格式化（或已打印、已改写）；1 使用 --check 时有计划未格式化；2 用法或输入有误。',
    'help.title.usage': '用法：',
    'help.title.options': '选项：',
    'help.title.commands': '命令：',
    'help.title.arguments': '参数：',
    'help.title.globalOptions': '全局选项：',
    'help.extra.choices': '可选值：',
    'help.extra.default': '默认：',
    'help.error.unknownOption': '错误：未知选项“{option}”',
    'help.error.unknownCommand': '错误：未知命令“{command}”',
    'help.error.didYouMean': '（你是不是想写 {words}？）',
    'help.error.didYouMeanOneOf': '（你是不是想写其中之一：{words}？）',
    'help.error.missingArgument': '错误：缺少必需的参数“{name}”',
    'help.error.optionMissingArgument': '错误：选项“{option}”缺少参数',
    'help.error.invalidOption': '错误：选项“{option}”的参数“{value}”无效。{reason}',
    'help.error.invalidArgument': '错误：参数“{name}”的值“{value}”无效。{reason}',
    'help.error.choices': '可选值为 {choices}。',
    'help.error.tooMany': '错误：参数过多{command}。应为 {expected} 个，实际为 {received} 个。',
    'help.error.tooManyFor': '（命令“{command}”）',
};
