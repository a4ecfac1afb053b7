import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineTooLongError, ndjsonLineGroups, type NdjsonLine } from '../../electron/sync/ndjson-stream';

const enc = new TextEncoder();

/** Cuts `bytes` at the given offsets (any order, duplicates allowed). */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const p of [...points, bytes.length]) {
    if (p > at) out.push(bytes.slice(at, p));
    at = Math.max(at, p);
  }
  return out;
}

function webStream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

async function collect(source: Parameters<typeof ndjsonLineGroups>[0], maxLineBytes?: number): Promise<NdjsonLine[]> {
  const lines: NdjsonLine[] = [];
  for await (const group of ndjsonLineGroups(source, { maxLineBytes })) lines.push(...group);
  return lines;
}

const simple = (lines: NdjsonLine[]) => lines.map((l) => ({ bytes: Buffer.from(l.bytes).toString('hex'), text: l.text, terminated: l.terminated }));

describe('ndjsonLineGroups', () => {
  it('yields each line with its exact bytes and text', async () => {
    const body = enc.encode('{"a":1}\n{"name":"Nguyễn Văn An"}\n');
    const lines = await collect(webStream([body]));
    expect(lines.map((l) => l.text)).toEqual(['{"a":1}', '{"name":"Nguyễn Văn An"}']);
    expect(lines.every((l) => l.terminated)).toBe(true);
    expect(Buffer.concat(lines.flatMap((l) => [Buffer.from(l.bytes), Buffer.from('\n')]))).toEqual(Buffer.from(body));
  });

  it('joins a multi-byte character split across chunks', async () => {
    const body = enc.encode('"ễ"\n');
    // 'ễ' is 3 bytes: cut inside it at each position.
    for (const cut of [2, 3]) {
      const lines = await collect(webStream([body.slice(0, cut), body.slice(cut)]));
      expect(lines.map((l) => l.text)).toEqual(['"ễ"']);
    }
    const oneByOne = await collect(webStream([...body].map((b) => new Uint8Array([b]))));
    expect(oneByOne.map((l) => l.text)).toEqual(['"ễ"']);
  });

  it('yields a last fragment without newline as unterminated', async () => {
    const lines = await collect(webStream([enc.encode('{"a":1}\n{"b"')]));
    expect(lines.map((l) => [l.text, l.terminated])).toEqual([
      ['{"a":1}', true],
      ['{"b"', false],
    ]);
  });

  it('reads a Node Readable too', async () => {
    const lines = await collect(Readable.from([Buffer.from('x\ny'), Buffer.from('z\n')]));
    expect(lines.map((l) => l.text)).toEqual(['x', 'yz']);
  });

  it('gives null text for invalid UTF-8, keeping the bytes', async () => {
    const lines = await collect(webStream([new Uint8Array([0x22, 0xc3, 0x22, 0x0a])]));
    expect(lines[0]!.text).toBeNull();
    expect([...lines[0]!.bytes]).toEqual([0x22, 0xc3, 0x22]);
  });

  it('gives null text only to the invalid line of a chunk, its neighbours decoded', async () => {
    const body = Buffer.concat([Buffer.from('"Đặng"\n'), Buffer.from([0x22, 0xc3, 0x22, 0x0a]), Buffer.from('"Hường"\n')]);
    const lines = await collect(webStream([new Uint8Array(body)]));
    expect(lines.map((l) => l.text)).toEqual(['"Đặng"', null, '"Hường"']);
  });

  it('refuses a line longer than maxLineBytes, with or without a newline', async () => {
    await expect(collect(webStream([enc.encode('0123456789\n')]), 5)).rejects.toBeInstanceOf(LineTooLongError);
    await expect(collect(webStream([enc.encode('0123'), enc.encode('456789')]), 5)).rejects.toBeInstanceOf(LineTooLongError);
  });

  it('yields lines before the stream ends (streaming, not buffering)', async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
    const it = ndjsonLineGroups(stream);
    controller.enqueue(enc.encode('first\nsec'));
    const first = await it.next();
    expect(first.value).toMatchObject([{ text: 'first', terminated: true }]);
    controller.enqueue(enc.encode('ond\n'));
    controller.close();
    expect((await it.next()).value).toMatchObject([{ text: 'second' }]);
    expect((await it.next()).done).toBe(true);
  });

  it('property: any chunking of a body yields the same lines and bytes', async () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom('{"name":"Trần Thị Ánh Tuyết"}', '😀🇻🇳', 'ễẫậ'),
    ).map((s) => s.replace(/\n/g, ' '));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (lines, trailingNewline, cuts) => {
          const text = lines.join('\n') + (trailingNewline && lines.length > 0 ? '\n' : '');
          const body = enc.encode(text);
          const whole = simple(await collect(webStream(body.length ? [body] : [])));
          const chunked = simple(await collect(webStream(chunk(body, cuts))));
          expect(chunked).toEqual(whole);
          // Reassembled, the lines are the body byte for byte.
          const rebuilt = Buffer.concat(chunked.map((l) => Buffer.from(l.bytes + (l.terminated ? '0a' : ''), 'hex')));
          expect(rebuilt).toEqual(Buffer.from(body));
        },
      ),
      { numRuns: 300 },
    );
  });
});
