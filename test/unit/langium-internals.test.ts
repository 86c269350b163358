/**
 * The one surface over Langium's and Chevrotain's internals (server/src/language/langium-internals.ts):
 * every member it declares exists on the real objects of the installed versions, a missing one
 * stops acct at start-up with its name, the inventory and docs/langium-internals.md agree, the
 * copy of Chevrotain's tryInRepetitionRecovery is compared again when upstream changes it, and a
 * parse leaves no global state behind.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmbeddedActionsParser, isRecognitionException, Lexer } from 'chevrotain';
import {
    CompositeCstNodeImpl,
    createLangiumParser,
    CstNodeBuilder,
    EmptyFileSystem,
    EmptyFileSystemProvider,
    LangiumParser,
    LeafCstNodeImpl,
    RootCstNodeImpl,
} from 'langium';
import type { TokenType } from 'chevrotain';
import { createAcctServices } from '../../server/src/acct-module.js';
import {
    checkLangiumInternals,
    INTERNAL_MEMBERS,
    LangiumInternalsError,
    lexerInternals,
    parserInternals,
    replaceMethod,
} from '../../server/src/language/langium-internals.js';

const services = createAcctServices(EmptyFileSystem);
const acct = services.Acct;

/** The live object that holds each owner's members. */
function ownerObjects(): Record<string, object> {
    const internals = parserInternals(createLangiumParser(acct));
    return {
        'chevrotain Parser': internals.wrapper,
        'chevrotain Lexer': (acct.parser.Lexer as unknown as { chevrotainLexer: object }).chevrotainLexer,
        LangiumParser: internals,
        CstNodeBuilder: internals.nodeBuilder,
        LeafCstNodeImpl: new LeafCstNodeImpl(0, 1, 0, 0, 0, 1, { name: 'X' } as TokenType, true),
        CompositeCstNodeImpl: new CompositeCstNodeImpl(),
        AbstractCstNode: new CompositeCstNodeImpl(),
        EmptyFileSystemProvider: new EmptyFileSystemProvider(),
        RootCstNodeImpl: new RootCstNodeImpl('x'),
        DefaultLexer: acct.parser.Lexer,
        DefaultIndexManager: services.shared.workspace.IndexManager,
        DefaultLangiumDocumentFactory: services.shared.workspace.LangiumDocumentFactory,
    };
}

describe('the internals surface', () => {
    it('finds every member it declares on the objects of the installed Langium and Chevrotain', () => {
        const owners = ownerObjects();
        // lexerResult and rootNode exist only while a text is parsed: checked by the first parse (checkParsing)
        const duringParse = new Set(['LangiumParser.lexerResult', 'CstNodeBuilder.rootNode']);
        const missing = INTERNAL_MEMBERS.filter(({ owner, member }) => !duringParse.has(`${owner}.${member}`))
            .filter(({ owner, member }) => !(owner in owners) || !(member in owners[owner]!))
            .map(({ owner, member }) => `${owner}.${member}`);
        expect(missing).toEqual([]);
        // and the parser's start-up check passes on a fresh parser, which then parses
        expect(() => checkLangiumInternals(createLangiumParser(acct))).not.toThrow();
        expect(acct.parser.LangiumParser.parse('member m "M"\n').parserErrors).toEqual([]);
    });

    it('stops at start-up with the name of a member that is gone', () => {
        const parser = createLangiumParser(acct);
        const internals = parser as unknown as { wrapper: Record<string, unknown>; nodeBuilder: Record<string, unknown> };
        internals.wrapper.tryInRepetitionRecovery = undefined;
        expect(() => parserInternals(parser)).toThrow(LangiumInternalsError);
        expect(() => parserInternals(parser)).toThrow(/chevrotain Parser\.tryInRepetitionRecovery is not a function/);
        const other = createLangiumParser(acct) as unknown as { nodeBuilder: unknown };
        other.nodeBuilder = undefined;
        expect(() => parserInternals(other as never)).toThrow(/LangiumParser\.nodeBuilder is not a object/);
        const third = createLangiumParser(acct) as unknown as { wrapper: Record<string, unknown> };
        third.wrapper.RULE_STACK = undefined;
        expect(() => parserInternals(third as never)).toThrow(/chevrotain Parser\.RULE_STACK is not a array/);
        const object = { run: 1 };
        expect(() => replaceMethod(object, 'Thing', 'run' as never, original => original)).toThrow(/Thing\.run is not a function/);
    });

    it("stops at start-up when Chevrotain's lexer makes its tokens otherwise (acct-lexer.ts LazyToken)", () => {
        const types = Object.values(acct.parser.Lexer.definition);
        const lexer = () => new Lexer(types, { positionTracking: 'onlyOffset', skipValidations: true });
        expect(() => lexerInternals(lexer())).not.toThrow();
        const gone = lexer() as unknown as Record<string, unknown>;
        gone.createTokenInstance = undefined;
        expect(() => lexerInternals(gone as never)).toThrow(/chevrotain Lexer\.createTokenInstance is not a function/);
        // the arguments in another order: the tokens would be wrong, so acct stops
        const reordered = lexer() as unknown as Record<string, unknown>;
        reordered.createTokenInstance = (startOffset: number, image: string, tokenTypeIdx: number, tokenType: unknown) => ({
            image,
            startOffset,
            tokenTypeIdx,
            tokenType,
        });
        expect(() => lexerInternals(reordered as never)).toThrow(LangiumInternalsError);
        // and acct's lexer gives Chevrotain's tokens their positions when asked
        const [token] = acct.parser.Lexer.tokenize('\n  member').tokens;
        expect([token!.image, token!.startOffset, token!.endOffset, token!.startLine, token!.startColumn, token!.endLine, token!.endColumn]).toEqual([
            'member',
            3,
            8,
            2,
            3,
            2,
            8,
        ]);
    });

    it('changes the parser and its CST builder through subclasses: no public method of either is replaced on the live object', () => {
        const parser = acct.parser.LangiumParser;
        const ownMethods = (object: object) => Object.keys(object).filter(key => typeof (object as Record<string, unknown>)[key] === 'function');
        const builder = parserInternals(parser).nodeBuilder;
        expect(builder).toBeInstanceOf(CstNodeBuilder);
        expect(builder.constructor.name).toBe('AcctCstNodeBuilder');
        expect(ownMethods(builder)).toEqual([]);
        // the three private methods of the inventory, and nothing else of the parser's methods
        const patched = ownMethods(parser).filter(key => key in LangiumParser.prototype);
        expect(patched.sort()).toEqual(['doParse', 'extractHiddenTokens', 'startImplementation']);
    });

    it('is listed member by member in docs/langium-internals.md, and counted there', () => {
        const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'langium-internals.md'), 'utf8');
        const rows = new Set([...doc.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map(m => `${m[1]}.${m[2]}`));
        const listed = new Set(INTERNAL_MEMBERS.map(m => `${m.owner}.${m.member}`));
        expect([...listed].filter(m => !rows.has(m))).toEqual([]);
        expect([...rows].filter(m => !listed.has(m))).toEqual([]);
        const count = (which: (m: (typeof INTERNAL_MEMBERS)[number]) => boolean) =>
            new Set(INTERNAL_MEMBERS.filter(which).map(m => `${m.owner}.${m.member}`)).size;
        const chevrotain = (m: (typeof INTERNAL_MEMBERS)[number]) => m.owner.startsWith('chevrotain');
        expect(doc).toContain(`**${count(m => !chevrotain(m) && m.declared !== 'public')} private or protected Langium members**`);
        expect(doc).toContain(`**${count(m => chevrotain(m) && m.declared !== 'public')} undeclared or protected Chevrotain members**`);
        expect(doc).toContain(`**${count(m => m.use === 'replace')} methods replaced on live objects**`);
    });

    it('notices when Chevrotain changes the recovery that block-recovery.ts copies', () => {
        const upstream = (EmbeddedActionsParser.prototype as unknown as { tryInRepetitionRecovery: () => void }).tryInRepetitionRecovery.toString();
        const fingerprint = createHash('sha256').update(upstream.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
        // chevrotain 13.2.0: compare block-recovery.ts with the new upstream, then update this fingerprint
        expect(fingerprint).toBe(UPSTREAM_RECOVERY);
    });

    it('notices when Chevrotain changes the consume that recovery-speedups.ts copies (recovery without a throw)', () => {
        const upstream = (EmbeddedActionsParser.prototype as unknown as { consumeInternal: () => void }).consumeInternal.toString();
        const fingerprint = createHash('sha256').update(upstream.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
        // chevrotain 13.2.0: compare recoverWithoutThrowing with the new upstream, then update this fingerprint
        expect(fingerprint).toBe(UPSTREAM_CONSUME);
    });

    it('notices when Chevrotain changes the rule catch that recovery-speedups.ts does without a throw (a rule that is one choice)', () => {
        const upstream = (EmbeddedActionsParser.prototype as unknown as { invokeRuleCatch: () => void }).invokeRuleCatch.toString();
        const fingerprint = createHash('sha256').update(upstream.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
        // chevrotain 13.2.0: compare recoveredInRule with the new upstream, then update this fingerprint
        expect(fingerprint).toBe(UPSTREAM_RULE_CATCH);
    });

    it('notices when Chevrotain changes the SAVE_ERROR that recovery-speedups.ts copies (contexts shared per place)', () => {
        const upstream = (EmbeddedActionsParser.prototype as unknown as { SAVE_ERROR: () => void }).SAVE_ERROR.toString();
        const fingerprint = createHash('sha256').update(upstream.replace(/\s+/g, ' ')).digest('hex').slice(0, 16);
        // chevrotain 13.2.0: compare shareErrorContexts with the new upstream, then update this fingerprint
        expect(fingerprint).toBe(UPSTREAM_SAVE_ERROR);
        // errors at the same place of the grammar share one frozen context (parser-equivalence.test.ts: the same as Chevrotain's)
        const errors = acct.parser.LangiumParser.parse('customer a "a" {\n'.repeat(3)).parserErrors;
        expect(errors).toHaveLength(3);
        expect(errors[0]!.context).toBe(errors[1]!.context);
        expect(Object.isFrozen(errors[0]!.context)).toBe(true);
        expect(errors[0]!.context.ruleOccurrenceStack).toEqual([...errors[2]!.context.ruleOccurrenceStack]);
    });

    it('parses broken text without leaving Error.stackTraceLimit or Error.captureStackTrace changed', () => {
        const before = Error.stackTraceLimit;
        const capture = Error.captureStackTrace;
        const result = acct.parser.LangiumParser.parse('member m "M" }\n'.repeat(200));
        expect(result.parserErrors.length).toBeGreaterThan(0);
        // the exceptions made without Error's constructor are Chevrotain's, named as Chevrotain names them
        const errors = acct.parser.LangiumParser.parse('customer c "C" {\n    contact a "A" { role user }\n').parserErrors;
        expect(errors.map(e => [e.name, e.message, e.token.image])).toEqual([
            [
                'NoViableAltException',
                'After `role`, expected a role (approver, decision-maker, sponsor, evaluator, influencer or coach), but found `user`.',
                'user',
            ],
            [
                'MismatchedTokenException',
                'In a customer, expected industry, standing, cooperation, tier, reviewed, owner, organization, class, contact, opportunity, activity, waive or `}`, but found the end of the file.',
                '',
            ],
        ]);
        expect(errors.every(e => isRecognitionException(e as Error))).toBe(true);
        expect(Error.stackTraceLimit).toBe(before);
        expect(Error.captureStackTrace).toBe(capture);
        const captured: { stack?: string } = {};
        Error.captureStackTrace(captured);
        expect(captured.stack).toMatch(/\n\s+at /);
        // an error after the parse has its stack
        expect(new Error('after').stack).toMatch(/\n\s+at /);
    });
});

const UPSTREAM_RECOVERY = 'd53d0fc440c4cb50';
const UPSTREAM_CONSUME = 'e0f96779de8e5ab0';
const UPSTREAM_SAVE_ERROR = 'b772304eda5a7d67';
const UPSTREAM_RULE_CATCH = 'ab5302687c234be2';
