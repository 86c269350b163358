/**
 * The findings of `acct check --format json` as the bytes standard output writes: the UTF-8 of
 * `JSON.stringify(findings, null, 2)`, in pieces of about PIECE_BYTES, without a text per finding.
 * A finding is three runs of bytes — its head (the file, up to the line's value), its line, and
 * its tail (the column and everything after) — and a head or a tail is encoded once for the
 * findings that share its fields: a megabyte of one mistake repeated (a duplicate id on every
 * line) or of two in turn (a `}` missing and a duplicate id) encodes two or three of them, where
 * a text of twenty concatenations per finding was made, joined into a piece and encoded again.
 */
import type { DiagnosticJson } from '../../contract/plan-types.js';

/** About how many bytes a piece holds before it is handed out. */
export const PIECE_BYTES = 1 << 18;

/** Room past PIECE_BYTES in a piece's buffer, for the finding that reaches it. */
const SLACK_BYTES = 1 << 14;

/** A finding's tail as bytes, with the fields it was made from. */
interface Tail {
    column: number;
    severity: string;
    code: string;
    message: string;
    subject: string | null;
    bytes: Uint8Array;
}

/** Bytes written into pieces of about PIECE_BYTES, each handed out whole. */
class Pieces {
    // a piece is handed out once it reaches PIECE_BYTES, or when the next finding does not fit in what is left
    private buffer: Buffer = Buffer.allocUnsafe(PIECE_BYTES + SLACK_BYTES);
    private at = 0;
    /** The buffer of the piece before, written into again after the next piece (`reuse`). */
    private spare: Buffer | undefined;

    constructor(private readonly reuse: boolean) {}

    /** Room for `bytes` more; the piece so far when it is full (to be handed out), else undefined. */
    room(bytes: number): Uint8Array | undefined {
        if (this.at + bytes <= this.buffer.length) return undefined;
        const full = this.take();
        if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
        return full;
    }

    /** Whether the piece has reached its size. */
    get full(): boolean {
        return this.at >= PIECE_BYTES;
    }

    /** The bytes written so far, as a piece of their own (the next are written into the spare buffer, or a new one). */
    take(): Uint8Array | undefined {
        if (this.at === 0) return undefined;
        const piece = this.buffer.subarray(0, this.at);
        const next = this.spare ?? Buffer.allocUnsafe(PIECE_BYTES + SLACK_BYTES);
        this.spare = this.reuse && this.buffer.length === PIECE_BYTES + SLACK_BYTES ? this.buffer : undefined;
        this.buffer = next;
        this.at = 0;
        return piece;
    }

    byte(value: number): void {
        this.buffer[this.at++] = value;
    }

    bytes(value: Uint8Array): void {
        this.buffer.set(value, this.at);
        this.at += value.length;
    }

    /** A text's UTF-8 (room for `text.length * 3` bytes made first). */
    text(text: string): void {
        this.at += this.buffer.write(text, this.at, 'utf8');
    }

    /** A whole number from 0 to 2^31 - 1, in decimal as String() writes it. */
    natural(value: number): void {
        let digits = 1;
        for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
        let at = this.at + digits;
        this.at = at;
        let rest = value;
        do {
            this.buffer[--at] = 48 + (rest % 10);
            rest = (rest / 10) | 0;
        } while (rest > 0);
    }
}

const OPEN = 0x5b; // [
const COMMA = 0x2c; // ,

/**
 * The UTF-8 of `JSON.stringify(findings, null, 2)` in pieces of about PIECE_BYTES (each ends
 * between two findings). With `reuse`, a piece's bytes are written over two pieces later: for a
 * writer that is done with each piece before it asks for the next (standard output, a write
 * awaited), so that a report of 40 MB holds two buffers, not one per piece until a collection. A finding that is not the contract's seven fields, in their order and of
 * their types, is written as JSON.stringify writes it.
 */
export function* findingListBytes(findings: Iterable<DiagnosticJson>, options: { reuse?: boolean } = {}): Generator<Uint8Array> {
    const inner = '\n  ';
    const at = inner + '  ';
    const pieces = new Pieces(options.reuse ?? false);
    const quote = lastTwoQuoted();
    let headFile: string | undefined;
    let head = new Uint8Array(0);
    // the last two tails: findings of two mistakes in turn share two
    let tail: Tail | undefined;
    let tailBefore: Tail | undefined;
    let first = true;
    for (const d of findings) {
        let full: Uint8Array | undefined;
        if (!isPlainFinding(d)) {
            const text = inner + JSON.stringify(d, null, 2).replace(/\n/g, inner);
            full = pieces.room(1 + 3 * text.length);
            if (full) yield full;
            pieces.byte(first ? OPEN : COMMA);
            pieces.text(text);
        } else {
            if (d.file !== headFile) {
                headFile = d.file;
                head = Buffer.from(`${inner}{${at}"file": ${quote('file', d.file)},${at}"line": `);
            }
            if (!tail || !sameTail(tail, d)) {
                if (tailBefore && sameTail(tailBefore, d)) [tail, tailBefore] = [tailBefore, tail];
                else {
                    tailBefore = tail;
                    const text =
                        `,${at}"column": ${d.column},${at}"severity": ${quote('severity', d.severity)},${at}"code": ${quote('code', d.code)},` +
                        `${at}"message": ${quote('message', d.message)},${at}"subject": ${d.subject === null ? 'null' : quote('subject', d.subject)}${inner}}`;
                    tail = { column: d.column, severity: d.severity, code: d.code, message: d.message, subject: d.subject, bytes: Buffer.from(text) };
                }
            }
            const line = d.line;
            const natural = Number.isInteger(line) && line >= 0 && line <= 0x7fffffff;
            const lineText = natural ? '' : String(line);
            full = pieces.room(1 + head.length + (natural ? 10 : 3 * lineText.length) + tail.bytes.length);
            if (full) yield full;
            pieces.byte(first ? OPEN : COMMA);
            pieces.bytes(head);
            if (natural) pieces.natural(line);
            else pieces.text(lineText);
            pieces.bytes(tail.bytes);
        }
        first = false;
        if (pieces.full) yield pieces.take()!;
    }
    if (first) {
        yield Buffer.from('[]');
        return;
    }
    const full = pieces.room(2);
    if (full) yield full;
    pieces.text('\n]');
    yield pieces.take()!;
}

function sameTail(tail: Tail, d: DiagnosticJson): boolean {
    return tail.column === d.column && tail.severity === d.severity && tail.code === d.code && tail.message === d.message && tail.subject === d.subject;
}

/**
 * JSON.stringify of a field's value, remembering the last two values of each field with their
 * JSON: the findings of two mistakes in turn quote two messages, each once, not once a line.
 * (A map of the last 64 texts made a report of distinct messages a fifth slower: a hash of each.)
 */
export function lastTwoQuoted(): (name: 'file' | 'severity' | 'code' | 'message' | 'subject', value: string) => string {
    const field = () => ({ value: '', text: '""', before: '', beforeText: '""' });
    const said = { file: field(), severity: field(), code: field(), message: field(), subject: field() };
    return (name, value) => {
        const last = said[name];
        if (last.value === value) return last.text;
        const text = last.before === value ? last.beforeText : JSON.stringify(value);
        last.before = last.value;
        last.beforeText = last.text;
        last.value = value;
        last.text = text;
        return text;
    };
}

const FINDING_KEYS = ['file', 'line', 'column', 'severity', 'code', 'message', 'subject'];

/** The contract's seven fields in their order, strings and finite numbers (and a null subject): what the report writes as JSON.stringify would. */
export function isPlainFinding(d: DiagnosticJson): boolean {
    if (
        typeof d.file !== 'string' ||
        !Number.isFinite(d.line) ||
        !Number.isFinite(d.column) ||
        typeof d.severity !== 'string' ||
        typeof d.code !== 'string' ||
        typeof d.message !== 'string' ||
        (d.subject !== null && typeof d.subject !== 'string') ||
        Object.getPrototypeOf(d) !== Object.prototype
    )
        return false;
    let i = 0;
    for (const key in d) if (FINDING_KEYS[i++] !== key) return false;
    return i === FINDING_KEYS.length;
}
