/**
 * Splits a byte stream into NDJSON lines as the bytes arrive, never holding more than the
 * current unfinished line. Lines are split on the byte 0x0A: in UTF-8 that byte never occurs
 * inside a multi-byte character, so a character split across chunks is joined before it is
 * decoded. Each line keeps its exact bytes (for the batch hash) beside its decoded text.
 */

export interface NdjsonLine {
  /** The exact bytes of the line, without its '\n'. */
  bytes: Uint8Array;
  /** The bytes decoded as UTF-8, or null when they are not valid UTF-8. */
  text: string | null;
  /** False only for a last fragment that ended without '\n'. */
  terminated: boolean;
}

/** Raised when a line grows past `maxLineBytes` without a '\n'. */
export class LineTooLongError extends Error {
  constructor(readonly maxLineBytes: number) {
    super(`NDJSON line longer than ${maxLineBytes} bytes`);
    this.name = 'LineTooLongError';
  }
}

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export interface NdjsonOptions {
  /** Upper bound on one line, so that a body without newlines cannot exhaust memory. */
  maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Stop the body when the consumer stops early (a rejected batch).
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Decodes `count` lines that are `region` split on '\n': one decoder call for them all, per line only when the region is not valid UTF-8. */
function decodeLines(region: Uint8Array, bytes: Uint8Array[]): (string | null)[] {
  const whole = decode(region);
  return whole === null ? bytes.map(decode) : whole.split('\n');
}

/**
 * Yields the lines of `source` in order, grouped by the chunk that completes them (one await per
 * chunk, not per line: a first sync reads a million lines); a final fragment without '\n' comes
 * last, unterminated.
 */
export async function* ndjsonLineGroups(source: ByteSource, options: NdjsonOptions = {}): AsyncGenerator<NdjsonLine[]> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  for await (const chunk of chunksOf(source)) {
    const group: NdjsonLine[] = [];
    let start = 0;
    let nl = chunk.indexOf(0x0a);
    if (nl !== -1 && pending.length > 0) {
      // The line begun in earlier chunks: joined (a copy) before it is decoded.
      const length = pendingLength + nl;
      if (length > max) throw new LineTooLongError(max);
      const bytes = concat([...pending, chunk.subarray(0, nl)], length);
      group.push({ bytes, text: decode(bytes), terminated: true });
      pending = [];
      pendingLength = 0;
      start = nl + 1;
      nl = chunk.indexOf(0x0a, start);
    }
    if (nl !== -1) {
      // Every whole line of this chunk, copied once (the caller may keep a line while the source
      // reuses its chunk) and decoded in one call.
      const regionStart = start;
      const own: Uint8Array[] = [];
      for (; nl !== -1; nl = chunk.indexOf(0x0a, start)) {
        if (nl - start > max) throw new LineTooLongError(max);
        own.push(chunk.subarray(start, nl));
        start = nl + 1;
      }
      const region = chunk.slice(regionStart, start - 1);
      const texts = decodeLines(region, own);
      let at = 0;
      own.forEach((view, i) => {
        const bytes = region.subarray(at, at + view.length);
        at += view.length + 1;
        group.push({ bytes, text: texts[i]!, terminated: true });
      });
    }
    if (start < chunk.length) {
      const rest = chunk.slice(start);
      pendingLength += rest.length;
      if (pendingLength > max) throw new LineTooLongError(max);
      pending.push(rest);
    }
    if (group.length > 0) yield group;
  }
  if (pendingLength > 0) {
    const bytes = concat(pending, pendingLength);
    yield [{ bytes, text: decode(bytes), terminated: false }];
  }
}
