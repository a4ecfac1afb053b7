// The floor of an HTTP round trip on this machine as it is now: a server in its own process that
// answers at once, called at a steady pace while the benchmark runs. On a shared, loaded machine
// its p99 says how much of the hub's figure is the machine's scheduling, not the hub.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SERVER = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.end('{}')); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`;

export interface EchoProbe {
  /** Stops the probing and the server; the round trips measured, in ms. */
  stop(): number[];
}

export async function startEchoProbe(everyMs = 50): Promise<EchoProbe> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const url = `http://127.0.0.1:${port}/`;
  const times: number[] = [];
  const timer = setInterval(() => {
    const t0 = performance.now();
    void fetch(url, { method: 'POST', body: '{"officer":"bench"}' })
      .then((res) => res.text())
      .then(() => times.push(performance.now() - t0))
      .catch(() => undefined);
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      child.kill('SIGTERM');
      return times;
    },
  };
}
