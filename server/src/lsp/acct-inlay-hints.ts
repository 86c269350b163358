/**
 * Inlay hints that show what the plan means without making the author write it twice: after a
 * decision-chain entry, the role and support it takes from its contact (`: decision-maker,
 * support 2`); after `last-contact DATE`, how many days ago that was, counted from today as the
 * checks count it. Only the nodes that overlap the requested range are visited, and only hints
 * inside it are sent.
 */
import { GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { CancellationToken, InlayHintKind, type InlayHint, type InlayHintParams, type Position, type Range } from 'vscode-languageserver';
import { isContact, isDecisionChainEntry, type Contact, type DecisionChainEntry } from '../language/generated/ast.js';
import { supportOf, whoIs } from '../language/ast/ast-rules.js';
import type { AcctSettings } from '../language/workspace/acct-settings.js';
import { daysBetween } from '../method/index.js';
import { nodesInRange } from './nodes-in-range.js';
import { daysSinceLabel, daysSinceTooltip, takenFromContactLabel, takenFromContactTooltip } from './editor-messages.js';

export class AcctInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly settings: AcctSettings) {
        super();
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = CancellationToken.None): Promise<InlayHint[]> {
        const hints: InlayHint[] = [];
        const acceptor: InlayHintAcceptor = hint => {
            if (within(hint.position, params.range)) hints.push(hint);
        };
        for (const node of nodesInRange(document.parseResult.value, params.range)) {
            await interruptAndCheck(cancelToken);
            this.computeInlayHint(node, acceptor);
        }
        return hints;
    }

    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (isDecisionChainEntry(node)) this.takenFromContact(node, acceptor);
        else if (isContact(node)) this.daysSinceLastContact(node, acceptor);
    }

    private takenFromContact(entry: DecisionChainEntry, acceptor: InlayHintAcceptor): void {
        const contact = entry.contact.ref;
        if (!contact || !entry.$cstNode || (entry.role && entry.support)) return;
        const texts = this.settings.texts();
        const role = entry.role ? undefined : contact.role;
        const support = entry.support ? undefined : String(supportOf(contact.support) ?? '?');
        acceptor({
            position: entry.$cstNode.range.end,
            label: takenFromContactLabel(texts, role, support),
            kind: InlayHintKind.Type,
            tooltip: takenFromContactTooltip(texts, whoIs(contact, texts)),
        });
    }

    private daysSinceLastContact(contact: Contact, acceptor: InlayHintAcceptor): void {
        if (!contact.lastContact) return;
        const today = this.settings.today();
        const days = daysBetween(contact.lastContact, today);
        const date = GrammarUtils.findNodeForProperty(contact.$cstNode, 'lastContact');
        if (days === undefined || !date) return;
        const texts = this.settings.texts();
        acceptor({ position: date.range.end, label: daysSinceLabel(texts, days), paddingLeft: true, tooltip: daysSinceTooltip(texts, today) });
    }
}

function within(position: Position, range: Range): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
