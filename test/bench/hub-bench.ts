// The centre hub under a busiest hour ×10 compressed into about a minute: 40 counters, 10 kiosks,
// 3,000 tickets, one display on the event stream. The hub is its own process (the real CLI); the
// machines are paired HubClients here. Measures the call round trip (p50/p99), the time from a
// call to the display hearing it, and the hub's RSS over the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HubClient, pairWithHub } from '../../electron/hub/hub-client';
import { percentile } from '../../electron/hub/day-stats';
import type { QueueService } from '../../electron/hub/queue-types';
import { loadOrCreateDeviceKey } from '../../electron/security/device-signing';
import { addSummary } from './summary';

const CODE = 'BENC-HCOD-E000';
const COUNTERS = 40;
const KIOSKS = 10;
const TICKETS = 3000;
/** 3,000 tickets in this many seconds: a centre's busiest hour ten times over, compressed. */
const ISSUE_SECONDS = 60;

const newKey = () => {
  const store = new Map<string, string>();
  return loadOrCreateDeviceKey({ get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) });
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function startHubProcess(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...(process.env.HUB_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', 'electron/cli/motcua.ts', 'hub', '--port', '0', '--listen', '127.0.0.1', '--db', dbPath, '--pairing-code', CODE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { child, url: first.replace(/^hub: /, '') };
}

export async function runHubBench(): Promise<{ callP50: number; callP99: number; displayP99: number; displayMax: number; rssStart: number; rssEnd: number; called: number; failures: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-hub-bench-'));
  const { child, url } = await startHubProcess(join(dir, 'hub.db'));
  try {
    const pair = async (role: 'kiosk' | 'counter' | 'display') => {
      const key = newKey();
      return new HubClient({ link: await pairWithHub(url, CODE, role, key), key });
    };
    const kiosks: HubClient[] = [];
    for (let i = 0; i < KIOSKS; i++) kiosks.push(await pair('kiosk'));
    const counters: HubClient[] = [];
    for (let i = 0; i < COUNTERS; i++) counters.push(await pair('counter'));
    // Four services, ten counters each.
    const { services } = await counters[0]!.call<{ services: QueueService[] }>('services');
    await counters[0]!.call('setServices', {
      services: services.map((s, i) => ({ ...s, counters: Array.from({ length: COUNTERS / services.length }, (_, j) => String(i * (COUNTERS / services.length) + j + 1)) })),
    });

    const calledAt = new Map<string, number>();
    const displayLatency: number[] = [];
    const seen = new Set<string>();
    const key = newKey();
    const display = new HubClient({
      link: await pairWithHub(url, CODE, 'display', key),
      key,
      onEvent: (topic, payload) => {
        if (topic !== 'queue') return;
        const heard = performance.now();
        for (const c of (payload as { calls: { number: string; counter: string }[] }).calls) {
          const id = `${c.number}|${c.counter}`;
          const at = calledAt.get(id);
          if (at !== undefined && !seen.has(id)) {
            seen.add(id);
            displayLatency.push(heard - at);
          }
        }
      },
    });
    display.start();
    while (display.status().state !== 'online') await sleep(20);

    const rss: number[] = [rssMiB(child.pid!)];
    const sampler = setInterval(() => rss.push(rssMiB(child.pid!)), 1000);
    const callLatency: number[] = [];
    let issued = 0;
    /** Calls that timed out (5 s) on a machine too busy to answer: counted, not hidden. */
    let failures = 0;
    let called = 0;
    const started = performance.now();
    const issuing = kiosks.map(async (kiosk, k) => {
      for (let i = 0; i < TICKETS / KIOSKS; i++) {
        // Spread evenly over ISSUE_SECONDS, kiosk by kiosk.
        const due = started + ((i * KIOSKS + k) * ISSUE_SECONDS * 1000) / TICKETS;
        await sleep(Math.max(0, due - performance.now()));
        await kiosk.call('take', { serviceId: services[(i + k) % services.length]!.id, priority: i % 17 === 0 }).catch(() => failures++);
        issued++;
      }
    });
    const calling = counters.map(async (counter) => {
      while (called < TICKETS) {
        const t0 = performance.now();
        const answer = await counter.call<{ ticket: { number: string; counter: string } | null }>('callNext', { officer: 'bench' }).catch(() => null);
        callLatency.push(performance.now() - t0);
        if (!answer) {
          failures++;
          continue;
        }
        const { ticket } = answer;
        if (!ticket) {
          if (issued >= TICKETS) break;
          await sleep(300);
          continue;
        }
        calledAt.set(`${ticket.number}|${ticket.counter}`, t0);
        called++;
        // Service time, compressed: 0.2 to 0.8 s.
        await sleep(200 + Math.random() * 600);
      }
    });
    await Promise.all([...issuing, ...calling]);
    await sleep(1500);
    clearInterval(sampler);
    display.stop();
    callLatency.sort((a, b) => a - b);
    displayLatency.sort((a, b) => a - b);
    const result = {
      callP50: percentile(callLatency, 0.5)!,
      callP99: percentile(callLatency, 0.99)!,
      displayP99: percentile(displayLatency, 0.99)!,
      displayMax: displayLatency.at(-1)!,
      // After pairing and the first seconds (SQLite cache, JIT) against the end of the run.
      rssStart: rss[Math.min(5, rss.length - 1)]!,
      rssEnd: rss.at(-1)!,
      called,
      failures,
    };
    console.log(
      `hub: ${called} calls by ${COUNTERS} counters, ${TICKETS} tickets from ${KIOSKS} kiosks in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
        `call p50 ${result.callP50.toFixed(1)} ms, p99 ${result.callP99.toFixed(1)} ms; display after a call p99 ${result.displayP99.toFixed(0)} ms (max ${result.displayMax.toFixed(0)} ms); ` +
        `${failures} calls timed out; hub RSS ${result.rssStart.toFixed(0)} → ${result.rssEnd.toFixed(0)} MiB (peak ${Math.max(...rss).toFixed(0)})`,
    );
    addSummary({ benchmark: 'hub: queue call round trip (40 counters, 10 kiosks, 3,000 tickets)', measured: `p99 ${result.callP99.toFixed(1)} ms`, baseline: `p50 ${result.callP50.toFixed(1)} ms`, ratio: `${(result.callP99 / result.callP50).toFixed(1)}×`, goal: 'p99 < 50 ms', met: result.callP99 < 50 });
    addSummary({ benchmark: 'hub: display hears a call', measured: `p99 ${result.displayP99.toFixed(0)} ms`, baseline: `max ${result.displayMax.toFixed(0)} ms`, ratio: '—', goal: '< 1 s', met: result.displayMax < 1000 });
    addSummary({ benchmark: 'hub: RSS over the run', measured: `${result.rssEnd.toFixed(0)} MiB at the end`, baseline: `${result.rssStart.toFixed(0)} MiB after warm-up`, ratio: `${(result.rssEnd / result.rssStart).toFixed(2)}×`, goal: 'flat (< 1.25×)', met: result.rssEnd / result.rssStart < 1.25 });
    return result;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('hub-bench.ts')) void runHubBench().then(() => process.exit(0));
