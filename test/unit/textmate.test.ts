/**
 * The TextMate grammar (syntaxes/acct.tmLanguage.json) tokenizes the contract's section-1
 * example as intended: keywords, enum values (hyphenated ones whole), `?`, money, dates,
 * comments, strings with escapes, and Unicode identifiers that are not keywords.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const root = path.resolve(__dirname, '..', '..');

/** Contract section 1, `cmgd.acct`, verbatim. */
const CMGD = `// Plan for China Mobile Guangdong
customer cmgd "China Mobile Guangdong" {
    industry "Telecom operator"
    standing 5              // customer's own industry standing, 1..5 (quadrant: vertical)
    cooperation 4           // value of cooperation to us, 1..5 (quadrant: horizontal)
    tier strategic          // excellent | strategic | core | value | commercial
    reviewed 2026-10-01     // last tier review
    owner alice
    organization match      // none | communicate | match | joint | identify

    contact zhang "Zhang Wei" {
        title "General Manager"
        role approver
        support ?
        intimacy 0
    }
    contact wang "Wang Lei" {
        title "CTO"
        department "Network"
        role decision-maker
        support 2
        intimacy 1
        reports-to zhang
        last-contact 2026-11-02
        owner alice
    }
    contact li "Li Na" {
        title "Head of Procurement"
        department "Procurement"
        role evaluator
        support -1
        intimacy -2
        reports-to zhang
        last-contact 2026-10-20
    }
    contact zhao "Zhao Min" {
        department "Operations"   // no role: a general-layer contact
        support 1
        intimacy 2
    }
    contact 陈静 "陈静" {
        department "Operations"
        support 0
        intimacy 1
        reports-to zhao
    }
    contact sun "Sun Hao" {
        department "Planning"
        support 0
        intimacy 0
    }

    opportunity core5g "5G core expansion" {
        stage opportunity       // lead | opportunity | bid | won | lost
        amount 30M CNY          // expected contract value; k, M and B suffixes
        budget 12.5M CNY        // customer's confirmed budget
        start 2027-03-01        // confirmed start date
        team { ar alice sr bob fr carol }
        decision-chain {
            zhang                       // role and support as on the contact
            wang
            li evaluator support -1     // role and support for this deal only
        }
        competitors ericsson, nokia
    }

    opportunity oss "OSS modernisation" {
        stage opportunity       // no budget, no start: an unqualified opportunity
        amount 5M CNY
        team { ar alice }
    }

    activity hqvisit "Headquarters visit for Li Na" {
        kind hq-visit
        date 2026-12-05
        with li
        owner alice
        status planned          // planned | done | cancelled
        outcome "..."           // optional free text
    }
}
`;

/** Contract section 1, `team.acct`, plus a few constructs the example does not show. */
const TEAM = `member alice "Alice Chen"
competitor ericsson "Ericsson"
/* block comment
   over two lines */
policy {
    stale-contact-days 90
    tier-review-days   365
    general-coverage   3
}
member dora "Dora \\"DJ\\" Jones \\\\ Sales"
`;

interface Token {
    line: number;
    text: string;
    scopes: string[];
}

let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
            createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName: string) => {
            if (scopeName !== 'source.acct') {
                return null;
            }
            const file = path.join(root, 'syntaxes', 'acct.tmLanguage.json');
            return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
        },
    });
    const loaded = await registry.loadGrammar('source.acct');
    if (!loaded) {
        throw new Error('grammar source.acct not found');
    }
    grammar = loaded;
});

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let state = vsctm.INITIAL;
    text.split('\n').forEach((lineText, line) => {
        const result = grammar.tokenizeLine(lineText, state);
        for (const t of result.tokens) {
            tokens.push({ line: line + 1, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
        }
        state = result.ruleStack;
    });
    return tokens;
}

/** The scopes of the first token with exactly this text on the first line containing `lineIncludes`. */
function scopesOf(tokens: Token[], text: string, lineIncludes?: string): string[] {
    const lines = new Map<number, string>();
    for (const t of tokens) {
        lines.set(t.line, (lines.get(t.line) ?? '') + t.text);
    }
    const token = tokens.find(t => t.text === text && (lineIncludes === undefined || lines.get(t.line)!.includes(lineIncludes)));
    if (!token) {
        throw new Error(`no token ${JSON.stringify(text)}${lineIncludes ? ` on a line with ${JSON.stringify(lineIncludes)}` : ''}`);
    }
    return token.scopes;
}

function hasScope(scopes: string[], prefix: string): boolean {
    return scopes.some(s => s === prefix || s.startsWith(prefix + '.'));
}

describe('TextMate grammar (source.acct)', () => {
    it('colours declaration keywords, block keywords and property names as keywords', () => {
        const tokens = tokenize(CMGD);
        expect(hasScope(scopesOf(tokens, 'customer'), 'keyword.control')).toBe(true);
        expect(hasScope(scopesOf(tokens, 'contact', 'zhang "Zhang Wei"'), 'keyword.control')).toBe(true);
        expect(hasScope(scopesOf(tokens, 'decision-chain'), 'keyword.control')).toBe(true);
        expect(hasScope(scopesOf(tokens, 'team'), 'keyword')).toBe(true);
        for (const property of ['industry', 'standing', 'tier', 'reports-to', 'last-contact', 'support', 'competitors', 'kind', 'with', 'outcome']) {
            expect(hasScope(scopesOf(tokens, property), 'keyword'), property).toBe(true);
        }
        for (const role of ['ar', 'sr', 'fr']) {
            expect(hasScope(scopesOf(tokens, role, 'team {'), 'keyword'), role).toBe(true);
        }
    });

    it('colours the declared ids as names, not keywords', () => {
        const tokens = tokenize(CMGD);
        expect(hasScope(scopesOf(tokens, 'cmgd'), 'entity.name')).toBe(true);
        expect(hasScope(scopesOf(tokens, 'core5g'), 'entity.name')).toBe(true);
    });

    it('colours hyphenated enum values as one constant', () => {
        const tokens = tokenize(CMGD);
        expect(scopesOf(tokens, 'decision-maker')).toContain('constant.language.role.acct');
        expect(scopesOf(tokens, 'hq-visit')).toContain('constant.language.kind.acct');
        expect(scopesOf(tokens, 'strategic', 'tier strategic')).toContain('constant.language.tier.acct');
        expect(scopesOf(tokens, 'match', 'organization match')).toContain('constant.language.organization.acct');
        expect(scopesOf(tokens, 'planned', 'status planned')).toContain('constant.language.status.acct');
        // a role in a decision-chain entry
        expect(scopesOf(tokens, 'evaluator', 'li evaluator')).toContain('constant.language.role.acct');
    });

    it('colours "stage opportunity" as a value and "opportunity oss" as a keyword', () => {
        const tokens = tokenize(CMGD);
        expect(scopesOf(tokens, 'opportunity', 'stage opportunity')).toContain('constant.language.stage.acct');
        expect(hasScope(scopesOf(tokens, 'opportunity', 'opportunity oss'), 'keyword.control')).toBe(true);
    });

    it('colours ? as a constant', () => {
        const tokens = tokenize(CMGD);
        expect(scopesOf(tokens, '?', 'support ?')).toContain('constant.language.unknown.acct');
    });

    it('colours money with its suffix and currency', () => {
        const tokens = tokenize(CMGD);
        const number = scopesOf(tokens, '12.5', 'budget');
        const suffix = scopesOf(tokens, 'M', 'budget');
        const currency = scopesOf(tokens, 'CNY', 'budget');
        for (const scopes of [number, suffix, currency]) {
            expect(scopes).toContain('constant.numeric.money.acct');
        }
        expect(hasScope(suffix, 'keyword.other.unit')).toBe(true);
        expect(hasScope(currency, 'support.constant.currency')).toBe(true);
        expect(scopesOf(tokens, 'CNY', 'amount 30M')).toContain('support.constant.currency.acct');
    });

    it('colours dates and signed integers as numbers', () => {
        const tokens = tokenize(CMGD);
        expect(scopesOf(tokens, '2026-10-01')).toContain('constant.numeric.date.acct');
        expect(scopesOf(tokens, '2027-03-01')).toContain('constant.numeric.date.acct');
        expect(hasScope(scopesOf(tokens, '-1', 'li evaluator'), 'constant.numeric')).toBe(true);
        expect(hasScope(scopesOf(tokens, '5', 'standing'), 'constant.numeric')).toBe(true);
    });

    it('colours line and block comments', () => {
        const tokens = tokenize(CMGD);
        expect(scopesOf(tokens, ' Plan for China Mobile Guangdong')).toContain('comment.line.double-slash.acct');
        // a keyword-like word inside a comment stays a comment
        expect(scopesOf(tokens, ' lead | opportunity | bid | won | lost')).toContain('comment.line.double-slash.acct');
        const team = tokenize(TEAM);
        expect(scopesOf(team, '   over two lines ')).toContain('comment.block.acct');
        expect(hasScope(scopesOf(team, 'policy'), 'keyword')).toBe(true);
    });

    it('colours strings, with \\" and \\\\ escapes inside them', () => {
        const team = tokenize(TEAM);
        expect(scopesOf(team, 'Alice Chen')).toContain('string.quoted.double.acct');
        const escapedQuote = scopesOf(team, '\\"', 'Dora');
        expect(escapedQuote).toContain('string.quoted.double.acct');
        expect(escapedQuote).toContain('constant.character.escape.acct');
        expect(scopesOf(team, '\\\\', 'Dora')).toContain('constant.character.escape.acct');
        // the string goes on after the escaped quote and ends at the real one
        expect(scopesOf(team, 'DJ', 'Dora')).toContain('string.quoted.double.acct');
        expect(scopesOf(team, ' Sales', 'Dora')).toContain('string.quoted.double.acct');
        expect(hasScope(scopesOf(team, 'stale-contact-days'), 'keyword')).toBe(true);
        expect(hasScope(scopesOf(team, '365'), 'constant.numeric')).toBe(true);
    });

    it('treats the Unicode id 陈静 as an identifier, not a keyword', () => {
        const tokens = tokenize(CMGD);
        const declared = scopesOf(tokens, '陈静', 'contact 陈静');
        expect(hasScope(declared, 'entity.name')).toBe(true);
        expect(declared.some(s => s.startsWith('keyword'))).toBe(false);
        // in the string it is part of the string
        expect(scopesOf(tokens, '陈静', '"陈静"').some(s => s.startsWith('keyword'))).toBe(false);
    });

    it('does not colour keywords or values inside longer identifiers', () => {
        const tokens = tokenize('contact core24 "x" { reports-to teamlead }\nactivity summit_q4 "y" { with tier2 }\n');
        expect(scopesOf(tokens, 'core24')).toContain('entity.name.type.contact.acct');
        expect(scopesOf(tokens, 'summit_q4')).toContain('entity.name.type.activity.acct');
        const teamlead = scopesOf(tokens, 'teamlead');
        const tier2 = scopesOf(tokens, 'tier2');
        for (const scopes of [teamlead, tier2]) {
            expect(scopes.some(s => s.startsWith('keyword') || s.startsWith('constant'))).toBe(false);
        }
    });

    it('tokenizes every example plan without illegal tokens', () => {
        const dir = path.join(root, 'examples');
        const files: string[] = [];
        const walk = (d: string): void => {
            for (const e of fs.readdirSync(d, { withFileTypes: true })) {
                const p = path.join(d, e.name);
                if (e.isDirectory()) walk(p);
                else if (e.name.endsWith('.acct')) files.push(p);
            }
        };
        walk(dir);
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
            const tokens = tokenize(fs.readFileSync(file, 'utf8'));
            const illegal = tokens.filter(t => t.scopes.some(s => s.startsWith('invalid')));
            expect(illegal, file).toEqual([]);
            // every non-blank token outside strings and comments has some scope beyond the root
            const bare = tokens.filter(t => t.text.trim() !== '' && t.scopes.length === 1);
            expect(
                bare.map(t => `${t.line}:${t.text}`),
                file,
            ).toEqual([]);
        }
    });

    it('colours the syntax of contract 1.1: codes, bones, horizons, severities and the new properties', () => {
        const tokens = tokenize(`customer acme "Acme" {
    waive stale-contact "on leave" until 2026-12-31
    contact dana "Dana" {
        competitor-support rival 3
        influences li
    }
    opportunity x "X" {
        horizon mid space 4 growth 3 profit 2 competition 5
        decision-chain { dana group final li group commercial }
    }
}
policy {
    severity reports-to-cycle off
}
`);
        expect(scopesOf(tokens, 'stale-contact')).toContain('constant.other.code.acct');
        expect(scopesOf(tokens, 'reports-to-cycle')).toContain('constant.other.code.acct');
        expect(scopesOf(tokens, 'off')).toContain('constant.language.severity.acct');
        expect(scopesOf(tokens, 'final')).toContain('constant.language.group.acct');
        expect(scopesOf(tokens, 'commercial', 'group commercial')).toContain('constant.language.group.acct');
        expect(scopesOf(tokens, 'mid')).toContain('constant.language.horizon.acct');
        for (const keyword of [
            'waive',
            'until',
            'competitor-support',
            'influences',
            'horizon',
            'space',
            'growth',
            'profit',
            'competition',
            'group',
            'severity',
        ]) {
            expect(hasScope(scopesOf(tokens, keyword), 'keyword'), keyword).toBe(true);
        }
        expect(scopesOf(tokens, 'rival')).toContain('variable.other.reference.acct');
    });

    it('colours the syntax of contract 1.2: the new properties and blocks, S/A/B/C after class, 万 and 亿', () => {
        const tokens = tokenize(`customer acme "Acme" {
    class A
    contact dana "Dana" { kpi "uptime" pain "OPEX" }
    opportunity x "X" {
        amount 1.2亿 CNY budget 3000万
        intent "RFQ" solution "edge"
        value-proposition { strengths "a" unique-value "b" fit "c" difference "d" }
    }
    activity v "V" { objective "pilot" }
}
`);
        for (const keyword of ['class', 'kpi', 'pain', 'intent', 'solution', 'strengths', 'unique-value', 'fit', 'difference', 'objective']) {
            expect(hasScope(scopesOf(tokens, keyword), 'keyword'), keyword).toBe(true);
        }
        expect(hasScope(scopesOf(tokens, 'value-proposition'), 'keyword.control.block')).toBe(true);
        expect(scopesOf(tokens, 'A', 'class A')).toContain('constant.language.class.acct');
        expect(hasScope(scopesOf(tokens, '亿'), 'keyword.other.unit')).toBe(true);
        expect(hasScope(scopesOf(tokens, '万'), 'keyword.other.unit')).toBe(true);
        expect(scopesOf(tokens, '1.2', 'amount')).toContain('constant.numeric.money.acct');
    });
});
