/**
 * The one place where a document's findings get their final form (contract 1.1, sections 6.2 and
 * 6.3), so that the editor, `acct check`, its exit status, `--max-warnings`, the export and the
 * views agree:
 *   1. a declaration holding a syntax error keeps only the findings that say the plan is wrong;
 *   2. each finding gets the severity the workspace policy gives its code (or `off`: dropped);
 *   3. waivers in force take out the findings of their code inside their declaration;
 *   4. waivers that expired, or waive nothing, are findings themselves.
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { leafAtOffset } from '../ast/cst-search.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import {
    FIXED_CODES,
    isIssueCode,
    isWaivable,
    issueCatalog,
    IssueCodes,
    type IssueCode,
    type Severity,
    type SeverityLevel,
    type Texts,
} from '../../method/index.js';
import { isWaiver, type Waiver, type Workspace } from '../generated/ast.js';
import type { AcctSettings } from '../workspace/acct-settings.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import type { FindingData } from './finding-data.js';
import { subjectOf } from '../ast/subject.js';
import { nodesWhere } from '../ast/ast-walk.js';
import { inSpans, type Span } from '../text/spans.js';
import { containment } from '../parser/syntax-cascade.js';

/** What applyToDated keeps of a document's findings that do not read today, for its next date-only re-check. */
export interface PolicyMemo {
    levels?: ReadonlyMap<IssueCode, SeverityLevel>;
    steady?: readonly Diagnostic[];
    muted?: Span[];
    /** Those of `steady` the policy keeps, with their severities. */
    kept?: Diagnostic[];
}

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
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
};

export class FindingPolicy {
    /** What each document's waivers took out, for the export, the hovers and the code lenses. */
    private readonly outcomes = new WeakMap<LangiumDocument, { waived: WaivedFinding[]; byWaiver: Map<Waiver, Diagnostic[]> }>();

    constructor(
        private readonly facts: WorkspaceFacts,
        private readonly settings: AcctSettings,
    ) {}

    /** `muted`: the declarations holding a syntax error (syntax-cascade.ts, found with the cascades). */
    apply(document: LangiumDocument, all: Diagnostic[], muted: readonly Span[]): Diagnostic[] {
        // (a loop, not a list per finding: a megabyte of findings made 100,000 lists)
        // (the policy's severities looked up once: `acct history` applies the policy to every finding of each file re-checked for a new day)
        const levels = this.facts.severities();
        const kept: Diagnostic[] = [];
        for (const d of all) if (!isMuted(d, muted, document) && keepWithSeverity(d, levels)) kept.push(d);
        const byWaiver = new Map<Waiver, Diagnostic[]>();
        const waived: WaivedFinding[] = [];
        const today = this.settings.today();
        const waivers = waiversOf(document.parseResult.value);
        // a document without waivers, the common case, needs no search for them: its findings are those kept
        const diagnostics: Diagnostic[] = waivers.length ? [] : kept;
        for (const diagnostic of waivers.length ? kept : []) {
            const covering = coveringWaivers(document, diagnostic, today);
            if (covering.length === 0) {
                diagnostics.push(diagnostic);
                continue;
            }
            // Innermost first: its reason is the one the export gives.
            waived.push({ diagnostic, waiver: covering[0]! });
            for (const waiver of covering) {
                const list = byWaiver.get(waiver);
                if (list) list.push(diagnostic);
                else byWaiver.set(waiver, [diagnostic]);
            }
        }
        for (const waiver of waivers) {
            if (!isIssueCode(waiver.code) || !isWaivable(waiver.code) || isMutedNode(waiver, muted)) continue;
            const finding = waiverFinding(waiver, today, byWaiver.has(waiver), kept, this.settings.texts());
            if (finding && keepWithSeverity(finding, levels)) diagnostics.push(finding);
        }
        // the same findings waived by the same waivers: the same list (what is made of it can be reused)
        const previous = this.outcomes.get(document)?.waived;
        const same =
            previous !== undefined &&
            previous.length === waived.length &&
            previous.every((w, i) => w.diagnostic === waived[i]!.diagnostic && w.waiver === waived[i]!.waiver);
        this.outcomes.set(document, { waived: same ? previous : waived, byWaiver });
        return diagnostics;
    }

    /**
     * apply(document, steady.concat(dated), parseErrors) for a date-only re-check (`acct history`:
     * the same parse, its `steady` findings those of its last full validation, only the `dated`
     * ones new): in a document without waivers the policy's outcome for `steady` is the one `memo`
     * holds while the policy's severities are the same, so only `dated` goes through the policy.
     */
    applyToDated(
        document: LangiumDocument,
        steady: Diagnostic[],
        dated: readonly Diagnostic[],
        parseErrors: readonly Diagnostic[],
        memo: PolicyMemo,
    ): Diagnostic[] {
        if (this.hasWaivers(document)) return this.apply(document, steady.concat(dated), containment(document, parseErrors));
        const levels = this.facts.severities();
        if (memo.levels !== levels || memo.steady !== steady) {
            memo.levels = levels;
            memo.steady = steady;
            memo.muted = containment(document, parseErrors);
            memo.kept = steady.filter(d => !isMuted(d, memo.muted!, document) && keepWithSeverity(d, levels));
        }
        const diagnostics = memo.kept!.slice();
        for (const d of dated) if (!isMuted(d, memo.muted!, document) && keepWithSeverity(d, levels)) diagnostics.push(d);
        // what apply records of a document without waivers: nothing waived (the same empty list as before)
        if (this.outcomes.get(document)?.waived.length !== 0) this.outcomes.set(document, { waived: [], byWaiver: new Map() });
        return diagnostics;
    }

    /** Whether the document declares a waiver (then what the policy does can depend on today). */
    hasWaivers(document: LangiumDocument): boolean {
        return waiversOf(document.parseResult.value).length > 0;
    }

    /** The findings a document's waivers took out at its last validation. */
    waivedIn(document: LangiumDocument): readonly WaivedFinding[] {
        return this.outcomes.get(document)?.waived ?? [];
    }

    /** The findings one waiver took out at the last validation of its document. */
    waivedBy(waiver: Waiver): readonly Diagnostic[] {
        return this.outcomes.get(AstUtils.getDocument(waiver))?.byWaiver.get(waiver) ?? [];
    }

    /** Whether the policy in force drops every finding of `code` (keepWithSeverity's rule). */
    turnedOff(code: string): boolean {
        if (!isIssueCode(code) || FIXED_CODES.has(code)) return false;
        return (this.facts.severities().get(code) ?? issueCatalog[code].severity) === 'off';
    }
}

/** Gives the finding the severity `levels` (the policy's) give its code; false when the policy turns it off. */
function keepWithSeverity(diagnostic: Diagnostic, levels: ReadonlyMap<IssueCode, SeverityLevel>): boolean {
    const code = codeOf(diagnostic);
    if (!code || FIXED_CODES.has(code)) return true;
    const level = levels.get(code) ?? issueCatalog[code].severity;
    if (level === 'off') return false;
    diagnostic.severity = severities[level];
    return true;
}

function codeOf(diagnostic: Diagnostic): IssueCode | undefined {
    const code = diagnostic.code ?? (diagnostic.data as FindingData | undefined)?.code;
    return isIssueCode(code) ? code : undefined;
}

// --- declarations holding a syntax error ---------------------------------------------------------

/** The waivers of each parse, found once (`acct history` applies the policy again at each new day). */
const waiversByRoot = new WeakMap<AstNode, { declarations: unknown; waivers: Waiver[] }>();

function waiversOf(root: AstNode): Waiver[] {
    const declarations = (root as Partial<Workspace>).declarations;
    let known = waiversByRoot.get(root);
    if (!known || known.declarations !== declarations) waiversByRoot.set(root, (known = { declarations, waivers: nodesWhere(root, isWaiver) }));
    return known.waivers;
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
function elsewhere(waiver: Waiver, subject: string | undefined, findings: readonly Diagnostic[], texts: Texts): string | undefined {
    if (!subject?.startsWith('contact:')) return undefined;
    const deals = new Set(
        findings
            .map(d => d.data as FindingData | undefined)
            .filter(d => d?.code === waiver.code && d.contact === subject && d.subject?.startsWith('opportunity:'))
            .map(d => texts.quote(d!.subject!.slice(d!.subject!.indexOf('/') + 1))),
    );
    if (deals.size === 0) return undefined;
    return texts.t('finding.unusedWaiver.elsewhere', { code: waiver.code, deals: texts.list([...deals]) });
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
    const leaf = leafAtOffset(root, offset);
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

function waiverFinding(waiver: Waiver, today: string, used: boolean, findings: readonly Diagnostic[], texts: Texts): Diagnostic | undefined {
    const subject = subjectOf(waiver);
    const range = waiver.$cstNode?.range;
    if (!range) return undefined;
    const data = (code: IssueCode): FindingData => ({ code, subject });
    if (!inForce(waiver, today)) {
        return {
            range,
            severity: DiagnosticSeverity.Warning,
            code: IssueCodes.ExpiredWaiver,
            source: 'acct',
            data: data(IssueCodes.ExpiredWaiver),
            message: texts.t('finding.expiredWaiver', { code: waiver.code, until: waiver.until! }),
        };
    }
    if (used) return undefined;
    return {
        range,
        severity: DiagnosticSeverity.Warning,
        code: IssueCodes.UnusedWaiver,
        source: 'acct',
        data: data(IssueCodes.UnusedWaiver),
        message: elsewhere(waiver, subject, findings, texts) ?? texts.t('finding.unusedWaiver', { code: waiver.code }),
    };
}
