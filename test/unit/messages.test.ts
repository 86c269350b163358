/**
 * The message catalog: both languages have every key with the same parameters, every entry is
 * used somewhere, templates are well formed, and the locale is chosen as documented (the
 * `initialize` locale, `--lang`, `LC_ALL` / `LC_MESSAGES` / `LANG`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
    CATALOGS,
    ENGLISH,
    formatMessage,
    localeFromEnvironment,
    localeOf,
    LOCALES,
    placeholdersOf,
    strayBraces,
    textsFor,
    textsFromStrings,
    viewStrings,
} from '../../server/src/method/index.js';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['server/src', 'client/src', 'client/webview/src'];
/** The catalogs themselves: a key written there is not a use of it. */
const CATALOG_DIRS = ['en', 'zh-cn'].map(language => path.join('server', 'src', 'method', 'messages', language));

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap(entry => {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) return CATALOG_DIRS.includes(relative) || entry.name === 'generated' ? [] : sourceFiles(relative);
        return entry.name.endsWith('.ts') ? [relative] : [];
    });
}

/** Every key/path of a nested object, `roles.approver.label`. */
function paths(value: unknown, prefix = ''): string[] {
    if (typeof value !== 'object' || value === null) return [prefix];
    return Object.entries(value)
        .flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key))
        .sort();
}

describe('the message catalog', () => {
    const keys = Object.keys(ENGLISH).sort();

    for (const locale of LOCALES) {
        it(`${locale}: has every key of the English source, and no other`, () => {
            expect(Object.keys(CATALOGS[locale].messages).sort()).toEqual(keys);
            expect(paths(CATALOGS[locale].vocabulary)).toEqual(paths(CATALOGS.en.vocabulary));
        });

        it(`${locale}: prints every parameter its source prints, and takes no other`, () => {
            const wrong: string[] = [];
            for (const key of keys) {
                const source = placeholdersOf(ENGLISH[key as keyof typeof ENGLISH]);
                const translated = placeholdersOf(CATALOGS[locale].messages[key as keyof typeof ENGLISH]);
                const allowed = new Set([...source.printed, ...source.choosers]);
                const missing = source.printed.filter(p => !translated.printed.includes(p));
                const extra = [...translated.printed, ...translated.choosers].filter(p => !allowed.has(p));
                if (missing.length || extra.length) wrong.push(`${key}: missing {${missing.join('}, {')}} extra {${extra.join('}, {')}}`);
            }
            expect(wrong).toEqual([]);
        });

        it(`${locale}: every template is well formed and every text is written`, () => {
            const messages = Object.entries(CATALOGS[locale].messages);
            expect(messages.filter(([, text]) => strayBraces(text)).map(([key]) => key)).toEqual([]);
            expect(
                paths(CATALOGS[locale].vocabulary).filter(p => {
                    const text = p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], CATALOGS[locale].vocabulary);
                    return typeof text !== 'string' || text.trim() === '';
                }),
            ).toEqual([]);
        });
    }

    it('zh-CN: a translated text is Chinese, not English left over', () => {
        const han = /\p{Script=Han}/u;
        const zh = CATALOGS['zh-CN'];
        // markup-only templates (`**{keyword}** — {meaning}`) are the same in both languages
        const untranslated = Object.entries(zh.messages).filter(
            ([key, text]) =>
                !han.test(text) && /[A-Za-z]{3,}/.test(text.replace(/\{[^}]*\}|`[^`]*`|\*\*[^*]*\*\*/g, '')) && text === ENGLISH[key as keyof typeof ENGLISH],
        );
        expect(untranslated).toEqual([]);
        const vocabulary = paths(zh.vocabulary).filter(p => !p.startsWith('roles.') || !p.endsWith('.letter'));
        const english = vocabulary.filter(p => {
            const text = p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zh.vocabulary) as string;
            return !han.test(text);
        });
        expect(english).toEqual([]);
    });

    it('every entry is used by the code (a key written as a literal somewhere)', () => {
        const code = SOURCES.flatMap(sourceFiles)
            .map(file => fs.readFileSync(path.join(ROOT, file), 'utf8'))
            .join('\n');
        const unused = keys.filter(key => !code.includes(`'${key}'`) && !code.includes(`"${key}"`));
        expect(unused).toEqual([]);
    });

    it('fills a template cut once as the one-pass replacement did, on any template and parameters (and twice the same)', () => {
        // the formatter before templates were cut once and kept (issue 23): one regular-expression replacement
        const reference = (template: string, params: Record<string, string | number>) =>
            template.replace(
                /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)(?::([^{}|]*)\|([^{}|]*))?\}/g,
                (whole: string, name?: string, one?: string, other?: string) => {
                    if (name === undefined) return whole[0]!;
                    const value = params[name];
                    if (value === undefined) return whole;
                    if (one !== undefined) return Number(value) === 1 ? one : other!;
                    return String(value);
                },
            );
        const piece = fc.oneof(
            fc.constantFrom('{', '}', '{{', '}}', '|', ':', '{n}', '{n:day|days}', '{x}', '{ab1:a|}', '{n:|}', ' ', '天'),
            fc.string({ maxLength: 4 }),
        );
        const template = fc.array(piece, { maxLength: 12 }).map(pieces => pieces.join(''));
        const params = fc.record(
            { n: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom('1', 'one')), ab1: fc.constantFrom(1, 2) },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(template, params, (t, p) => {
                expect(formatMessage(t, p)).toBe(reference(t, p));
                expect(formatMessage(t, p)).toBe(reference(t, p));
            }),
            { numRuns: 2000 },
        );
    });

    it('fills parameters and chooses English plural forms', () => {
        expect(formatMessage('{n} {n:day|days} ago', { n: 1 })).toBe('1 day ago');
        expect(formatMessage('{n} {n:day|days} ago', { n: 3 })).toBe('3 days ago');
        expect(formatMessage('{n}天前', { n: 3 })).toBe('3天前');
        expect(formatMessage('missing {x}', {})).toBe('missing {x}');
        expect(placeholdersOf('{a} {b:x|y} {a:p|q}')).toEqual({ printed: ['a'], choosers: ['b'] });
        expect(formatMessage('Is a `}}` missing before {word}?', { word: 'it' })).toBe('Is a `}` missing before it?');
        expect(strayBraces('a `}}` and `{{`')).toBe(false);
        expect(strayBraces('a } b')).toBe(true);
        const en = textsFor('en');
        const zh = textsFor('zh-CN');
        expect(en.t('check.overdueActivity', { activity: 'Visit', date: '2026-01-01', late: 1 })).toContain('1 day ago');
        expect(zh.t('check.overdueActivity', { activity: 'Visit', date: '2026-01-01', late: 2 })).toBe(
            '活动“Visit”原计划于 2026-01-01 进行，已过去 2 天，仍是“已计划”：请标记为已完成并记录结果、取消，或改期。',
        );
        expect(en.and(['a', 'b', 'c'])).toBe('a, b and c');
        expect(zh.and(['甲', '乙', '丙'])).toBe('甲、乙和丙');
        expect(en.term('tiers', 'strategic')).toBe('strategic');
        expect(zh.term('tiers', 'strategic')).toBe('战略客户（strategic）');
        expect(zh.name('roles', 'decision-maker')).toBe('决策者');
    });

    it('gives the webview its messages and vocabulary, nothing else', () => {
        const strings = viewStrings('zh-CN');
        expect(Object.keys(strings.messages).every(key => key.startsWith('view.'))).toBe(true);
        const texts = textsFromStrings(JSON.parse(JSON.stringify(strings)));
        expect(texts.t('view.tab.power')).toBe('权力地图');
        expect(texts.name('groups', 'final')).toBe('最终决策组');
    });
});

describe('choosing the language', () => {
    it('reads any Chinese tag as zh-CN and anything else as English', () => {
        for (const tag of ['zh', 'zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-TW', 'zh-Hans', 'ZH']) expect(localeOf(tag)).toBe('zh-CN');
        for (const tag of ['en', 'en-US', 'C', 'C.UTF-8', 'POSIX', 'de', 'zhx', '', undefined]) expect(localeOf(tag)).toBe('en');
    });

    it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
        expect(localeFromEnvironment({})).toBe('en');
        expect(localeFromEnvironment({ LANG: 'C.UTF-8' })).toBe('en');
        expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
        expect(localeFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
        expect(localeFromEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
        expect(localeFromEnvironment({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    });
});
