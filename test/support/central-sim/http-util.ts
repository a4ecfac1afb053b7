/** Small HTTP helpers: JSON replies, the error shape every 4xx/5xx uses, bounded body reading. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMPRESS_FROM_BYTES, compressSync, encodingFor, encodingHeaders } from './compression';

export class HttpError extends Error {
  /** Fields sent beside `error` (e.g. the audit head of a 409 audit-chain-break). */
  extra: Record<string, unknown> = {};
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** A JSON reply; a large one compressed when the client accepts it. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  const encoding = text.length >= COMPRESS_FROM_BYTES ? encodingFor(res) : null;
  const sent = encoding ? compressSync(encoding, text) : text;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': sent.length, ...encodingHeaders(encoding), ...headers });
  res.end(sent);
}

export function sendError(res: ServerResponse, e: HttpError): void {
  sendJson(res, e.status, { error: { code: e.code, message: e.message }, ...e.extra }, e.headers);
}

const MAX_BODY = 1_000_000;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'payload-too-large', `The body exceeds ${MAX_BODY} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'bad-json', 'The body is not valid JSON.');
  }
}

/** JSON with object keys sorted, so the same request body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
