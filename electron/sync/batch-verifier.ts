import { createHash, createPublicKey, verify, type Hash, type KeyObject } from 'node:crypto';
import { caseDataSchema, caseStatusDataSchema, changeLineSchema, checkpointSchema, parseCaseUpsert, type Checkpoint, type VerifiedChange } from './feed-schema';
import { LineTooLongError, ndjsonLineGroups, type ByteSource, type NdjsonLine } from './ndjson-stream';

/**
 * Verifies one batch of `GET /v1/changes` line by line: the running SHA-256 over the exact
 * bytes of every change line with its '\n', each line's shape, the order of seqs, and at the
 * checkpoint the hash and the central key's Ed25519 signature over the hash's hex text.
 * Anything wrong rejects the batch whole; nothing is applied before the checkpoint verifies.
 *
 * Why a repeated line is rejected: the hash covers whatever bytes the server sent, so a
 * replayed or duplicated line inside a signed batch still matches its hash and signature. The
 * signature says the central system sent this batch, not that the batch is well formed, so
 * seqs must also increase strictly (and start after our cursor), or the batch is refused.
 */

export type RejectReason = 'truncated' | 'bad-hash' | 'bad-signature' | 'bad-line' | 'seq-order' | 'too-large';

export class BatchRejectedError extends Error {
  constructor(
    readonly reason: RejectReason,
    detail: string,
  ) {
    // The detail never quotes line content: lines carry personal data.
    super(`batch rejected (${reason}): ${detail}`);
    this.name = 'BatchRejectedError';
  }
}

export interface VerifiedBatch {
  /** The cursor the batch was requested after. */
  after: number;
  changes: VerifiedChange[];
  checkpoint: Checkpoint;
}

export interface VerifierOptions {
  publicKey: KeyObject | string;
  /** The cursor the batch was requested after: every seq must be greater. */
  after: number;
  /** Most change lines a batch may hold (the `limit` asked for): bounds what is buffered. */
  limit: number;
  /**
   * Most bytes a batch may expand to, its lines as decompressed: a compressed body of a few
   * kilobytes can expand to gigabytes (a decompression bomb). Default DEFAULT_MAX_BATCH_BYTES.
   */
  maxBatchBytes?: number;
}

/** 64 MiB: 5,000 whole cases are about 3.5 MB; the rest is room for large catalogue objects. */
export const DEFAULT_MAX_BATCH_BYTES = 64 * 1024 * 1024;

const NEWLINE = new Uint8Array([0x0a]);

export const toPublicKey = (key: KeyObject | string): KeyObject => (typeof key === 'string' ? createPublicKey(key) : key);

function parseJson(line: NdjsonLine, n: number): unknown {
  if (line.text === null) {
    if (!line.terminated) throw new BatchRejectedError('truncated', `line ${n}: stream ended inside a line`);
    throw new BatchRejectedError('bad-line', `line ${n}: not valid UTF-8`);
  }
  try {
    return JSON.parse(line.text) as unknown;
  } catch {
    // A last fragment cut short is a truncated stream, not a malformed line.
    if (!line.terminated) throw new BatchRejectedError('truncated', `line ${n}: stream ended inside a line`);
    throw new BatchRejectedError('bad-line', `line ${n}: not valid JSON`);
  }
}

const issues = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  e.issues.map((i) => `${i.path.map(String).join('.') || '(line)'}: ${i.message}`).join('; ');

export class BatchVerifier {
  private readonly key: KeyObject;
  private readonly hash: Hash = createHash('sha256');
  private readonly changes: VerifiedChange[] = [];
  private lastSeq: number;
  private lines = 0;
  private bytes = 0;
  private result: VerifiedBatch | null = null;

  constructor(private readonly options: VerifierOptions) {
    this.key = toPublicKey(options.publicKey);
    this.lastSeq = options.after;
  }

  /** Takes the next line; returns the verified batch once its checkpoint has verified. */
  accept(line: NdjsonLine): VerifiedBatch | null {
    const n = ++this.lines;
    if (this.result) throw new BatchRejectedError('bad-line', `line ${n}: content after the checkpoint`);
    this.bytes += line.bytes.length + 1;
    const max = this.options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    if (this.bytes > max) {
      const mib = (max / 1024 / 1024).toFixed(0);
      throw new BatchRejectedError('too-large', `lô dữ liệu giải nén vượt quá ${mib} MiB, không áp dụng gì / the batch expands past ${mib} MiB; nothing was applied`);
    }
    const value = parseJson(line, n);
    const isCheckpoint = typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'checkpoint';
    if (isCheckpoint) return (this.result = this.checkpoint(value, n));
    // A change line cut short by the end of the stream means the stream was truncated.
    if (!line.terminated) throw new BatchRejectedError('truncated', `line ${n}: stream ended inside the batch`);
    const change = parseCaseUpsert(value) ?? this.parseOther(value, n);
    if (change.seq <= this.lastSeq) {
      throw new BatchRejectedError('seq-order', `line ${n}: seq ${change.seq} does not follow ${this.lastSeq}`);
    }
    if (this.changes.length >= this.options.limit) {
      throw new BatchRejectedError('bad-line', `line ${n}: more than ${this.options.limit} changes in one batch`);
    }
    this.lastSeq = change.seq;
    this.hash.update(line.bytes);
    this.hash.update(NEWLINE);
    this.changes.push(change);
    return null;
  }

  /** Any line but a well-formed case upsert: the zod schemas accept it or say what is wrong. */
  private parseOther(value: unknown, n: number): VerifiedChange {
    const parsed = changeLineSchema.safeParse(value);
    if (!parsed.success) throw new BatchRejectedError('bad-line', `line ${n}: ${issues(parsed.error)}`);
    const change = parsed.data;
    if (change.op === 'delete') return { seq: change.seq, type: change.type, op: 'delete', id: change.id };
    if (change.type !== 'case') return { seq: change.seq, type: change.type, op: 'upsert', id: change.id, data: change.data };
    // A case with an applicant or a timeline is checked whole: a bad applicant is never read as a status object.
    const whole = 'applicant' in change.data || 'timeline' in change.data;
    const data = (whole ? caseDataSchema : caseStatusDataSchema).safeParse(change.data);
    if (!data.success) throw new BatchRejectedError('bad-line', `line ${n}: case data: ${issues(data.error)}`);
    return { seq: change.seq, type: 'case', op: 'upsert', id: change.id, data: data.data };
  }

  /** Whether a line of this batch has come. */
  get started(): boolean {
    return this.lines > 0;
  }

  /** Call at the end of the stream: the verified batch, or 'truncated' when no checkpoint came. */
  end(): VerifiedBatch {
    if (!this.result) throw new BatchRejectedError('truncated', `stream ended after ${this.lines} lines without a checkpoint`);
    return this.result;
  }

  private checkpoint(value: unknown, n: number): VerifiedBatch {
    const parsed = checkpointSchema.safeParse(value);
    if (!parsed.success) throw new BatchRejectedError('bad-line', `line ${n}: checkpoint: ${issues(parsed.error)}`);
    const cp = parsed.data;
    if (cp.seq !== this.lastSeq) {
      throw new BatchRejectedError('seq-order', `checkpoint seq ${cp.seq} is not the batch's last seq ${this.lastSeq}`);
    }
    const hex = this.hash.digest('hex');
    if (hex !== cp.hash) throw new BatchRejectedError('bad-hash', 'the checkpoint hash does not match the lines received');
    let ok = false;
    try {
      ok = verify(null, Buffer.from(hex, 'utf8'), this.key, Buffer.from(cp.sig, 'base64'));
    } catch {
      ok = false;
    }
    if (!ok) throw new BatchRejectedError('bad-signature', 'the checkpoint signature does not verify with the central key');
    return { after: this.options.after, changes: this.changes, checkpoint: cp };
  }
}

/** A failure while reading, as the rejection it is: a stream error before the checkpoint is 'truncated'. */
function asRejection(error: unknown): BatchRejectedError {
  if (error instanceof BatchRejectedError) return error;
  if (error instanceof LineTooLongError) return new BatchRejectedError('bad-line', error.message);
  return new BatchRejectedError('truncated', `the stream failed: ${error instanceof Error ? error.message : String(error)}`);
}

type ReadOptions = VerifierOptions & { maxLineBytes?: number };

/**
 * Reads one batch from a byte stream and verifies it. Only the batch's own changes (at most
 * `limit`) are held, and only until the checkpoint; a stream error before the checkpoint is
 * 'truncated'.
 */
export async function readVerifiedBatch(source: ByteSource, options: ReadOptions): Promise<VerifiedBatch> {
  const verifier = new BatchVerifier(options);
  try {
    for await (const group of ndjsonLineGroups(source, { maxLineBytes: options.maxLineBytes })) for (const line of group) verifier.accept(line);
  } catch (error) {
    throw asRejection(error);
  }
  return verifier.end();
}

/**
 * Reads an answer of one or more batches, each ending with its checkpoint (`batches` asked of
 * the centre), and yields each as soon as it verifies, so the caller applies it before the next
 * is read: only one batch is held at a time. Each batch follows the one before (its `after` is
 * their checkpoint's seq). An answer that ends inside a batch, or before any, is 'truncated'
 * (the batches yielded before stay good).
 */
export async function* readVerifiedBatches(source: ByteSource, options: ReadOptions): AsyncGenerator<VerifiedBatch> {
  let verifier = new BatchVerifier(options);
  let yielded = false;
  try {
    for await (const group of ndjsonLineGroups(source, { maxLineBytes: options.maxLineBytes })) {
      for (const line of group) {
        const batch = verifier.accept(line);
        if (batch === null) continue;
        yield batch;
        yielded = true;
        verifier = new BatchVerifier({ ...options, after: batch.checkpoint.seq });
      }
    }
  } catch (error) {
    throw asRejection(error);
  }
  if (!yielded || verifier.started) verifier.end();
}
