/**
 * Content-Encoding as the centre offers it: brotli when the client accepts it, else gzip, else
 * none. The feed is compressed as it streams (the compressor pulls pages as it drains); the
 * batch hash and signature cover the lines before compression, so a client checks what it
 * decompressed. A centre that does not compress (`compress: false`) sends identity.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** JSON replies at least this long are compressed: below it the headers and framing cost more than they save. */
export const COMPRESS_FROM_BYTES = 1024;

/** Brotli quality 5 with a 4 MiB window: about 67 bytes per case on the wire against 76 for gzip -6, at gzip's speed. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 } };
const GZIP = { level: 6 };

/** The encoding to answer with, from the request's Accept-Encoding (codings with q=0 are refused ones). */
export function negotiate(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/** Responses of a centre that does not compress (the simulator's `compress: false`). */
const identityOnly = new WeakSet<ServerResponse>();
export const neverCompress = (res: ServerResponse): void => void identityOnly.add(res);

/** The encoding for this response, or null when the client or the centre does not compress. */
export const encodingFor = (res: ServerResponse): Encoding | null =>
  identityOnly.has(res) ? null : negotiate((res.req as IncomingMessage | undefined)?.headers['accept-encoding']);

export const compressor = (encoding: Encoding): zlib.BrotliCompress | zlib.Gzip =>
  encoding === 'br' ? zlib.createBrotliCompress(BROTLI) : zlib.createGzip(GZIP);

export const compressSync = (encoding: Encoding, body: Buffer): Buffer =>
  encoding === 'br' ? zlib.brotliCompressSync(body, BROTLI) : zlib.gzipSync(body, GZIP);

/** The headers that go with an encoded body. */
export const encodingHeaders = (encoding: Encoding | null): Record<string, string> =>
  encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : { vary: 'accept-encoding' };
