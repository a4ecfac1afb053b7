import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleCaseData } from '../fixtures/feed/case-data';
import { BatchRejectedError, readVerifiedBatch, type RejectReason } from '../../electron/sync/batch-verifier';

const central = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const PEM = central.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const upsert = (seq: number) => JSON.stringify({ seq, type: 'case', op: 'upsert', id: `c${seq}`, data: sampleCaseData(seq) });

/** A body: the change lines, then a checkpoint over them signed by `key` (unless overridden). */
function body(lines: string[], opts: { key?: KeyObject; seq?: number; more?: boolean; hash?: string; sig?: string; after?: number } = {}): string {
  const text = lines.map((l) => `${l}\n`).join('');
  const hash = opts.hash ?? createHash('sha256').update(text, 'utf8').digest('hex');
  const sig = opts.sig ?? sign(null, Buffer.from(hash, 'utf8'), opts.key ?? central.privateKey).toString('base64');
  const last = () => (lines.length ? (JSON.parse(lines.at(-1)!) as { seq: number }).seq : (opts.after ?? 0));
  return text + JSON.stringify({ type: 'checkpoint', seq: opts.seq ?? last(), more: opts.more ?? false, hash, sig }) + '\n';
}

const stream = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(c) {
      // Awkward chunks: 7 bytes each, cutting lines and characters.
      for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
      c.close();
    },
  });
};

const read = (text: string, after = 0, limit = 1000) => readVerifiedBatch(stream(text), { publicKey: PEM, after, limit });

async function rejection(text: string, after = 0, limit = 1000): Promise<RejectReason> {
  try {
    await read(text, after, limit);
  } catch (e) {
    expect(e).toBeInstanceOf(BatchRejectedError);
    return (e as BatchRejectedError).reason;
  }
  throw new Error('the batch was accepted');
}

describe('readVerifiedBatch', () => {
  it('accepts a signed batch and returns its typed changes', async () => {
    const batch = await read(body([upsert(1), upsert(2), JSON.stringify({ seq: 5, type: 'form', op: 'delete', id: 'f1' })], { more: true }));
    expect(batch.changes.map((c) => [c.seq, c.type, c.op])).toEqual([
      [1, 'case', 'upsert'],
      [2, 'case', 'upsert'],
      [5, 'form', 'delete'],
    ]);
    expect(batch.checkpoint).toMatchObject({ seq: 5, more: true });
  });

  it('accepts an empty batch whose checkpoint repeats the cursor', async () => {
    const batch = await read(body([], { after: 42 }), 42);
    expect(batch.changes).toEqual([]);
    expect(batch.checkpoint.seq).toBe(42);
  });

  it('accepts a checkpoint without a final newline', async () => {
    const batch = await read(body([upsert(1)]).replace(/\n$/, ''));
    expect(batch.changes).toHaveLength(1);
  });

  it('rejects a stream without checkpoint as truncated', async () => {
    expect(await rejection(`${upsert(1)}\n${upsert(2)}\n`)).toBe('truncated');
    expect(await rejection(`${upsert(1)}\n${upsert(2).slice(0, 30)}`)).toBe('truncated');
    expect(await rejection('')).toBe('truncated');
    const full = body([upsert(1)]);
    expect(await rejection(full.slice(0, full.length - 20))).toBe('truncated');
  });

  it('rejects a signature by another key', async () => {
    expect(await rejection(body([upsert(1)], { key: other.privateKey }))).toBe('bad-signature');
  });

  it('rejects a garbled signature', async () => {
    expect(await rejection(body([upsert(1)], { sig: Buffer.alloc(64, 7).toString('base64') }))).toBe('bad-signature');
    expect(await rejection(body([upsert(1)], { sig: 'AAAA' }))).toBe('bad-signature');
  });

  it('rejects a wrong hash, even when it is signed', async () => {
    expect(await rejection(body([upsert(1)], { hash: 'a'.repeat(64) }))).toBe('bad-hash');
  });

  it('rejects a line tampered after signing', async () => {
    const good = body([upsert(1), upsert(2)]);
    expect(await rejection(good.replace('Nguyễn Văn An', 'Nguyễn Văn Ân'))).toBe('bad-hash');
    // Even a whitespace change: the hash is over the exact bytes.
    expect(await rejection(good.replace('{"seq":2', '{ "seq":2'))).toBe('bad-hash');
  });

  it('rejects a duplicated line (signed over) as seq-order', async () => {
    expect(await rejection(body([upsert(1), upsert(2), upsert(2)]))).toBe('seq-order');
  });

  it('rejects decreasing seqs and seqs at or below the cursor', async () => {
    expect(await rejection(body([upsert(3), upsert(2)]))).toBe('seq-order');
    expect(await rejection(body([upsert(5), upsert(6)]), 5)).toBe('seq-order');
  });

  it('rejects a checkpoint whose seq is not the last seq', async () => {
    expect(await rejection(body([upsert(1), upsert(2)], { seq: 9 }))).toBe('seq-order');
  });

  it('rejects bad JSON, bad shapes and bad case data', async () => {
    expect(await rejection(body(['{"seq":1,'], { seq: 1 }))).toBe('bad-line');
    expect(await rejection(body([JSON.stringify({ seq: 1, type: 'spell', op: 'upsert', id: 'x', data: {} })]))).toBe('bad-line');
    expect(await rejection(body([JSON.stringify({ seq: 1, type: 'form', op: 'upsert', id: 'x' })]))).toBe('bad-line');
    const badCase = { ...sampleCaseData(1), status: 'lost' };
    expect(await rejection(body([JSON.stringify({ seq: 1, type: 'case', op: 'upsert', id: 'c1', data: badCase })]))).toBe('bad-line');
  });

  it('does not quote personal data in its messages', async () => {
    const line = JSON.stringify({ seq: 1, type: 'case', op: 'upsert', id: 'c1', data: { ...sampleCaseData(1), status: 'lost' } });
    await expect(read(body([line]))).rejects.toSatisfy((e: Error) => !e.message.includes('001099012345') && !e.message.includes('Nguyễn'));
    await expect(read(body(['{"personalNumber":"001099012345"'], { seq: 0 }))).rejects.toSatisfy((e: Error) => !e.message.includes('001099012345'));
  });

  it('rejects content after the checkpoint', async () => {
    expect(await rejection(body([upsert(1)]) + `${upsert(2)}\n`)).toBe('bad-line');
  });

  it('rejects a batch larger than the limit', async () => {
    expect(await rejection(body([upsert(1), upsert(2), upsert(3)]), 0, 2)).toBe('bad-line');
  });
});
