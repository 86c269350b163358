/**
 * no-value-proposition: the skeleton of a value proposition's four parts, to fill in before the
 * tender (into the empty block when there is one). aimless-activity: an `objective` to write.
 * (ripe-lead's "Move to stage opportunity" needs only its own node: it travels in the finding.)
 */
import { isActivity, isOpportunity } from '../../language/generated/ast.js';
import { insertAtBlockEnd } from '../../language/editing/text-placement.js';
import { fixTitles } from '../editor-messages.js';
import { insertionFix, nodeAtFinding, type QuickFixBuilder } from './fix-context.js';

const PARTS = ['strengths ""', 'unique-value ""', 'fit ""', 'difference ""'] as const;

export const addValueProposition: QuickFixBuilder = context => {
    const opportunity = nodeAtFinding(context, isOpportunity);
    if (!opportunity?.$cstNode || opportunity.stage !== 'bid') return [];
    const proposition = opportunity.valueProposition;
    const title = fixTitles.addValueProposition(context.texts);
    if (!proposition) {
        return insertionFix(context, title, insertAtBlockEnd(context.document, opportunity.$cstNode, { head: 'value-proposition', lines: PARTS }), true);
    }
    const empty =
        proposition.strengths === undefined && proposition.uniqueValue === undefined && proposition.fit === undefined && proposition.difference === undefined;
    if (!empty || !proposition.$cstNode) return [];
    // The empty block is replaced by the skeleton, laid out as an absent one would be inserted.
    const document = context.document;
    const text = document.textDocument.getText();
    const start = proposition.$cstNode.offset;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const step = indent.includes('\t') ? '\t' : '    ';
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const onItsOwnLine = text.slice(lineStart, start).trim() === '';
    const newText = onItsOwnLine
        ? ['value-proposition {', ...PARTS.map(part => indent + step + part), `${indent}}`].join(eol)
        : `value-proposition { ${PARTS.join(' ')} }`;
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(proposition.$cstNode.end) };
    return [
        {
            title,
            kind: 'quickfix',
            diagnostics: [context.diagnostic],
            isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [{ range, newText }] } },
        },
    ];
};

export const addObjective: QuickFixBuilder = context => {
    const activity = nodeAtFinding(context, isActivity);
    if (!activity?.$cstNode || activity.objective !== undefined) return [];
    return insertionFix(context, fixTitles.addObjective(context.texts), insertAtBlockEnd(context.document, activity.$cstNode, 'objective ""'), true);
};
