import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readBodyText } from '../base/http-body';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { appError, type AppErrorData, type ErrorCode } from '../contract';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { EventBus } from './event-bus';
import type { Router } from './router';
import { newSession, type Session } from './session';

export interface WebHostOptions {
  router: Router;
  events: Pick<EventBus, 'subscribe'>;
  /** The built renderer; null serves the API alone (Vite serves the pages in `npm run dev`). */
  staticDir: string | null;
  port?: number;
  /** Per-launch secret; random unless a caller (the dev proxy) needs to know it in advance. */
  token?: string;
}

export interface WebHost {
  /** Opening this URL once hands the token to the browser as a cookie. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'motcua_token';
/** Each browser that hands over the token gets its own session (a technician unlock stays in its tab's browser). */
const SESSION_COOKIE = 'motcua_session';
const MAX_BODY = 256 * 1024;
/**
 * HTTP statuses for refusals by the transport itself. A routed call always answers 200 with its
 * Result: a typed error is an answer, not a failed request.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_INPUT: 400,
  INTERNAL: 500,
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const isLoopback = (address: string | undefined) =>
  address !== undefined && (address === '::1' || /^(::ffff:)?127\./.test(address));

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const cookies = req.headers.cookie?.split(';').map((c) => c.trim().split('=')) ?? [];
  return cookies.find(([k]) => k === name)?.[1];
}

function bearerToken(req: IncomingMessage): string | undefined {
  const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  return m?.[1];
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const sendError = (res: ServerResponse, error: AppErrorData) =>
  sendJson(res, STATUS[error.code] ?? 500, { ok: false, error });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req, MAX_BODY);
  return text ? (JSON.parse(text) as unknown) : {};
}

/**
 * Browser mode: the built renderer and `POST /api/<channel>` on 127.0.0.1 only. Before anything
 * is routed a request must come from loopback, name this host (no DNS rebinding), carry no
 * foreign Origin, and hold the per-launch token (cookie, or Bearer header for tools).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = options.staticDir === null ? null : resolve(options.staticDir);
  // Tools calling with the Bearer header (no session cookie) share one kiosk session.
  const toolSession = newSession();
  const sessions = new Map<string, Session>();
  const sessionOf = (req: IncomingMessage) => sessions.get(cookie(req, SESSION_COOKIE) ?? '') ?? toolSession;
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => sendError(res, appError('INTERNAL')));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress)) return sendError(res, appError('FORBIDDEN'));
    if (!allowedHosts.includes(req.headers.host ?? '')) return sendError(res, appError('FORBIDDEN'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return sendError(res, appError('FORBIDDEN'));

    // The request target read as a path, always: `//x` is not another host, `*` not a crash.
    let url: URL;
    try {
      url = new URL(`http://127.0.0.1/${(req.url ?? '').replace(/^\/+/, '')}`);
    } catch {
      return sendError(res, appError('BAD_INPUT'));
    }
    const offered = url.searchParams.get('token');
    if (req.method === 'GET' && offered !== null) {
      if (!sameSecret(offered, token)) return sendError(res, appError('UNAUTHENTICATED'));
      url.searchParams.delete('token');
      const session = newSession();
      sessions.set(session.id, session);
      res.writeHead(303, {
        // One leading slash only: `//host/` would send the browser elsewhere.
        location: `/${url.pathname.replace(/^\/+/, '')}${url.search}`,
        'set-cookie': [
          `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          `${SESSION_COOKIE}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
        ],
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (!sameSecret(cookie(req, COOKIE) ?? bearerToken(req), token)) return sendError(res, appError('UNAUTHENTICATED'));

    if (url.pathname === '/events' && req.method === 'GET') return streamEvents(req, res);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' });
        return void res.end();
      }
      let input: unknown;
      try {
        input = await readBody(req);
      } catch {
        return sendError(res, appError('BAD_INPUT'));
      }
      const result = await options.router.dispatch(sessionOf(req), url.pathname.slice(5), input);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      return void res.end();
    }
    serveStatic(url.pathname, res);
  }

  /** Server-sent events: one stream per page, carrying what its session's role may see. */
  function streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': motcua\n\n');
    const unsubscribe = options.events.subscribe(sessionOf(req), (event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    req.on('close', unsubscribe);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    if (root === null) return sendJson(res, 404, { ok: false });
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendError(res, appError('BAD_INPUT'));
    }
    const requested = normalize(join(root, decoded));
    const inside = requested.startsWith(root + sep);
    // Client-side routes (/kiosk, /counter …) get the app's page.
    const file = inside && isFile(requested) ? requested : join(root, 'index.html');
    if (!isFile(file)) return sendJson(res, 404, { ok: false });
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
