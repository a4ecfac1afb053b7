import assert from 'node:assert/strict';
import net from 'node:net';
import fc from 'fast-check';
import type { AppErrorData } from '../../electron/contract';
import { assertLocalizedError, fuzzTarget, type AnyFuzzTarget } from './fuzz-target';
import { OUTSIDE_SECRET, WEB_TOKEN, type FuzzHost } from './fuzz-host';
import { hostileText, mutatedJson } from './mutate';

// Browser mode's request parsing (web-host.ts): method, path, Host, Origin, the token in a cookie
// or a Bearer header, the session cookie and the JSON body, sent as raw bytes over a socket so
// that even malformed HTTP reaches the server. Whatever arrives, the server answers a status it
// means (never 500), a JSON refusal with vi+en text, never a file outside its folder, and stays up.

const ANSWERS = [200, 303, 400, 401, 403, 404, 405, 413, 431];
const PATHS = ['/api/kiosk.options', '/api/citizen.open', '/api/technician.unlock', '/api/nope', '/', '/kiosk', '/assets/app.js', `/?token=${WEB_TOKEN}`, '/?token=wrong', '/..%2f..%2fsecret.txt', '/%E0%A4%A', '//evil.example/'];
const BODIES = [{}, { personalNumber: '001099012345', birthDate: '1999-03-15', source: 'typed' }, { pin: '246810' }];

const request = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'POST', 'POST', 'HEAD', 'PUT', 'OPTIONS'), hostileText(['POST'], 10)),
  path: hostileText(PATHS, 120),
  host: fc.constantFrom('good', 'localhost', 'evil.example', 'none', 'garbage'),
  origin: fc.constantFrom(undefined, 'good', 'http://evil.example', 'null'),
  auth: fc.constantFrom('cookie', 'bearer', 'wrong-cookie', 'none', 'garbage'),
  body: fc.oneof(mutatedJson(BODIES), fc.string({ unit: 'binary', maxLength: 200 })),
  garbage: hostileText(['motcua_token=x; motcua_session=y', 'Bearer x'], 80),
});
type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

function rawRequest(r: Request, port: number): Buffer {
  const good = `127.0.0.1:${port}`;
  const host = { good, localhost: `localhost:${port}`, 'evil.example': 'evil.example', none: null, garbage: r.garbage }[r.host];
  const auth = { cookie: `Cookie: motcua_token=${WEB_TOKEN}`, bearer: `Authorization: Bearer ${WEB_TOKEN}`, 'wrong-cookie': 'Cookie: motcua_token=wrong; motcua_session=x', none: null, garbage: `Cookie: ${r.garbage}` }[r.auth];
  const origin = r.origin === undefined ? null : `Origin: ${r.origin === 'good' ? `http://${good}` : r.origin}`;
  const body = Buffer.from(r.body, 'utf8');
  const head = [`${r.method} ${r.path} HTTP/1.1`, host === null ? null : `Host: ${host}`, auth, origin, 'Content-Type: application/json', `Content-Length: ${body.length}`, 'Connection: close']
    .filter((l) => l !== null)
    .join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), body]);
}

/** The raw answer, read until the server closes; an event stream is cut once it has begun. */
function send(bytes: Buffer, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer within 4 s'));
    }, 4000);
    const done = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (!Buffer.concat(chunks).includes('text/event-stream')) return;
      socket.destroy();
      done();
    });
    socket.on('end', done);
    socket.on('close', done);
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done() : reject(e)));
    socket.end(bytes);
  });
}

export function webHostTarget(fuzzHost: () => FuzzHost): AnyFuzzTarget {
  return fuzzTarget({
    name: 'browser mode: raw HTTP requests (path, Host, Origin, token, cookies, body)',
    covers: ['startWebHost'],
    inputs: () => request,
    check: async (r) => {
      const { origin } = await fuzzHost().web();
      const port = Number(new URL(origin).port);
      const answer = await send(rawRequest(r, port), port);
      assert.ok(!answer.includes(OUTSIDE_SECRET), 'served a file outside its folder');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      if (status === undefined) return assert.equal(answer, '', 'an answer without a status line');
      assert.ok(ANSWERS.includes(Number(status)), `HTTP ${status}`);
      const json = answer.includes('application/json') ? answer.slice(answer.indexOf('\r\n\r\n') + 4) : '';
      if (json.startsWith('{"ok":false,"error"')) assertLocalizedError((JSON.parse(json) as { error: AppErrorData }).error);
    },
  });
}
