// The centre hub under a busiest hour ×10 compressed into about a minute: 40 counters, 10 kiosks,
// 3,000 tickets, one display on the event stream. The hub is its own process (the real CLI); the
// machines are paired HubClients here. Measures the call round trip (p50/p99/max), the time from a
// call to the display hearing it, and the hub's RSS over the run; beside them, the same machine's
// bare HTTP round trip measured at the same time (test/bench/echo-baseline.ts) and its load.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HubClient, pairWithHub } from '../../electron/hub/hub-client';
import { percentile } from '../../electron/hub/day-stats';
import type { QueueService } from '../../electron/hub/queue-types';
import { loadOrCreateDeviceKey } from '../../electron/security/device-signing';
import { startEchoProbe } from './echo-baseline';
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

export interface HubBenchResult {
  callP50: number;
  callP99: number;
  callMax: number;
  /** The hub's own share of a call (Server-Timing): p50 and p99. */
  hubP50: number;
  hubP99: number;
  displayP50: number;
  displayP99: number;
  displayMax: number;
  /** A bare HTTP round trip on the same machine at the same time: p50 and p99. */
  echoP50: number;
  echoP99: number;
  rssStart: number;
  rssPeak: number;
  rssEnd: number;
  called: number;
  failures: number;
  /** The machine's 1-minute load average at the start and at the end. */
  load: [number, number];
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

export async function runHubBench(): Promise<HubBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-hub-bench-'));
  const { child, url } = await startHubProcess(join(dir, 'hub.db'));
  try {
    const kiosks: HubClient[] = [];
    for (let i = 0; i < KIOSKS; i++) {
      const kioskKey = newKey();
      kiosks.push(new HubClient({ link: await pairWithHub(url, CODE, 'kiosk', kioskKey), key: kioskKey }));
    }
    const counters: HubClient[] = [];
    /** The hub's own time on each call (Server-Timing), apart from the machine's scheduling of both processes. */
    const hubTime: number[] = [];
    let measuring = false;
    for (let i = 0; i < COUNTERS; i++) {
      const counterKey = newKey();
      const link = await pairWithHub(url, CODE, 'counter', counterKey);
      counters.push(new HubClient({ link, key: counterKey, onHubTiming: (op, ms) => measuring && op === 'callNext' && hubTime.push(ms) }));
    }
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

    const loadStart = loadavg()[0]!;
    const echo = await startEchoProbe();
    const rss: number[] = [rssMiB(child.pid!)];
    const sampler = setInterval(() => rss.push(rssMiB(child.pid!)), 1000);
    const callLatency: number[] = [];
    let issued = 0;
    /** Calls that timed out (5 s) on a machine too busy to answer: counted, not hidden. */
    let failures = 0;
    let called = 0;
    const started = performance.now();
    measuring = true;
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
    const echoLatency = echo.stop().sort((a, b) => a - b);
    display.stop();
    callLatency.sort((a, b) => a - b);
    hubTime.sort((a, b) => a - b);
    displayLatency.sort((a, b) => a - b);
    const result: HubBenchResult = {
      callP50: percentile(callLatency, 0.5)!,
      callP99: percentile(callLatency, 0.99)!,
      callMax: callLatency.at(-1)!,
      hubP50: percentile(hubTime, 0.5)!,
      hubP99: percentile(hubTime, 0.99)!,
      displayP50: percentile(displayLatency, 0.5)!,
      displayP99: percentile(displayLatency, 0.99)!,
      displayMax: displayLatency.at(-1)!,
      echoP50: percentile(echoLatency, 0.5)!,
      echoP99: percentile(echoLatency, 0.99)!,
      // After pairing and the first seconds (SQLite cache, JIT) against the end of the run.
      rssStart: rss[Math.min(5, rss.length - 1)]!,
      rssPeak: Math.max(...rss),
      rssEnd: rss.at(-1)!,
      called,
      failures,
      load: [loadStart, loadavg()[0]!],
    };
    const r = result;
    console.log(
      `hub: ${called} calls by ${COUNTERS} counters, ${TICKETS} tickets from ${KIOSKS} kiosks in ${((performance.now() - started) / 1000).toFixed(0)} s (load ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} on ${cpus().length} cores)\n` +
        `  call round trip   p50 ${ms(r.callP50)}, p99 ${ms(r.callP99)}, max ${ms(r.callMax)}; ${failures} timed out\n` +
        `  of which in the hub (Server-Timing)   p50 ${ms(r.hubP50)}, p99 ${ms(r.hubP99)}\n` +
        `  bare HTTP (same machine, same time)  p50 ${ms(r.echoP50)}, p99 ${ms(r.echoP99)}\n` +
        `  display after a call   p50 ${ms(r.displayP50)}, p99 ${ms(r.displayP99)}, max ${ms(r.displayMax)}\n` +
        `  hub RSS  ${r.rssStart.toFixed(0)} MiB after warm-up, peak ${r.rssPeak.toFixed(0)}, end ${r.rssEnd.toFixed(0)}`,
    );
    addSummary({ benchmark: 'hub: queue call round trip (40 counters, 10 kiosks, 3,000 tickets)', measured: `p99 ${ms(r.callP99)} (p50 ${ms(r.callP50)}, max ${ms(r.callMax)}; in the hub p99 ${ms(r.hubP99)})`, baseline: `bare HTTP p99 ${ms(r.echoP99)} (load ${r.load[0].toFixed(1)})`, ratio: `${(r.callP99 / r.echoP99).toFixed(1)}×`, goal: 'p99 < 50 ms', met: r.callP99 < 50 });
    addSummary({ benchmark: 'hub: display hears a call', measured: `max ${ms(r.displayMax)}`, baseline: `p50 ${ms(r.displayP50)}`, ratio: '—', goal: '< 1 s', met: r.displayMax < 1000 });
    addSummary({ benchmark: 'hub: RSS over the run', measured: `${r.rssEnd.toFixed(0)} MiB at the end (peak ${r.rssPeak.toFixed(0)})`, baseline: `${r.rssStart.toFixed(0)} MiB after warm-up`, ratio: `${(r.rssPeak / r.rssStart).toFixed(2)}×`, goal: 'flat (peak < 1.25×)', met: r.rssPeak / r.rssStart < 1.25 });
    return result;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('hub-bench.ts')) void runHubBench().then(() => process.exit(0));
