/**
 * The central-system simulator as a program: `npm run central -- --cases 1000 --port 0`.
 * Prints one JSON line {url, publicKeyPem, token} once listening; SIGINT/SIGTERM stop it.
 */
import { parseArgs } from 'node:util';
import type { Faults } from './faults';
import { startCentralSim } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    cases: { type: 'string', default: '100' },
    seed: { type: 'string', default: 'motcua' },
    token: { type: 'string' },
    'enrolment-code': { type: 'string', multiple: true },
    'key-dir': { type: 'string' },
    db: { type: 'string', default: ':memory:' },
    'latency-ms': { type: 'string' },
    'fail-next': { type: 'string' },
    'fail-status': { type: 'string', default: '503' },
    'retry-after': { type: 'string', default: '1' },
    'cut-after-bytes': { type: 'string' },
    'bad-signature': { type: 'boolean' },
    'duplicate-lines': { type: 'boolean' },
    down: { type: 'boolean' },
    'lose-dossier-reply': { type: 'boolean' },
    'lose-audit-reply': { type: 'boolean' },
    'drip-bytes': { type: 'string' },
    'drip-tick-ms': { type: 'string', default: '10' },
    'no-compression': { type: 'boolean' },
  },
  strict: true,
});

const int = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer`);
  return Number(text);
};

const faults: Faults = {
  latencyMs: int('latency-ms', values['latency-ms']),
  cutAfterBytes: int('cut-after-bytes', values['cut-after-bytes']),
  badSignature: values['bad-signature'],
  duplicateLines: values['duplicate-lines'],
  down: values.down,
  loseDossierReply: values['lose-dossier-reply'],
  loseAuditReply: values['lose-audit-reply'],
};
const failCount = int('fail-next', values['fail-next']);
if (failCount) {
  const status = int('fail-status', values['fail-status']);
  if (status !== 429 && status !== 503) throw new Error('--fail-status must be 429 or 503');
  faults.failNext = { count: failCount, status, retryAfterSeconds: int('retry-after', values['retry-after']) ?? 1 };
}
const dripBytes = int('drip-bytes', values['drip-bytes']);
if (dripBytes) faults.drip = { bytes: dripBytes, tickMs: int('drip-tick-ms', values['drip-tick-ms']) ?? 10 };

void (async () => {
  const sim = await startCentralSim({
    port: int('port', values.port),
    cases: int('cases', values.cases),
    seed: values.seed,
    token: values.token,
    keyDir: values['key-dir'],
    enrolmentCodes: values['enrolment-code'] ?? [],
    db: values.db,
    compress: !values['no-compression'],
    faults: Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)) as Faults,
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url, publicKeyPem: sim.publicKeyPem, token: sim.token })}\n`);
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})();
