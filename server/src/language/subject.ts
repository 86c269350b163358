/** The plan element an AST node belongs to, as a subject key of the plan contract. */
import type { AstNode } from 'langium';
import { SubjectKeys, type SubjectKey } from '../contract/subject-key.js';
import type { Customer } from './generated/ast.js';

/** The nearest enclosing member, competitor, customer, contact, opportunity or activity. */
export function subjectOf(node: AstNode): SubjectKey | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        const name = (current as { name?: string }).name ?? '';
        switch (current.$type) {
            case 'Member': return SubjectKeys.member(name);
            case 'Competitor': return SubjectKeys.competitor(name);
            case 'Customer': return SubjectKeys.customer(name);
            case 'Contact': return SubjectKeys.contact((current.$container as Customer).name, name);
            case 'Opportunity': return SubjectKeys.opportunity((current.$container as Customer).name, name);
            case 'Activity': return SubjectKeys.activity((current.$container as Customer).name, name);
        }
    }
    return undefined;
}
