/**
 * `acct check --format sarif`: the findings as a SARIF 2.1.0 log for code scanning (GitHub shows
 * them inline on pull requests and tracks them across commits). One run; the driver lists every
 * rule of the method's catalog; a waived finding is a result with an in-source suppression.
 */
import { createHash } from 'node:crypto';
import { isAdjustable, ISSUE_CODES, issueCatalog, isWaivable, type IssueCode, type Severity, type SeverityLevel, type Texts } from '../../method/index.js';
import type { LocatedFinding } from '../../plan/diagnostics.js';
import type { WaivedJson } from '../../contract/plan-types.js';
import { jsonDocumentPieces } from './json-pieces.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The name of acct's partial fingerprint; bump its version when the recipe changes. */
export const FINGERPRINT = 'acctFinding/v1';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const resultLevel: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const defaultLevel: Record<SeverityLevel, SarifLevel> = { ...resultLevel, off: 'none' };

export interface SarifInput {
    /** The findings `check` reports, sorted. */
    findings: readonly LocatedFinding[];
    /** The findings waivers took out: results with a suppression. */
    waived: readonly LocatedFinding[];
    version: string;
    /** The language of the rules' descriptions (the findings' messages are already in it). */
    texts: Texts;
}

export function formatSarif(input: SarifInput): string {
    return [...sarifPieces(input)].join('');
}

/** `formatSarif` in pieces: the results are made one by one as they are written, never held all at once. */
export function sarifPieces(input: SarifInput): Iterable<string> {
    const fingerprints = new FingerprintCounter();
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'acct',
                        version: input.version,
                        semanticVersion: input.version,
                        rules: ISSUE_CODES.map(code => rule(code, input.texts)),
                    },
                },
                columnKind: 'utf16CodeUnits',
                results: [],
            },
        ],
    };
    const findings = input.findings.length;
    const all = input.waived.length ? input.findings.concat(input.waived) : input.findings;
    return jsonDocumentPieces(log, ['runs', '0', 'results'], indexes(all.length), i => {
        const f = all[i]!;
        return i < findings ? result(f, fingerprints) : { ...result(f, fingerprints), suppressions: [suppression(f.diagnostic as WaivedJson, input.texts)] };
    });
}

function* indexes(count: number): Generator<number> {
    for (let i = 0; i < count; i++) yield i;
}

function rule(code: IssueCode, texts: Texts) {
    const { severity } = issueCatalog[code];
    const { summary, why, help } = texts.vocabulary.issues[code];
    return {
        id: code,
        name: code
            .split('-')
            .map(word => word[0]!.toUpperCase() + word.slice(1))
            .join(''),
        shortDescription: { text: summary },
        fullDescription: { text: `${summary} ${why}` },
        help: { text: help, markdown: [help, ...ruleNotes(code, texts)].join('\n\n') },
        defaultConfiguration: { enabled: severity !== 'off', level: defaultLevel[severity] },
        properties: { tags: ['acct', severity === 'error' ? 'correctness' : 'account-plan'] },
    };
}

/** How a team may tune the rule: turn it on, change its severity, or waive a finding. */
function ruleNotes(code: IssueCode, texts: Texts): string[] {
    if (!isAdjustable(code)) return [texts.t('sarif.fixed')];
    const notes = [texts.t(issueCatalog[code].severity === 'off' ? 'sarif.offByDefault' : 'sarif.adjustable', { code })];
    if (isWaivable(code)) notes.push(texts.t('sarif.waivable', { code }));
    return notes;
}

function result(finding: LocatedFinding, fingerprints: FingerprintCounter) {
    const d = finding.diagnostic;
    return {
        ruleId: d.code,
        ruleIndex: ISSUE_CODES.indexOf(d.code as IssueCode),
        level: resultLevel[d.severity],
        message: { text: d.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: fileUri(d.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: d.line, startColumn: d.column, endLine: finding.endLine, endColumn: finding.endColumn },
                },
            },
        ],
        partialFingerprints: { [FINGERPRINT]: fingerprints.next(finding) },
    };
}

function suppression(waived: WaivedJson, texts: Texts) {
    return {
        kind: 'inSource',
        status: 'accepted',
        justification: waived.until ? texts.t('sarif.until', { reason: waived.reason, until: waived.until }) : waived.reason,
    };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function fileUri(file: string): string {
    return file
        .split('/')
        .map(segment => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
        .join('/');
}

/**
 * What identifies a finding across commits: its code, its file, the plan element it is about and
 * its message with every number masked (line numbers, day counts and dates change; the finding
 * stays the same). Never its line. Identical findings are told apart by their order.
 */
class FingerprintCounter {
    private readonly seen = new Map<string, number>();
    /** The last message masked and the last text hashed, with what they gave: a mistake repeated on every line is masked and hashed once. */
    private last = { message: '', masked: '', said: '', hash: '' };

    next(finding: LocatedFinding): string {
        const d = finding.diagnostic;
        const about = finding.about ? `${finding.about.subject} ${finding.about.contact ?? ''}` : '';
        const last = this.last;
        if (d.message !== last.message || last.said === '') {
            last.message = d.message;
            last.masked = d.message.replace(/\d+/g, '#');
        }
        const said = [d.code, d.file, about, last.masked].join('\0');
        if (said !== last.said) {
            last.said = said;
            last.hash = createHash('sha256').update(said).digest('hex').slice(0, 32);
        }
        const hash = last.hash;
        const count = (this.seen.get(hash) ?? 0) + 1;
        this.seen.set(hash, count);
        return `${hash}:${count}`;
    }
}
