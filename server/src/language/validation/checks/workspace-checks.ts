/** Checks across files: global ids and the single `policy` of a workspace. */
import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type { Workspace } from '../../generated/ast.js';
import { IssueCodes } from '../../../method/index.js';
import type { AcctSettings } from '../../workspace/acct-settings.js';
import type { WorkspaceFacts } from '../../workspace/workspace-facts.js';
import type { FilePlaces } from '../../workspace/file-places.js';
import { kindOf } from './ids-and-ranges.js';
import { report } from './report.js';

/** How many other declarations a duplicate-id message names: enough to find them, bounded for thousands. */
const NAMED_DUPLICATES = 3;

export class WorkspaceChecks {
    constructor(
        private readonly facts: WorkspaceFacts,
        private readonly settings: AcctSettings,
        private readonly places: FilePlaces,
    ) {}

    /** Member, competitor and customer ids are unique in the whole workspace. */
    readonly globalIdsUnique = (workspace: Workspace, accept: ValidationAcceptor): void => {
        const globals = this.facts.globalDeclarations();
        const texts = this.settings.texts();
        const here = AstUtils.getDocument(workspace).uri;
        // The first few declarations of each id, with their places said once: every copy of an id
        // names the same few (one id declared 80,000 times formatted them 80,000 times).
        const firstOf = new Map<string, Array<[AstNode, string]>>();
        const messageOf = new Map<string, string>();
        for (const declaration of workspace.declarations) {
            if (declaration.$type === 'Policy' || !declaration.name) continue;
            const same = globals.get(declaration.name) ?? [];
            if (same.length < 2) continue;
            let first = firstOf.get(declaration.name);
            if (!first) {
                first = same
                    .slice(0, NAMED_DUPLICATES + 1)
                    .map(d => [d, texts.t('check.duplicate.at', { kind: kindOf(d, texts), place: this.places.placeOf(d, here) })]);
                firstOf.set(declaration.name, first);
            }
            // Every copy past the first few names the same others: its message is formatted once per id.
            // (an index, not a destructured entry: 80,000 copies of an id ask this of the same few)
            const amongFirst = first.some(entry => entry[0] === declaration);
            let message = amongFirst ? undefined : messageOf.get(declaration.name);
            if (message === undefined) {
                // the first few others, found without walking all of them (thousands of copies stay linear)
                const named = first
                    .filter(([d]) => d !== declaration)
                    .slice(0, NAMED_DUPLICATES)
                    .map(([, said]) => said);
                const others = same.length - 1;
                if (others > NAMED_DUPLICATES) named.push(texts.t('check.duplicate.more', { count: others - NAMED_DUPLICATES }));
                message = texts.t('check.duplicateGlobal', { id: declaration.name, others: texts.list(named) });
                if (!amongFirst) messageOf.set(declaration.name, message);
            }
            report(accept, { code: IssueCodes.DuplicateId, node: declaration, where: { property: 'name' }, message });
        }
    };

    readonly singlePolicy = (workspace: Workspace, accept: ValidationAcceptor): void => {
        const [inForce, ...extra] = this.facts.policies();
        for (const policy of extra) {
            if (policy.$container !== workspace) continue;
            report(accept, {
                code: IssueCodes.DuplicateId,
                node: policy,
                where: { keyword: 'policy' },
                message: this.settings.texts().t('check.secondPolicy', { place: this.places.placeOf(inForce!, AstUtils.getDocument(workspace).uri) }),
            });
        }
    };
}
