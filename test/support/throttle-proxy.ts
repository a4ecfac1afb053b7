/**
 * A weak link on loopback, in userspace (the kernel here has no netem): a TCP proxy in front of a
 * server that gives every byte the link's bandwidth and half the round trip in each direction,
 * counts the bytes on the wire, and can cut the connection after N bytes towards the client.
 * One link per proxy: connections share its bandwidth as they would share a rural centre's line.
 */
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ThrottleOptions {
  /** The server behind the link. */
  target: { host: string; port: number };
  /** Bits per second each way; default unlimited. */
  bitsPerSecond?: number;
  /** Round-trip time; half is added each way. Default 0. */
  rttMs?: number;
  /** Cut the next connection that carries this many bytes towards the client (once). */
  cutAfterBytes?: number;
}

export interface ThrottleProxy {
  url: string;
  /** Bytes delivered towards the client (the server's answers), and towards the server. */
  bytesDown(): number;
  bytesUp(): number;
  /** When the link last carried a byte towards the client (performance.now()), and when it first did. */
  downWindow(): { first: number | null; last: number | null };
  /** Cut after this many more bytes towards the client (once). */
  cutAfter(bytes: number): void;
  /** How many connections the link cut. */
  cuts(): number;
  close(): Promise<void>;
}

/** Slices small enough that the link's pace is smooth at a few hundred kilobytes per second. */
const SLICE = 4096;

interface Delivery {
  at: number;
  bytes: Buffer;
  to: Socket;
  from: Socket;
}

/** One direction of the link: serialises bytes at its rate, delivers them a one-way delay later, in order. */
class Direction {
  private freeAt = 0;
  private queue: Delivery[] = [];
  private timer: NodeJS.Timeout | null = null;
  private queued = new Map<Socket, number>();
  delivered = 0;
  first: number | null = null;
  last: number | null = null;

  constructor(
    private readonly bytesPerMs: number,
    private readonly delayMs: number,
    /** Called with what is about to be delivered; returns the part to deliver (a cut). */
    private readonly beforeDeliver: (d: Delivery) => Buffer,
  ) {}

  /** Bytes held on the link for a connection beyond which its source is paused: the link's bandwidth-delay product and a window more. */
  private get highWater(): number {
    return Number.isFinite(this.bytesPerMs) ? Math.max(64 * 1024, this.bytesPerMs * this.delayMs * 2 + 64 * 1024) : 1 << 20;
  }

  send(from: Socket, to: Socket, chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i += SLICE) {
      const bytes = chunk.subarray(i, i + SLICE);
      const now = performance.now();
      const start = Math.max(now, this.freeAt);
      this.freeAt = start + bytes.length / this.bytesPerMs;
      this.queue.push({ at: this.freeAt + this.delayMs, bytes, to, from });
      this.queued.set(from, (this.queued.get(from) ?? 0) + bytes.length);
    }
    if ((this.queued.get(from) ?? 0) > this.highWater) from.pause();
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => this.pump(), Math.max(0, this.queue[0]!.at - performance.now()));
  }

  private pump(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.at <= now + 1) {
      const d = this.queue.shift()!;
      const left = (this.queued.get(d.from) ?? 0) - d.bytes.length;
      this.queued.set(d.from, left);
      if (left <= this.highWater / 2 && d.from.isPaused()) d.from.resume();
      if (d.to.destroyed) continue;
      const bytes = this.beforeDeliver(d);
      if (bytes.length > 0) {
        d.to.write(bytes);
        this.delivered += bytes.length;
        this.first ??= now;
        this.last = now;
      }
    }
    this.arm();
  }

  /** Drops what a closed connection still had on the link. */
  forget(socket: Socket): void {
    this.queue = this.queue.filter((d) => d.from !== socket && d.to !== socket);
    this.queued.delete(socket);
  }
}

export async function startThrottleProxy(options: ThrottleOptions): Promise<ThrottleProxy> {
  const bytesPerMs = options.bitsPerSecond ? options.bitsPerSecond / 8 / 1000 : Infinity;
  const delayMs = (options.rttMs ?? 0) / 2;
  let cutAt: number | null = options.cutAfterBytes ?? null;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const cutOff = new WeakSet<Socket>();

  const down = new Direction(bytesPerMs, delayMs, (d) => {
    if (cutOff.has(d.to)) return d.bytes.subarray(0, 0);
    if (cutAt === null) return d.bytes;
    const room = cutAt - down.delivered;
    if (room > d.bytes.length) return d.bytes;
    // The cut: what fits goes out, then both sides of this connection are torn down.
    cutAt = null;
    cuts++;
    const part = d.bytes.subarray(0, Math.max(0, room));
    const client = d.to;
    cutOff.add(client);
    setImmediate(() => {
      client.destroy();
      d.from.destroy();
    });
    return part;
  });
  const up = new Direction(bytesPerMs, delayMs, (d) => d.bytes);

  const server = net.createServer((client) => {
    const upstream = net.connect(options.target.port, options.target.host);
    for (const s of [client, upstream]) sockets.add(s);
    client.on('data', (chunk: Buffer) => up.send(client, upstream, chunk));
    upstream.on('data', (chunk: Buffer) => down.send(upstream, client, chunk));
    const close = (): void => {
      for (const s of [client, upstream]) {
        s.destroy();
        sockets.delete(s);
        up.forget(s);
        down.forget(s);
      }
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesDown: () => down.delivered,
    bytesUp: () => up.delivered,
    downWindow: () => ({ first: down.first, last: down.last }),
    cutAfter: (bytes) => void (cutAt = down.delivered + bytes),
    cuts: () => cuts,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
