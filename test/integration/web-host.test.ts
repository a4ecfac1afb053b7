import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES, type Result } from '../../electron/contract';
import { createHost, type Host } from '../../electron/host/create-host';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/csp';
import type { Router } from '../../electron/host/router';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const INDEX = '<!doctype html><html lang="vi"><title>MotCua</title><body>INDEX-PAGE</body></html>';
const APP_JS = 'console.log("motcua app");';
const SECRET = 'TOP-SECRET-OUTSIDE-STATIC';

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let staticDir: string;
let web: WebHost;
let port: number;
const dispatch = vi.fn<Router['dispatch']>();

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = () => ({ authorization: `Bearer ${web.token}` });
const postApi = (channel: string, input: unknown, headers: Record<string, string> = bearer()) =>
  request(`/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
const json = (r: Reply) => JSON.parse(r.body) as Result<unknown>;

beforeAll(async () => {
  tmp = makeTempDir('motcua-web-');
  staticDir = join(tmp.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(tmp.dir, 'secret.txt'), SECRET);
  mkdirSync(join(tmp.dir, 'static-private'));
  writeFileSync(join(tmp.dir, 'static-private', 'secret.txt'), SECRET);
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.sqlite'), demo: true, transport: 'browser', version: 'test', today: () => isoDate('2026-11-23') });
  web = await startWebHost({ router: { dispatch }, events: host.events, staticDir, port: 0 });
  port = Number(new URL(web.origin).port);
});
beforeEach(() => {
  dispatch.mockReset();
  dispatch.mockImplementation((session, channel, input) => host.router.dispatch(session, channel, input));
});
afterAll(async () => {
  await web?.close();
  await host?.close();
  tmp?.cleanup();
});

describe('listening', () => {
  it('listens on 127.0.0.1 with a random port and gives a URL carrying the token', () => {
    expect(new URL(web.origin).hostname).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(web.url).toBe(`${web.origin}/?token=${web.token}`);
    expect(web.token.length).toBeGreaterThanOrEqual(32);
  });

  it('is not reachable on the machine’s network address', async (ctx) => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return ctx.skip();
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: external.address, port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).not.toBe('connected');
  });

  it('two hosts get different tokens', async () => {
    const other = await startWebHost({ router: { dispatch }, events: host.events, staticDir: null, port: 0 });
    try {
      expect(other.token).not.toBe(web.token);
    } finally {
      await other.close();
    }
  });
});

describe('authentication', () => {
  it('an API call without the token is 401 UNAUTHENTICATED and never reaches the router', async () => {
    const r = await postApi('app.info', {}, {});
    expect(r.status).toBe(401);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(json(r)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('with Authorization: Bearer <token> the call is answered', async () => {
    const r = await postApi('app.info', {});
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: true, value: { version: 'test', transport: 'browser', demo: true, centre: { code: 'DEMO-TTHCC-01' } } });
    expect(dispatch).toHaveBeenCalledOnce();
    expect(dispatch.mock.calls[0]![0]).toMatchObject({ role: 'kiosk' });
  });

  it('opening /?token=<token> sets an HttpOnly, SameSite=Strict cookie and redirects to the page without the token', async () => {
    const r = await request(`/?token=${web.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    const cookies = r.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(2);
    const [token, session] = cookies.map((c) => c.split(';').map((a) => a.trim()));
    expect(token![0]).toBe(`motcua_token=${web.token}`);
    expect(session![0]).toMatch(/^motcua_session=[0-9a-f-]{36}$/);
    for (const attributes of [token!, session!]) {
      expect(attributes.map((a) => a.toLowerCase())).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    }
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('keeps the path and other parameters when stripping the token', async () => {
    const r = await request(`/kiosk/start?lang=en&token=${web.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/kiosk/start?lang=en');
  });

  it('never redirects to another host after taking the token', async () => {
    const r = await request(`/.//evil.example/?token=${web.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/evil.example/');
  });

  it('the cookie then authenticates API calls and pages', async () => {
    const login = await request(`/?token=${web.token}`);
    const cookie = login.headers['set-cookie']![0]!.split(';')[0]!;
    const api = await postApi('app.info', {}, { cookie });
    expect(api.status).toBe(200);
    expect(json(api).ok).toBe(true);
    const page = await request('/', { headers: { cookie: `theme=dark; ${cookie}` } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
  });

  it('a wrong token in the URL is 401 and sets no cookie', async () => {
    const r = await request('/?token=wrong');
    expect(r.status).toBe(401);
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    ['a wrong Bearer token', () => ({ authorization: 'Bearer not-the-token' })],
    ['a Bearer token of the right length but wrong', () => ({ authorization: `Bearer ${'x'.repeat(web.token.length)}` })],
    ['the token with a suffix', () => ({ authorization: `Bearer ${web.token}x` })],
    ['a wrong cookie', () => ({ cookie: 'motcua_token=wrong' })],
    ['the token under another cookie name', () => ({ cookie: `other_token=${web.token}` })],
    ['a Basic header', () => ({ authorization: `Basic ${web.token}` })],
  ])('%s is 401 and never reaches the router', async (_label, headers) => {
    const r = await postApi('app.info', {}, headers());
    expect(r.status).toBe(401);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('pages need the token too', async () => {
    const r = await request('/');
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('INDEX-PAGE');
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it.each(['evil.example', `evil.example:${'PORT'}`, '127.0.0.1', 'localhost'])('Host %s is 403 FORBIDDEN, even with the token', async (hostHeader) => {
    const r = await postApi('app.info', {}, { ...bearer(), host: hostHeader.replace('PORT', String(port)) });
    expect(r.status).toBe(403);
    expect(json(r)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('Host localhost:<port> is accepted', async () => {
    const r = await postApi('app.info', {}, { ...bearer(), host: `localhost:${port}` });
    expect(r.status).toBe(200);
  });

  it.each(['http://evil.example', 'null', 'https://127.0.0.1:PORT', 'http://127.0.0.1:1'])('Origin %s is 403, even with the cookie', async (origin) => {
    const r = await postApi('app.info', {}, { cookie: `motcua_token=${web.token}`, origin: origin.replace('PORT', String(port)) });
    expect(r.status).toBe(403);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('its own origin is accepted', async () => {
    expect((await postApi('app.info', {}, { ...bearer(), origin: web.origin })).status).toBe(200);
    expect((await postApi('app.info', {}, { ...bearer(), origin: `http://localhost:${port}` })).status).toBe(200);
  });

  it('a foreign Host is refused before the token is looked at (no cookie handed out)', async () => {
    const r = await request(`/?token=${web.token}`, { headers: { host: 'evil.example' } });
    expect(r.status).toBe(403);
    expect(r.headers['set-cookie']).toBeUndefined();
  });
});

describe('API over HTTP', () => {
  it('only POST is allowed on /api/', async () => {
    const r = await request('/api/app.info', { headers: bearer() });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('POST');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a body that is not JSON is 400 BAD_INPUT and never reaches the router', async () => {
    const r = await request('/api/citizen.open', { method: 'POST', headers: bearer(), body: '{"personalNumber": ' });
    expect(r.status).toBe(400);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a body over 256 KiB is refused and never reaches the router', async () => {
    const big = JSON.stringify({ personalNumber: 'x'.repeat(300 * 1024), birthDate: '1999-05-01' });
    const outcome = await request('/api/citizen.open', { method: 'POST', headers: bearer(), body: big }).then(
      (r) => r.status,
      (e: NodeJS.ErrnoException) => e.code,
    );
    expect(outcome === 400 || outcome === 'ECONNRESET' || outcome === 'EPIPE').toBe(true);
    expect(dispatch).not.toHaveBeenCalled();
    expect((await postApi('app.info', {})).status).toBe(200);
  });

  // A routed call answers 200 with its Result (web-host.ts: "a typed error is an answer, not a failed request").
  it('an unknown channel answers UNKNOWN_CHANNEL', async () => {
    const r = await postApi('files.delete', {});
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('a bad birth date answers BAD_INPUT naming the field', async () => {
    const r = await postApi('citizen.open', { personalNumber: '001099012345', birthDate: 'abc', source: 'typed' });
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: ERROR_MESSAGES.BAD_INPUT, fields: ['birthDate'] } });
  });

  it('a browser session is a kiosk: diagnostics answer FORBIDDEN', async () => {
    const r = await postApi('diagnostics.doctor', {});
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a service error crosses with both messages and no stack', async () => {
    const r = await postApi('citizen.open', { personalNumber: '00309901234x', birthDate: '1999-05-01', source: 'typed' });
    expect(r.status).toBe(200);
    expect(json(r)).toEqual({ ok: false, error: { code: 'PIN_FORMAT', message: ERROR_MESSAGES.PIN_FORMAT, fields: ['personalNumber'] } });
    expect(r.body).not.toMatch(/stack|\.ts:\d+/);
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('reminders come back over HTTP for the citizen the browser session opened', async () => {
    expect(json(await postApi('citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '2021-10-10', source: 'typed' }))).toMatchObject({ ok: true });
    const r = await postApi('proactive.reminders', {});
    expect(r.status).toBe(200);
    expect(json(r)).toMatchObject({ ok: true, value: { reminders: [{ ruleId: 'id-card-renewal', procedureCode: 'CC.CAP-DOI' }] } });
  });

  it('all calls of one browser share one session', async () => {
    await postApi('app.info', {});
    await postApi('session.get', {});
    const [a, b] = dispatch.mock.calls.map((c) => c[0]);
    expect(a!.id).toBe(b!.id);
  });
});

describe('static files', () => {
  const cookie = () => ({ cookie: `motcua_token=${web.token}` });

  it('serve index.html with the Content-Security-Policy and hardening headers', async () => {
    const r = await request('/', { headers: cookie() });
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('the CSP allows only the app’s own code, no inline script or eval, no framing', () => {
    const csp = CONTENT_SECURITY_POLICY;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('serve assets with their type and the CSP', async () => {
    const r = await request('/assets/app.js', { headers: cookie() });
    expect(r.status).toBe(200);
    expect(r.body).toBe(APP_JS);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('client-side routes get the app page', async () => {
    const r = await request('/kiosk/reminders', { headers: cookie() });
    expect(r.status).toBe(200);
    expect(r.body).toBe(INDEX);
  });

  it.each([
    '/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
    '/..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/../../../../../../etc/passwd',
    '/..%5c..%5c..%5c..%5c..%5c..%5cetc/passwd',
    '/%2fetc%2fpasswd',
    '//etc/passwd',
    '/assets/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd',
  ])('path traversal %s never returns /etc/passwd', async (path) => {
    const r = await request(path, { headers: cookie() });
    expect(r.body).not.toMatch(/root:.*:0:0:/);
    if (r.status === 200) expect(r.body).toBe(INDEX);
  });

  it.each(['/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fstatic-private%2fsecret.txt', '/../static-private/secret.txt'])(
    'path traversal %s never returns a file next to the static folder',
    async (path) => {
      const r = await request(path, { headers: cookie() });
      expect(r.body).not.toContain(SECRET);
    },
  );

  it('the secret files really exist (so the traversal tests mean something)', () => {
    expect(readFileSync(join(tmp.dir, 'secret.txt'), 'utf8')).toBe(SECRET);
    expect(readFileSync('/etc/passwd', 'utf8')).toMatch(/root:.*:0:0:/);
  });

  it('a malformed percent-encoding is an error, and the server keeps serving', async () => {
    const r = await request('/%E0%A4%A', { headers: cookie() });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(r.body).not.toContain('URIError');
    expect((await request('/', { headers: cookie() })).status).toBe(200);
  });

  it('a request target of "//" is a path, not a crash (found by fuzzing: it was 500 INTERNAL)', async () => {
    expect((await request('//', { method: 'POST', headers: cookie(), body: '{}' })).status).toBe(405);
    expect((await request('//api/kiosk.options', { method: 'POST', headers: cookie(), body: '{}' })).status).toBe(200);
  });

  it('other methods than GET/HEAD on pages are 405', async () => {
    const r = await request('/index.html', { method: 'PUT', headers: cookie(), body: 'x' });
    expect(r.status).toBe(405);
  });

  it('with no static folder, pages are 404 and the API still works', async () => {
    const apiOnly = await startWebHost({ router: { dispatch }, events: host.events, staticDir: null, port: 0 });
    const savedPort = port;
    port = Number(new URL(apiOnly.origin).port);
    try {
      const page = await request('/', { headers: { authorization: `Bearer ${apiOnly.token}` } });
      expect(page.status).toBe(404);
      const api = await postApi('app.info', {}, { authorization: `Bearer ${apiOnly.token}` });
      expect(api.status).toBe(200);
    } finally {
      port = savedPort;
      await apiOnly.close();
    }
  });
});

describe('robustness', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
  });

  // Regression: serveStatic() used to pipe createReadStream(index.html) with no 'error' listener, so
  // with no index.html (e.g. `motcua start` before `npm run build`) one page request emitted an
  // unhandled 'error' event and the whole host process exited. Runs in a child process for that reason.
  it('a page request when index.html is missing does not bring the host process down', async () => {
    const emptyStatic = join(tmp.dir, 'empty-static');
    mkdirSync(emptyStatic);
    child = spawn(process.execPath, ['--import', 'tsx', join('test', 'support', 'web-host-child.ts'), emptyStatic], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = child;
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    const ready = await new Promise<{ origin: string; token: string }>((resolve, reject) => {
      let out = '';
      running.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { origin: string; token: string });
      });
      running.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    const auth = { authorization: `Bearer ${ready.token}` };
    const first = await fetch(`${ready.origin}/kiosk`, { headers: auth }).then(
      async (r) => ({ status: r.status, body: await r.text().catch(() => '') }),
      () => ({ status: 0, body: '' }),
    );
    const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 500))]);
    expect(gone, 'the host process exited').toBe(false);
    expect(first.status).toBeGreaterThanOrEqual(400);
    const second = await fetch(`${ready.origin}/api/app.info`, { method: 'POST', headers: auth, body: '{}' });
    expect(second.status).toBe(200);
  }, 20_000);
});
