/**
 * The one place where a document's findings get their final form (contract 1.1, sections 6.2 and
 * 6.3), so that the editor, `acct check`, its exit status, `--max-warnings`, the export and the
 * views agree:
 *   1. a declaration holding a syntax error keeps only the findings that say the plan is wrong;
 *   2. each finding gets the severity the workspace policy gives its code (or `off`: dropped);
 *   3. waivers in force take out the findings of their code inside their declaration;
 *   4. waivers that expired, or waive nothing, are findings themselves.
 */
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { FIXED_CODES, isIssueCode, isWaivable, issueCatalog, IssueCodes, type IssueCode, type Severity } from '../method/index.js';
import { isWaiver, type Waiver, type Workspace } from './generated/ast.js';
import type { AcctSettings } from './acct-settings.js';
import type { WorkspaceFacts } from './workspace-facts.js';
import type { FindingData } from './finding-data.js';
import { subjectOf } from './subject.js';
import { nodesOf } from './ast-walk.js';

/** A finding a waiver took out, with the waiver that says why. */
export interface WaivedFinding {
    diagnostic: Diagnostic;
    waiver: Waiver;
}

export interface DocumentFindings {
    diagnostics: Diagnostic[];
    waived: WaivedFinding[];
}

const severities: Record<Severity, DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information,
};

export class FindingPolicy {
    /** What each document's waivers took out, for the export, the hovers and the code lenses. */
    private readonly outcomes = new WeakMap<LangiumDocument, { waived: WaivedFinding[]; byWaiver: Map<Waiver, Diagnostic[]> }>();

    constructor(private readonly facts: WorkspaceFacts, private readonly settings: AcctSettings) {}

    apply(document: LangiumDocument, all: Diagnostic[], parseErrors: readonly Diagnostic[]): Diagnostic[] {
        const muted = mutedSpans(document, parseErrors);
        const kept = all.filter(d => !isMuted(d, muted, document)).flatMap(d => this.withSeverity(d));
        const byWaiver = new Map<Waiver, Diagnostic[]>();
        const waived: WaivedFinding[] = [];
        const today = this.settings.today();
        const diagnostics: Diagnostic[] = [];
        const waivers = nodesOf(document.parseResult.value).filter(isWaiver);
        for (const diagnostic of kept) {
            // (a document without waivers, the common case, needs no search for them)
            const covering = waivers.length ? coveringWaivers(document, diagnostic, today) : [];
            if (covering.length === 0) {
                diagnostics.push(diagnostic);
                continue;
            }
            // Innermost first: its reason is the one the export gives.
            waived.push({ diagnostic, waiver: covering[0]! });
            for (const waiver of covering) {
                const list = byWaiver.get(waiver);
                if (list) list.push(diagnostic); else byWaiver.set(waiver, [diagnostic]);
            }
        }
        for (const waiver of waivers) {
            if (!isIssueCode(waiver.code) || !isWaivable(waiver.code) || isMutedNode(waiver, muted)) continue;
            const finding = waiverFinding(waiver, today, byWaiver.has(waiver), kept);
            if (finding) diagnostics.push(...this.withSeverity(finding));
        }
        this.outcomes.set(document, { waived, byWaiver });
        return diagnostics;
    }

    /** The findings a document's waivers took out at its last validation. */
    waivedIn(document: LangiumDocument): readonly WaivedFinding[] {
        return this.outcomes.get(document)?.waived ?? [];
    }

    /** The findings one waiver took out at the last validation of its document. */
    waivedBy(waiver: Waiver): readonly Diagnostic[] {
        return this.outcomes.get(AstUtils.getDocument(waiver))?.byWaiver.get(waiver) ?? [];
    }

    /** The finding with the severity the policy gives its code; none when the code is off. */
    private withSeverity(diagnostic: Diagnostic): Diagnostic[] {
        const code = codeOf(diagnostic);
        if (!code || FIXED_CODES.has(code)) return [diagnostic];
        const level = this.facts.severities().get(code) ?? issueCatalog[code].severity;
        if (level === 'off') return [];
        diagnostic.severity = severities[level];
        return [diagnostic];
    }
}

function codeOf(diagnostic: Diagnostic): IssueCode | undefined {
    const code = diagnostic.code ?? (diagnostic.data as FindingData | undefined)?.code;
    return isIssueCode(code) ? code : undefined;
}

// --- declarations holding a syntax error ---------------------------------------------------------

type Span = [start: number, end: number];

/**
 * The top-level declarations that hold a parse error: from the declaration's keyword to its
 * closing brace (matched in the text, since the parser's recovery may cut the declaration
 * short), or to the end of the file. Linear: one pass over the text, one over the declarations.
 */
function mutedSpans(document: LangiumDocument, parseErrors: readonly Diagnostic[]): Span[] {
    if (parseErrors.length === 0) return [];
    const text = document.textDocument.getText();
    const closing = closingBraces(text);
    const errors = parseErrors.map(d => document.textDocument.offsetAt(d.range.start)).sort((a, b) => a - b);
    const spans: Span[] = [];
    for (const declaration of (document.parseResult.value as Workspace).declarations ?? []) {
        const cst = declaration.$cstNode;
        if (!cst) continue;
        // a declaration with a block ends at the brace that closes its first `{`; one without (a member) at its last token
        const open = closing.firstOpenAfter(cst.offset, cst.end);
        const span: Span = [cst.offset, open === undefined ? cst.end : closing.closeOf(open)];
        const first = lowerBound(errors, span[0]);
        if (first < errors.length && errors[first]! < span[1]) spans.push(span);
    }
    // sorted and merged (an unclosed declaration runs over the next ones), so that a lookup is a binary search
    spans.sort((a, b) => a[0] - b[0]);
    const merged: Span[] = [];
    for (const span of spans) {
        const last = merged[merged.length - 1];
        if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]); else merged.push([span[0], span[1]]);
    }
    return merged;
}

/** Whether `offset` lies in one of the sorted, disjoint spans. */
function inSpans(spans: readonly Span[], offset: number): boolean {
    let low = 0;
    let high = spans.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (spans[mid]![1] <= offset) low = mid + 1; else high = mid;
    }
    return low < spans.length && spans[low]![0] <= offset;
}

/** Every `{` of the text (outside strings and comments) and the end of the `}` that closes it (the text's end when none does). */
function closingBraces(text: string): { firstOpenAfter(start: number, end: number): number | undefined; closeOf(open: number): number } {
    const opens: number[] = [];
    const closes = new Map<number, number>();
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            // a string ends at its closing quote or at the end of its line
            for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
        } else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n') i++;
        } else if (c === '/' && text[i + 1] === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? text.length : close + 1;
        } else if (c === '{') {
            opens.push(i);
            stack.push(i);
        } else if (c === '}' && stack.length) {
            closes.set(stack.pop()!, i + 1);
        }
    }
    return {
        firstOpenAfter(start, end) {
            const open = opens[lowerBound(opens, start)];
            return open !== undefined && open < end ? open : undefined;
        },
        closeOf: open => closes.get(open) ?? text.length,
    };
}

function lowerBound(sorted: readonly number[], value: number): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (sorted[mid]! < value) low = mid + 1; else high = mid;
    }
    return low;
}

/** Only the findings that say the plan is wrong survive inside a declaration holding a syntax error. */
function isMuted(diagnostic: Diagnostic, muted: readonly Span[], document: LangiumDocument): boolean {
    if (muted.length === 0) return false;
    const code = codeOf(diagnostic);
    if (!code || FIXED_CODES.has(code)) return false;
    return inSpans(muted, document.textDocument.offsetAt(diagnostic.range.start));
}

function isMutedNode(node: AstNode, muted: readonly Span[]): boolean {
    const offset = node.$cstNode?.offset;
    return offset !== undefined && inSpans(muted, offset);
}

// --- waivers -----------------------------------------------------------------------------------

/**
 * A waiver on a contact does not cover the findings of a decision chain about that contact: they
 * stand in the opportunity. Say where they are, since that is where the waiver belongs.
 */
function elsewhere(waiver: Waiver, subject: string | undefined, findings: readonly Diagnostic[]): string | undefined {
    if (!subject?.startsWith('contact:')) return undefined;
    const deals = new Set(findings
        .map(d => d.data as FindingData | undefined)
        .filter(d => d?.code === waiver.code && d.contact === subject && d.subject?.startsWith('opportunity:'))
        .map(d => `'${d!.subject!.slice(d!.subject!.indexOf('/') + 1)}'`));
    if (deals.size === 0) return undefined;
    return `its ${waiver.code} findings about this contact stand in the decision chain of ${[...deals].join(', ')}. Move the waiver into that opportunity.`;
}

/** In force: no `until`, or `until` today or later. */
function inForce(waiver: Waiver, today: string): boolean {
    return !waiver.until || waiver.until >= today;
}

/** The waivers in force that cover a finding: of its code, in a declaration its range starts in (innermost first). */
function coveringWaivers(document: LangiumDocument, diagnostic: Diagnostic, today: string): Waiver[] {
    const code = codeOf(diagnostic);
    if (!code || !isWaivable(code)) return [];
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
    const found: Waiver[] = [];
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const waivers = (node as { waivers?: Waiver[] }).waivers;
        const cst = node.$cstNode;
        if (!waivers || !cst || offset < cst.offset || offset >= cst.end) continue;
        for (const waiver of waivers) {
            if (waiver.code === code && inForce(waiver, today)) found.push(waiver);
        }
    }
    return found;
}

function waiverFinding(waiver: Waiver, today: string, used: boolean, findings: readonly Diagnostic[]): Diagnostic | undefined {
    const subject = subjectOf(waiver);
    const range = waiver.$cstNode?.range;
    if (!range) return undefined;
    const data = (code: IssueCode): FindingData => ({ code, subject });
    if (!inForce(waiver, today)) {
        return {
            range, severity: DiagnosticSeverity.Warning, code: IssueCodes.ExpiredWaiver, source: 'acct', data: data(IssueCodes.ExpiredWaiver),
            message: `The waiver of ${waiver.code} expired on ${waiver.until}: it waives nothing any more. Deal with the findings it covered, or renew it with a new date and reason.`,
        };
    }
    if (used) return undefined;
    return {
        range, severity: DiagnosticSeverity.Warning, code: IssueCodes.UnusedWaiver, source: 'acct', data: data(IssueCodes.UnusedWaiver),
        message: `The waiver of ${waiver.code} waives nothing here: ${elsewhere(waiver, subject, findings) ?? `no ${waiver.code} finding is left to acknowledge. Remove it.`}`,
    };
}
