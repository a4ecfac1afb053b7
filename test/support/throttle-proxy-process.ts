/**
 * The throttling proxy in a process of its own, so that the link keeps its pace whatever the
 * simulator or the client do with their CPU (in one process, a busy event loop would stall the
 * link's timers). `startThrottleProcess()` forks it; its counters are asked for over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { startThrottleProxy, type ThrottleOptions } from './throttle-proxy';

export interface LinkStats {
  bytesDown: number;
  bytesUp: number;
  first: number | null;
  last: number | null;
  cuts: number;
}

type Ask = { op: 'stats' } | { op: 'cut'; bytes: number };
type Request = Ask & { id: number };

export interface ThrottleProcess {
  url: string;
  stats(): Promise<LinkStats>;
  cutAfter(bytes: number): Promise<void>;
  close(): Promise<void>;
}

export async function startThrottleProcess(options: ThrottleOptions): Promise<ThrottleProcess> {
  const child: ChildProcess = fork(__filename, [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [ready] = (await once(child, 'message')) as [{ url: string }];
  let ids = 0;
  const ask = async <T>(request: Ask): Promise<T> => {
    const id = ++ids;
    const answer = new Promise<T>((resolve) => {
      const on = (m: { id: number; value: T }) => {
        if (m.id !== id) return;
        child.off('message', on);
        resolve(m.value);
      };
      child.on('message', on);
    });
    child.send({ ...request, id });
    return answer;
  };
  return {
    url: ready.url,
    stats: () => ask<LinkStats>({ op: 'stats' }),
    cutAfter: (bytes) => ask<void>({ op: 'cut', bytes }),
    close: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

async function serve(options: ThrottleOptions): Promise<void> {
  const proxy = await startThrottleProxy(options);
  process.on('message', (m: Request) => {
    if (m.op === 'cut') proxy.cutAfter(m.bytes);
    const { first, last } = proxy.downWindow();
    const value = m.op === 'stats' ? { bytesDown: proxy.bytesDown(), bytesUp: proxy.bytesUp(), first, last, cuts: proxy.cuts() } : null;
    process.send?.({ id: m.id, value });
  });
  process.on('SIGTERM', () => void proxy.close().then(() => process.exit(0)));
  process.send?.({ url: proxy.url });
}

if (require.main === module) void serve(JSON.parse(process.argv[2] ?? '{}') as ThrottleOptions);
