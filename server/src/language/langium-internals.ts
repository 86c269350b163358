/**
 * Every member of Langium and Chevrotain that acct reads, writes or replaces although the
 * libraries do not offer it (private or protected in Langium's types, or not declared at all in
 * Chevrotain's), declared under internals/ and reached through this module only. Each patch takes
 * the members it needs from the accessors below, which check them when the services are built
 * (`checkLangiumInternals`, called by createAcctParser): a Langium or Chevrotain that renamed or
 * dropped one stops acct at start-up with the member's name, instead of parsing differently.
 * docs/langium-internals.md says, per patch, what it assumes, what it gains and which test proves
 * it equivalent.
 *
 * - internals/inventory.ts: the list of members and uses (INTERNAL_MEMBERS)
 * - internals/member-checks.ts: the error, the check of one member, `replaceMethod`
 * - internals/parser-internals.ts: Chevrotain's recognizer, Langium's parser
 * - internals/lexer-internals.ts: Chevrotain's lexer (its token factory)
 * - internals/cst-internals.ts: Langium's CST nodes
 *
 * Bumping Langium or Chevrotain: run test/unit/langium-internals.test.ts first, then the
 * equivalence tests the document lists.
 */
import type { IndexManager, LangiumDocument, LangiumParser, URI } from 'langium';
import { checkCstNodes } from './internals/cst-internals.js';
import { expectMember } from './internals/member-checks.js';
import { parserInternals, type ParserInternals } from './internals/parser-internals.js';

export { INTERNAL_MEMBERS, type InternalMember } from './internals/inventory.js';
export { expectMember, LangiumInternalsError, replaceMethod } from './internals/member-checks.js';
export { lexerInternals, type LexerInternals, type TokenFactory } from './internals/lexer-internals.js';
export { checkParsing, parserInternals, type ParserInternals, type RecognizerInternals } from './internals/parser-internals.js';
export {
    compositeInternals,
    mutableComposite,
    mutableNode,
    rootInternals,
    type CompositeInternals,
    type MutableCompositeCstNode,
    type MutableCstNode,
    type RootInternals,
} from './internals/cst-internals.js';

// --- Index ------------------------------------------------------------------------------------

export interface IndexManagerInternals {
    isAffected(document: LangiumDocument, changedUris: Set<string>): boolean;
    referenceIndex: Map<string, Array<{ targetUri: URI }>>;
}

export function indexManagerInternals(index: IndexManager): IndexManagerInternals {
    expectMember(index, 'DefaultIndexManager', 'referenceIndex', 'object');
    expectMember(index, 'DefaultIndexManager', 'isAffected', 'function');
    return index as unknown as IndexManagerInternals;
}

// --- At start-up -------------------------------------------------------------------------------

let cstChecked = false;

/**
 * Checks every member the patches rely on, on the parser about to be patched and on nodes of
 * Langium's CST classes (the fields acct writes included). Throws a LangiumInternalsError.
 */
export function checkLangiumInternals(parser: LangiumParser): ParserInternals {
    const internals = parserInternals(parser);
    if (!cstChecked) {
        checkCstNodes();
        cstChecked = true;
    }
    return internals;
}
