/**
 * The `acct` command line's help and commander's own words (server/src/cli/main.ts,
 * cli/help-language.ts and the commands' options), in English: what `acct --help` prints.
 */
export const help = {
    'help.program': 'Check, export, rank and compare key-account plans written in .acct files.',
    'help.lang': 'language of the messages: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)',
    'help.version': 'output the version number',
    'help.help': 'display help for command',
    'help.afterError': '(run acct --help for usage)',
    'help.examples': `
Examples:
  acct check plans/                                  one line per finding, then a summary
  acct check --format sarif -o acct.sarif .          SARIF 2.1.0 for code scanning (also json, github)
  acct check --watch plans/                          re-check on every change: + new, - resolved
  acct export -o plan.acct.json                      the acct-plan JSON document
  acct export --redact -o shared.acct.json           names, ids and free texts as pseudonyms, for sharing
  acct export --format csv --table contacts --bom    one table as CSV (contacts, opportunities,
                                                     decision-chain, activities, findings)
  acct sandbox --top 3                               the open opportunities ranked; the first 3 picked
  acct diff --from main --format markdown plans/     what changed since main, as a PR comment
  acct history --since 2026-09-01 --subject cmgd/wang   how one person's support moved, commit by commit
  acct report -o review.html plans/                  the account review: one HTML file to open, mail or print
  acct format --check plans/                         fail when a plan is not laid out as Format Document does
  acct format --write plans/                         rewrite the plans that are not, in place
Run acct help COMMAND for a command's options.`,
    'help.paths': 'files or folders (searched recursively for *.acct)',
    'help.today': 'the date checks compare with (YYYY-MM-DD)',
    'help.outputFormat': 'output format',
    'help.check': 'Check plans against the method; print one line per finding.',
    'help.check.format': 'output format: text, json (the diagnostics array), github (workflow annotations) or sarif (SARIF 2.1.0 for code scanning)',
    'help.check.maxWarnings': 'exit 1 when there are more warnings than this',
    'help.check.output': 'write the report to this file (atomically) instead of standard output',
    'help.check.watch': 're-check on every change to the .acct files under the paths and print what changed (+ new, - resolved); Ctrl-C stops',
    'help.check.after':
        '\nExit status: 0 no errors and warnings within --max-warnings; 1 errors or too many warnings; 2 bad usage or input.\nWith --watch: 0 when stopped with Ctrl-C.',
    'help.export': 'Write the plan as one JSON document (format acct-plan, version 1), or one table of it as CSV.',
    'help.export.output': 'write to this file (atomically) instead of standard output',
    'help.export.format': 'json (the acct-plan document) or csv (one table, see --table)',
    'help.export.table': 'with --format csv: the table to write',
    'help.export.bom': 'with --format csv: begin with a UTF-8 byte order mark, for spreadsheet programs',
    'help.export.redact':
        'replace names, ids, titles, free texts and file paths by pseudonyms (Contact 7), withhold intimacy and support for competitors: for sharing outside the team',
    'help.export.after':
        "\nTables: {tables}; the customer id first, then the export's fields flattened.\nWith any error in the plan: exit 1, the errors on standard error, nothing written — except the findings table,\nwhich is written whatever the plan holds (exit 1 when it lists an error, as acct check).",
    'help.sandbox': 'Rank every open opportunity by its strategic sandbox score; mark the first N as the picks.',
    'help.sandbox.stageAge': 'from the git history: since when each opportunity has been at its stage (stageSince, stageDays)',
    'help.sandbox.top': 'mark the first N opportunities as the picks',
    'help.history': 'Show how the plan changed, commit by commit, along the first-parent git history.',
    'help.history.since': 'a date YYYY-MM-DD (commits on or after it) or a revision (commits after it)',
    'help.history.until': 'the revision whose history is read',
    'help.history.subject': 'only the changes and findings of CUSTOMER, CUSTOMER/ID or a subject key, and what lies inside it',
    'help.report': 'Write the account review as one self-contained HTML file: summary, customers, findings and the views of every active opportunity.',
    'help.report.output': 'the HTML file to write (atomically)',
    'help.report.since': 'add the changes and findings since this git revision, and the support of the key people since',
    'help.report.redact': 'names, ids, titles, free texts and file paths as pseudonyms, as acct export --redact',
    'help.report.pdf': 'also print the report to this PDF file with the local Chromium (ACCT_CHROMIUM, else /usr/bin/chromium)',
    'help.report.after': '\nExit status: 0, or 1 when the plan has errors (they are shown in the report); 2 bad usage.',
    'help.diff': 'Show what changed in the plan between two git revisions (or a revision and the files on disk).',
    'help.diff.from': 'the earlier revision',
    'help.diff.to': 'the later revision (default: the files on disk)',
    'help.diff.failOnNew': 'exit 1 when a new finding has this severity or worse',
    'help.format': 'Print a plan laid out as Format Document lays it out; with --check, name the plans that are not; with --write, rewrite them.',
    'help.format.check': 'exit 1 when a plan is not formatted, naming the first line that would change',
    'help.format.write': 'rewrite each plan that is not formatted, in place and atomically (regular .acct files only)',
    'help.format.after':
        '\nNever write acct format FILE > FILE: the shell empties FILE before acct reads it. Use --write.\nExit status: 0 formatted (or printed, or rewritten); 1 with --check, a plan is not formatted; 2 bad usage or input.',
    // commander's own words: titles, the extras of an option, its errors
    'help.title.usage': 'Usage:',
    'help.title.options': 'Options:',
    'help.title.commands': 'Commands:',
    'help.title.arguments': 'Arguments:',
    'help.title.globalOptions': 'Global Options:',
    'help.extra.choices': 'choices: ',
    'help.extra.default': 'default: ',
    'help.error.unknownOption': "error: unknown option '{option}'",
    'help.error.unknownCommand': "error: unknown command '{command}'",
    'help.error.didYouMean': '(Did you mean {words}?)',
    'help.error.didYouMeanOneOf': '(Did you mean one of {words}?)',
    'help.error.missingArgument': "error: missing required argument '{name}'",
    'help.error.optionMissingArgument': "error: option '{option}' argument missing",
    'help.error.invalidOption': "error: option '{option}' argument '{value}' is invalid. {reason}",
    'help.error.invalidArgument': "error: command-argument value '{value}' is invalid for argument '{name}'. {reason}",
    'help.error.choices': 'Allowed choices are {choices}.',
    'help.error.tooMany': 'error: too many arguments{command}. Expected {expected} but got {received}.',
    'help.error.tooManyFor': " for '{command}'",
} as const;
