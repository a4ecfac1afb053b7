import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, rendererHandler, serveRenderer } from '../../electron/app/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/host/csp';

// protocol.ts receives `protocol` as a parameter and imports only Electron's types.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by protocol.ts');
});

const INDEX = '<!doctype html><title>MotCua</title>';
const SECRET = 'not for the renderer';
let base: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(() => {
  // base/renderer is served; base/secret.txt sits next to it and must stay out of reach.
  base = mkdtempSync(join(tmpdir(), 'motcua-protocol-'));
  mkdirSync(join(base, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(base, 'renderer', 'index.html'), INDEX);
  writeFileSync(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  serve = rendererHandler(join(base, 'renderer'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// scheme', () => {
  it('is registered privileged: standard, secure, fetch', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('is handled by the renderer handler', () => {
    const protocol = { handle: vi.fn() };
    serveRenderer(protocol, join(base, 'renderer'));
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });
});

describe('renderer handler', () => {
  it.each(['app://motcua/kiosk', 'app://motcua/', 'app://motcua/counter?x=1'])('serves index.html with the CSP for %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(INDEX);
  });

  it('serves assets with their type and the CSP', async () => {
    const res = await get('app://motcua/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toBe('console.log(1)');
  });

  it.each([
    'app://motcua/..%2Fsecret.txt',
    'app://motcua/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://motcua/%2e%2e%2fsecret.txt',
    'app://motcua/assets%2F..%2F..%2Fsecret.txt',
    'app://motcua/..%5Csecret.txt',
    'app://motcua/..\\secret.txt',
    'app://motcua/%00',
    'app://motcua/%E0%A4%A',
    // The URL parser resolves literal ../ first: this arrives as /secret.txt, which is not there.
    'app://motcua/../secret.txt',
  ])('404s traversal: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(SECRET);
  });

  it('resolves literal ../../etc/passwd inside the app (the URL parser does), never to the real file', async () => {
    const res = await get('app://motcua/../../etc/passwd');
    expect(await res.text()).toBe(INDEX); // /etc/passwd is a client route to the app
  });

  it('404s a missing asset and a foreign host; refuses other methods', async () => {
    expect((await get('app://motcua/assets/missing.js')).status).toBe(404);
    expect((await get('app://evil/kiosk')).status).toBe(404);
    expect((await get('app://motcua/kiosk', 'POST')).status).toBe(405);
  });
});
