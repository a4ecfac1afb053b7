/**
 * GET /v1/changes: streams a batch page by page (never the whole body in memory), hashing the
 * exact lines sent, then the signed checkpoint; scoped by the device's role, compressed as
 * accepted. Cut, drip and duplicate faults act here.
 */
import { createHash, type KeyObject } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ActiveFaults } from './faults';
import { signHash } from './keys';
import { HttpError, sleep } from './http-util';
import type { CentralStore } from './store';
import { scopedLine, type FeedScope } from './case-status';
import { compressor, encodingFor, encodingHeaders } from './compression';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;
/** Rows read from SQLite per step; bounds memory whatever the limit. */
const PAGE_ROWS = 500;

/** Batches one answer may carry (`batches`); more are treated as this many. */
export const MAX_BATCHES = 100;

export function parseChangesQuery(params: URLSearchParams): { after: number; limit: number; batches: number } {
  const afterText = params.get('after') ?? '0';
  const limitText = params.get('limit') ?? String(DEFAULT_LIMIT);
  const batchesText = params.get('batches') ?? '1';
  if (!/^\d{1,15}$/.test(afterText)) throw new HttpError(400, 'bad-after', '`after` must be a non-negative integer.');
  if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1) throw new HttpError(400, 'bad-limit', '`limit` must be a positive integer.');
  if (!/^\d{1,9}$/.test(batchesText) || Number(batchesText) < 1) throw new HttpError(400, 'bad-batches', '`batches` must be a positive integer.');
  return { after: Number(afterText), limit: Math.min(Number(limitText), MAX_LIMIT), batches: Math.min(Number(batchesText), MAX_BATCHES) };
}

/** Writes to the response honouring back-pressure, the byte cut and the drip; false once cut/closed. */
function makeWriter(res: ServerResponse, faults: ActiveFaults): (chunk: Buffer) => Promise<boolean> {
  let sent = 0;
  let open = true;
  res.on('close', () => (open = false));
  const put = async (chunk: Buffer): Promise<void> => {
    if (res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  return async (chunk) => {
    if (!open) return false;
    let data = chunk;
    const cut = faults.cutAfterBytes;
    const cutting = cut !== undefined && sent + data.length >= cut;
    if (cutting) data = data.subarray(0, cut - sent);
    if (faults.drip) {
      for (let i = 0; i < data.length && open; i += faults.drip.bytes) {
        await put(data.subarray(i, i + faults.drip.bytes));
        await sleep(faults.drip.tickMs);
      }
    } else if (data.length > 0) {
      await put(data);
    }
    sent += data.length;
    if (cutting) {
      open = false;
      // Let the partial bytes leave before the socket is torn down mid-body.
      await new Promise<void>((r) => res.write('', () => r()));
      res.socket?.destroy();
    }
    return open;
  };
}

export interface FeedOptions {
  after: number;
  /** Changes per batch. */
  limit: number;
  /** Batches in this answer, each with its checkpoint; fewer when the feed ends first. */
  batches: number;
  /** What the requesting device may hold of a case (its registered role). */
  scope: FeedScope;
}

/** One batch as bytes: pages of lines as they are read, then the checkpoint signed over the hash of every line before it. */
async function* batchBytes(store: CentralStore, key: KeyObject, faults: ActiveFaults, after: number, limit: number, scope: FeedScope): AsyncGenerator<Buffer, number> {
  const hash = createHash('sha256');
  let last = after;
  let count = 0;
  let duplicated = !faults.duplicateLines;
  while (count < limit) {
    const rows = store.page(last, Math.min(PAGE_ROWS, limit - count));
    if (rows.length === 0) break;
    let text = '';
    for (const row of rows) {
      const line = scopedLine(row.line, scope);
      text += `${line}\n`;
      if (!duplicated) {
        text += `${line}\n`;
        duplicated = true;
      }
      last = row.seq;
    }
    count += rows.length;
    const bytes = Buffer.from(text, 'utf8');
    hash.update(bytes);
    yield bytes;
  }
  const hex = hash.digest('hex');
  const sig = signHash(key, faults.badSignature ? `${hex}0` : hex);
  const checkpoint = { type: 'checkpoint', seq: last, more: store.hasAfter(last), hash: hex, sig };
  yield Buffer.from(`${JSON.stringify(checkpoint)}\n`, 'utf8');
  return checkpoint.more ? last : -1;
}

/** An answer: up to `batches` batches one after the other, each checkpointed alone; it ends early with the feed. */
async function* answerBytes(store: CentralStore, key: KeyObject, faults: ActiveFaults, { after, limit, batches, scope }: FeedOptions): AsyncGenerator<Buffer> {
  let from = after;
  for (let i = 0; i < batches && from >= 0; i++) from = yield* batchBytes(store, key, faults, from, limit, scope);
}

/**
 * Streams an answer, compressed as the client accepts. Each page is compressed and flushed before
 * the next is read: the bytes leave as the lines are made (a compressor left to itself holds
 * megabytes before its first output, a second of idle link at the start of every answer), and a
 * slow link holds the centre back instead of filling its memory. Cut and drip act on the bytes on
 * the wire.
 */
export async function streamChanges(res: ServerResponse, store: CentralStore, key: KeyObject, faults: ActiveFaults, feed: FeedOptions): Promise<void> {
  const encoding = encodingFor(res);
  res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', ...encodingHeaders(encoding) });
  res.flushHeaders();
  const write = makeWriter(res, faults);
  const z = encoding ? compressor(encoding) : null;
  const out: Buffer[] = [];
  z?.on('data', (c: Buffer) => out.push(c));
  const send = async (): Promise<boolean> => {
    for (let chunk = out.shift(); chunk; chunk = out.shift()) if (!(await write(chunk))) return false;
    return true;
  };
  try {
    for await (const page of answerBytes(store, key, faults, feed)) {
      if (z) {
        await new Promise<void>((resolve, reject) => z.write(page, (e) => (e ? reject(e) : resolve())));
        await new Promise<void>((resolve) => z.flush(() => resolve()));
      } else {
        out.push(page);
      }
      if (!(await send())) return;
    }
    if (z) await new Promise<void>((resolve) => z.end(resolve));
    if (await send()) res.end();
  } finally {
    z?.destroy();
  }
}
