import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { APP_HOST, APP_SCHEME } from './origin';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Must run before the app is ready: Chromium fixes its scheme table at start-up. `standard` gives
 * app://motcua/ a real origin (relative URLs, History API), `secure` makes it a secure context.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer at app://motcua/ (after ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, rendererHandler(rendererDir));
}

/** Every response carries the same CSP as browser mode; the page cannot loosen it. */
function headers(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
}

export function rendererHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...headers('text/plain'), allow: 'GET, HEAD' } });
    }
    const file = await fileFor(root, new URL(request.url));
    if (file === null) return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers: headers(TYPES[extname(file)] ?? 'application/octet-stream') });
  };
}

/** The file under `root` a URL names, or null: foreign host, traversal, or a missing asset. */
async function fileFor(root: string, url: URL): Promise<string | null> {
  if (url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null; // a malformed %-escape
  }
  // The URL parser has resolved literal ../ already; what reaches here are encoded ones (%2F, %5C).
  if (path.includes('\\') || path.includes('\0') || path.split('/').includes('..')) return null;
  const target = resolve(root, `.${path}`);
  if (target !== root && !target.startsWith(root + sep)) return null;
  if (await isFile(target)) return target;
  // Client routes (/kiosk, /counter …) get the app's page; a missing asset stays a 404.
  return extname(target) === '' ? join(root, 'index.html') : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
