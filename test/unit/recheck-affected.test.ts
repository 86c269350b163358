/**
 * An edit re-checks only the files it affects (the language server's update path): an edit of
 * team.acct that changes no symbol and no workspace fact (a comment, a member's display name)
 * re-checks no other file, and references to the edited member stay valid; an edit that changes
 * one (a member added or removed, a competitor's name, the policy, a duplicate id's place)
 * re-checks the files concerned, with the findings a full build gives.
 */
import { describe, expect, it, vi } from 'vitest';
import * as fc from 'fast-check';
import { AstUtils, DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createAcctServices } from '../../server/src/acct-module.js';
import type { Customer, Workspace } from '../../server/src/language/generated/ast.js';
import { referencesOf } from '../../server/src/language/ast/ast-walk.js';
import { TODAY, uriOf } from './helpers.js';

const TEAM = `// The people on our side.
member alice "Alice Chen"
member bob   "Bob Li"
competitor zte "ZTE"

policy {
    stale-contact-days 90
}
`;

const customer = (id: string, owner = 'alice') => `customer ${id} "${id.toUpperCase()}" {
    owner ${owner}
    contact li "Li" { role decision-maker support 0 competitor-support zte 2 last-contact 2026-11-01 owner bob }
    opportunity deal "Deal" {
        stage bid
        amount 1M CNY
        budget 1M CNY
        start 2027-01-01
        team { ar alice sr bob fr alice }
        decision-chain { li }
        competitors zte
    }
}
`;

async function workspace(files: Record<string, string>) {
    const { shared, Acct } = createAcctServices(EmptyFileSystem);
    Acct.workspace.AcctSettings.todayOverride = TODAY;
    const documents = Object.entries(files).map(([name, text]) => shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.parse(uriOf(name))));
    documents.forEach(doc => shared.workspace.LangiumDocuments.addDocument(doc));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const texts = { ...files };
    let version = 1;
    /** Edits `name` as the editor does; returns the files validated again. */
    const edit = async (name: string, change: (text: string) => string): Promise<string[]> => {
        texts[name] = change(texts[name]!);
        const checked: string[] = [];
        const listening = shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            checked.push(doc.uri.path.slice(4));
        });
        shared.workspace.TextDocuments!.set(TextDocument.create(uriOf(name), 'acct', ++version, texts[name]!));
        await shared.workspace.DocumentBuilder.update([URI.parse(uriOf(name))], []);
        listening.dispose();
        return checked.sort();
    };
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf(name))) as LangiumDocument<Workspace>;
    /** What `read` gives of every file, and the same of a full build of the same texts. */
    const againstFullBuild = async <T>(read: (doc: LangiumDocument) => T) => {
        const fresh = createAcctServices(EmptyFileSystem);
        fresh.Acct.workspace.AcctSettings.todayOverride = TODAY;
        const again = Object.entries(texts).map(([name, text]) =>
            fresh.shared.workspace.LangiumDocumentFactory.fromString<Workspace>(text, URI.parse(uriOf(name))),
        );
        again.forEach(doc => fresh.shared.workspace.LangiumDocuments.addDocument(doc));
        await fresh.shared.workspace.DocumentBuilder.build(again, { validation: true });
        return { now: Object.keys(texts).map(name => read(document(name))), full: again.map(read) };
    };
    /** Every file's findings, and the same from a full build of the same texts. */
    const compare = () => againstFullBuild(doc => (doc.diagnostics ?? []).map(d => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`));
    /** Where each reference of every file resolves (file and line of its target), and the same from a full build. */
    const targets = () =>
        againstFullBuild(doc =>
            referencesOf(doc.parseResult.value).map(({ reference }) => {
                const target = reference.ref;
                return `${reference.$refText} ${target ? `${AstUtils.getDocument(target).uri.path}:${target.$cstNode?.range.start.line}` : 'unresolved'}`;
            }),
        );
    return { edit, document, compare, targets, validator: Acct.validation.DocumentValidator, linker: Acct.references.Linker };
}

const files = { 'team.acct': TEAM, 'a.acct': customer('a'), 'b.acct': customer('b', 'bob') };

describe('an edit re-checks only what it affects', () => {
    it('a comment-only edit of team.acct re-checks nothing else', async () => {
        const w = await workspace(files);
        expect(await w.edit('team.acct', t => t.replace('// The people', '// All the people'))).toEqual(['team.acct']);
        expect(await w.edit('team.acct', t => t.replace('member bob', '// a note\nmember bob'))).toEqual(['team.acct']);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
    });

    it("a member's new display name re-checks nothing else, and references to the member lead to it", async () => {
        const w = await workspace(files);
        expect(await w.edit('team.acct', t => t.replace('"Alice Chen"', '"Alice Chen-Wang"'))).toEqual(['team.acct']);
        const owner = (w.document('a.acct').parseResult.value.declarations[0] as Customer).owner?.ref;
        expect(owner?.displayName).toBe('Alice Chen-Wang');
        expect(w.document('team.acct').parseResult.value.declarations).toContain(owner);
    });

    it('an edit inside a customer re-checks only its file', async () => {
        const w = await workspace(files);
        expect(await w.edit('a.acct', t => t.replace('support 0', 'support 1'))).toEqual(['a.acct']);
    });

    it('removing a member re-links the files that refer to it; adding it back resolves them again', async () => {
        const w = await workspace(files);
        expect(await w.edit('team.acct', t => t.replace('member bob   "Bob Li"\n', ''))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        expect(w.document('b.acct').diagnostics?.some(d => d.code === 'unresolved-reference')).toBe(true);
        expect(await w.edit('team.acct', t => t.replace('member alice', 'member bob "Bob Li"\nmember alice'))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
        expect(now.flat().some(f => f.startsWith('unresolved-reference'))).toBe(false);
    });

    it("renaming a member's id re-links the files that refer to it and keeps their checks' findings, with the findings a full build gives", async () => {
        const w = await workspace(files);
        const checks = vi.spyOn(w.validator as unknown as { validateAst: (...args: unknown[]) => unknown }, 'validateAst');
        expect(await w.edit('team.acct', t => t.replace('member bob ', 'member robert '))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        // the checks ran again for team.acct alone: a.acct and b.acct kept theirs, and made their linking findings again
        expect(checks).toHaveBeenCalledTimes(1);
        expect(w.document('b.acct').diagnostics?.filter(d => d.code === 'unresolved-reference').length).toBeGreaterThan(0);
        let { now, full } = await w.compare();
        expect(now).toEqual(full);
        expect(await w.edit('team.acct', t => t.replace('member robert ', 'member bob '))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        ({ now, full } = await w.compare());
        expect(now).toEqual(full);
        expect(now.flat().some(f => f.startsWith('unresolved-reference'))).toBe(false);
        // a competitor's id renamed: a check reads which competitor a reference resolves to, so the checks run again
        checks.mockClear();
        expect(await w.edit('team.acct', t => t.replace('competitor zte ', 'competitor zte2 '))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        expect(checks).toHaveBeenCalledTimes(3);
        ({ now, full } = await w.compare());
        expect(now).toEqual(full);
    });

    it("any sequence of edits of members' ids, the policy, competitors and customers gives the findings of a full build", async () => {
        const edits: Array<[string, (t: string) => string]> = [
            ['team.acct', t => t.replace(/member (alice|alicia) /, (_m, id: string) => `member ${id === 'alice' ? 'alicia' : 'alice'} `)],
            ['team.acct', t => t.replace(/member (bob|b) /, (_m, id: string) => `member ${id === 'bob' ? 'b' : 'bob'} `)],
            // a member named as a customer (a duplicate id elsewhere), and back
            ['team.acct', t => (t.includes('member a "') ? t.replace('member a "A"\n', '') : `${t}member a "A"\n`)],
            ['team.acct', t => t.replace(/stale-contact-days \d+/, m => (m.endsWith('90') ? 'stale-contact-days 10' : 'stale-contact-days 90'))],
            ['team.acct', t => t.replace(/competitor (zte|zte2) /, (_m, id: string) => `competitor ${id === 'zte' ? 'zte2' : 'zte'} `)],
            ['team.acct', t => t.replace(/"ZTE( Corp)?"/, m => (m === '"ZTE"' ? '"ZTE Corp"' : '"ZTE"'))],
            ['a.acct', t => t.replace(/owner (alice|bob)\n/, (_m, id: string) => `owner ${id === 'alice' ? 'bob' : 'alice'}\n`)],
            ['b.acct', t => t.replace(/support (0|1) /, (_m, v: string) => `support ${v === '0' ? '1' : '0'} `)],
            ['b.acct', t => t.replace(/ar (alice|alicia) /, (_m, id: string) => `ar ${id === 'alice' ? 'alicia' : 'alice'} `)],
        ];
        await fc.assert(
            fc.asyncProperty(fc.array(fc.integer({ min: 0, max: edits.length - 1 }), { minLength: 2, maxLength: 7 }), async picks => {
                const w = await workspace(files);
                for (const pick of picks) {
                    const [name, change] = edits[pick]!;
                    await w.edit(name, change);
                    const { now, full } = await w.compare();
                    expect(now).toEqual(full);
                    // a file linked again in part (acct-linker.ts relinkOnly) resolves each reference where a full build does
                    const resolved = await w.targets();
                    expect(resolved.now).toEqual(resolved.full);
                }
            }),
            { numRuns: 12 },
        );
    });

    it("a member's id renamed links again, in the files that refer to it, only the references that name it", async () => {
        const w = await workspace(files);
        const linked = vi.spyOn(w.linker as unknown as { doLink: (...args: unknown[]) => unknown }, 'doLink');
        const named = (name: string) => linked.mock.calls.filter(([info]) => (info as { reference: { $refText: string } }).reference.$refText === name).length;
        expect(await w.edit('team.acct', t => t.replace('member bob ', 'member robert '))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        // bob is named twice in a.acct (a contact's owner, the team's sr) and three times in b.acct (its owner too); alice and zte are named too
        expect(named('bob')).toBe(5);
        expect(linked.mock.calls.length).toBe(5);
        expect(w.document('b.acct').diagnostics?.filter(d => d.code === 'unresolved-reference').length).toBe(3);
        let resolved = await w.targets();
        expect(resolved.now).toEqual(resolved.full);
        linked.mockClear();
        expect(await w.edit('team.acct', t => t.replace('member robert ', 'member bob '))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        expect(linked.mock.calls.length).toBe(5);
        resolved = await w.targets();
        expect(resolved.now).toEqual(resolved.full);
        // an edit of a file that was linked in part links it in full, as before
        linked.mockClear();
        expect(await w.edit('a.acct', t => t.replace('owner alice\n', 'owner bob\n'))).toEqual(['a.acct']);
        resolved = await w.targets();
        expect(resolved.now).toEqual(resolved.full);
    });

    it("a competitor's new name re-checks the files whose findings quote it", async () => {
        const w = await workspace(files);
        expect(w.document('a.acct').diagnostics?.find(d => d.code === 'competitor-ahead')?.message).toContain('supports ZTE');
        expect(await w.edit('team.acct', t => t.replace('"ZTE"', '"ZTE Corporation"'))).toEqual(['a.acct', 'b.acct', 'team.acct']);
        expect(w.document('a.acct').diagnostics?.find(d => d.code === 'competitor-ahead')?.message).toContain('supports ZTE Corporation');
    });

    it('a threshold of the policy re-checks every file; the policy moving re-checks the files quoting its place', async () => {
        const w = await workspace({ ...files, 'c.acct': 'policy { stale-contact-days 30 }\n' });
        expect(await w.edit('team.acct', t => t.replace('stale-contact-days 90', 'stale-contact-days 10'))).toEqual([
            'a.acct',
            'b.acct',
            'c.acct',
            'team.acct',
        ]);
        expect(await w.edit('team.acct', t => t.replace('policy {', '\n\npolicy {'))).toEqual(['c.acct', 'team.acct']);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
    });

    it('a duplicate id moving re-checks the file whose finding quotes its place', async () => {
        const w = await workspace({ ...files, 'dup.acct': 'member alice "Another Alice"\n' });
        expect(await w.edit('team.acct', t => `\n\n${t}`)).toEqual(['dup.acct', 'team.acct']);
        const { now, full } = await w.compare();
        expect(now).toEqual(full);
    });
});
