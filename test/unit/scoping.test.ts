/**
 * Scoping across files (contract section 2): members and competitors are global, contacts are
 * local to their customer; go to definition and find references work across files.
 */
import { describe, it, expect } from 'vitest';
import type { Location, LocationLink } from 'vscode-languageserver-types';
import type { Customer, Workspace } from '../../server/src/language/generated/ast.js';
import { buildWorkspace, contractFiles, positionOf, rangeAfter, rangeOf, summary, uriOf, type TestWorkspace } from './helpers.js';

function customers(w: TestWorkspace, file: string): Customer[] {
    return (w.docs[file].parseResult.value as Workspace).declarations.filter((d): d is Customer => d.$type === 'Customer');
}

async function definition(w: TestWorkspace, file: string, text: string, needle: string, occurrence = 0): Promise<LocationLink[]> {
    const position = positionOf(text, needle, occurrence);
    position.character += 1; // inside the name, not at its edge
    return (await w.Acct.lsp.DefinitionProvider!.getDefinition(w.docs[file], { textDocument: { uri: uriOf(file) }, position })) ?? [];
}

async function references(w: TestWorkspace, file: string, text: string, needle: string, includeDeclaration: boolean): Promise<Location[]> {
    const position = positionOf(text, needle);
    position.character += 1;
    return w.Acct.lsp.ReferencesProvider!.findReferences(w.docs[file], { textDocument: { uri: uriOf(file) }, position, context: { includeDeclaration } });
}

describe('linking', () => {
    it('members and competitors declared in another file resolve to their declarations', async () => {
        const w = await buildWorkspace(contractFiles());
        expect(summary(w.withCode('unresolved-reference'))).toBe('');
        const cmgd = customers(w, 'cmgd.acct')[0];
        const team = w.docs['team.acct'].parseResult.value as Workspace;
        expect(cmgd.owner?.ref).toBe(team.declarations[0]);
        const core5g = cmgd.opportunities[0];
        expect(core5g.team?.sr?.ref?.$type).toBe('Member');
        expect(core5g.team?.sr?.ref?.name).toBe('bob');
        expect(core5g.competitors.map(c => c.ref)).toEqual([team.declarations[3], team.declarations[4]]);
    });

    it('the same contact id in two customers of one file: each reference resolves within its own customer', async () => {
        const text = `customer a "A" {
    contact boss "Boss of A" { }
    contact eng "Eng of A" { reports-to boss }
}
customer b "B" {
    contact boss "Boss of B" { }
    contact eng "Eng of B" { reports-to boss }
    opportunity o "O" { stage lead decision-chain { boss } }
    activity v "V" { with boss, eng }
}
`;
        const w = await buildWorkspace({ 'plan.acct': text });
        expect(w.findings()).toEqual([]);
        const [a, b] = customers(w, 'plan.acct');
        expect(a.contacts[1].reportsTo?.ref).toBe(a.contacts[0]);
        expect(b.contacts[1].reportsTo?.ref).toBe(b.contacts[0]);
        expect(b.opportunities[0].decisionChain?.entries[0].contact.ref).toBe(b.contacts[0]);
        expect(b.activities[0].with.map(r => r.ref)).toEqual([b.contacts[0], b.contacts[1]]);
    });

    it('contacts do not leak across customers, in one file or across files', async () => {
        const text = `customer a "A" {
    contact onlyA "Only in A" { }
}
customer b "B" {
    contact x "X" { reports-to onlyA }
    opportunity o "O" { stage lead decision-chain { onlyA onlyC } }
}
`;
        const w = await buildWorkspace({ 'plan.acct': text, 'c.acct': 'customer c "C" { contact onlyC "Only in C" { } }\n' });
        const found = w.withCode('unresolved-reference', 'plan.acct');
        expect(found.map(f => f.range)).toEqual([rangeOf(text, 'onlyA', 1), rangeOf(text, 'onlyA', 2), rangeOf(text, 'onlyC')]);
        const b = customers(w, 'plan.acct')[1];
        expect(b.contacts[0].reportsTo?.ref).toBeUndefined();
    });

    it('a member does not resolve where a contact is expected, nor a contact where a member is', async () => {
        const text = 'member alice "Alice"\ncustomer a "A" {\n    contact zhang "Zhang" { reports-to alice owner zhang }\n}\n';
        const w = await buildWorkspace({ 'plan.acct': text });
        const found = w.withCode('unresolved-reference');
        expect(found.map(f => f.range)).toEqual([rangeAfter(text, 'reports-to ', 'alice'), rangeAfter(text, 'owner ', 'zhang')]);
        expect(found[0].message).toMatch(/contact/);
        expect(found[1].message).toMatch(/member/);
    });
});

describe('go to definition', () => {
    it('from an owner to the member declared in another file', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const links = await definition(w, 'cmgd.acct', files['cmgd.acct'], 'alice');
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(uriOf('team.acct'));
        expect(links[0].targetSelectionRange).toEqual(rangeOf(files['team.acct'], 'alice'));
    });

    it('from a team role and a competitor to the declarations in another file', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const sr = await definition(w, 'cmgd.acct', files['cmgd.acct'], 'bob');
        expect(sr[0].targetUri).toBe(uriOf('team.acct'));
        expect(sr[0].targetSelectionRange).toEqual(rangeOf(files['team.acct'], 'bob'));
        const competitor = await definition(w, 'cmgd.acct', files['cmgd.acct'], 'nokia');
        expect(competitor[0].targetSelectionRange).toEqual(rangeOf(files['team.acct'], 'nokia'));
    });

    it('from a reports-to to the contact of the same customer', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const text = files['cmgd.acct'];
        const links = await definition(w, 'cmgd.acct', text, 'reports-to zhao');
        // The cursor is in `reports-to`: a keyword has no definition; move to the id.
        expect(links).toEqual([]);
        const position = rangeAfter(text, 'reports-to zhao', 'zhao').start;
        const onId = await w.Acct.lsp.DefinitionProvider!.getDefinition(w.docs['cmgd.acct'], { textDocument: { uri: uriOf('cmgd.acct') }, position });
        expect(onId?.[0].targetUri).toBe(uriOf('cmgd.acct'));
        expect(onId?.[0].targetSelectionRange).toEqual(rangeAfter(text, 'contact zhao', 'zhao'));
    });

    it('from a decision-chain entry to the contact it names', async () => {
        const files = contractFiles();
        const w = await buildWorkspace(files);
        const text = files['cmgd.acct'];
        const position = rangeAfter(text, 'decision-chain', 'wang').start;
        const links = await w.Acct.lsp.DefinitionProvider!.getDefinition(w.docs['cmgd.acct'], { textDocument: { uri: uriOf('cmgd.acct') }, position });
        expect(links?.[0].targetSelectionRange).toEqual(rangeAfter(text, 'contact wang', 'wang'));
    });
});

describe('find references', () => {
    it('of a member: every use across files', async () => {
        const files: Record<string, string> = {
            ...contractFiles(),
            'other.acct': 'customer other "Other" {\n    owner alice\n    opportunity x "X" { team { ar alice sr alice } }\n}\n',
        };
        const w = await buildWorkspace(files);
        const found = await references(w, 'team.acct', files['team.acct'], 'alice', false);
        const byFile = (file: string) =>
            found
                .filter(l => l.uri === uriOf(file))
                .map(l => l.range.start.line)
                .sort((a, b) => a - b);
        const cmgdLines = files['cmgd.acct'].split('\n').flatMap((line, i) => (/\b(owner|ar) alice\b/.test(line) ? [i] : []));
        expect(cmgdLines).toHaveLength(5); // customer, wang, core5g team, oss team, hqvisit
        expect(byFile('cmgd.acct')).toEqual(cmgdLines);
        expect(byFile('other.acct')).toEqual([1, 2, 2]);
        expect(found.filter(l => l.uri === uriOf('team.acct'))).toEqual([]);
        const withDeclaration = await references(w, 'team.acct', files['team.acct'], 'alice', true);
        expect(withDeclaration).toHaveLength(found.length + 1);
        expect(withDeclaration.some(l => l.uri === uriOf('team.acct'))).toBe(true);
    });

    it('from a use, the references of a contact stay within its customer', async () => {
        const text = `customer a "A" {
    contact boss "Boss" { }
    contact eng "Eng" { reports-to boss }
}
customer b "B" {
    contact boss "Boss B" { }
    contact eng "Eng B" { reports-to boss }
}
`;
        const w = await buildWorkspace({ 'plan.acct': text });
        const position = rangeAfter(text, 'reports-to boss', 'boss').start;
        const found = await w.Acct.lsp.ReferencesProvider!.findReferences(w.docs['plan.acct'], {
            textDocument: { uri: uriOf('plan.acct') },
            position,
            context: { includeDeclaration: true },
        });
        expect(found.map(l => l.range.start.line).sort()).toEqual([1, 2]);
    });
});
