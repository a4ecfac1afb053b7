import type { AppErrorData } from '../../electron/contract';

/** A channel call that answered with a typed error: the code is what a soak or a test checks. */
export class ChannelError extends Error {
  constructor(
    readonly channel: string,
    readonly error: AppErrorData,
  ) {
    super(`${channel}: ${error.code}`);
  }
}

/**
 * Calls browser mode over HTTP as the renderer does: one browser (its own session cookie, got by
 * opening the URL with the token once), then `POST /api/<channel>` with the JSON input.
 */
export class BrowserModeClient {
  private constructor(
    private readonly origin: string,
    private readonly cookies: string,
  ) {}

  /** Opens the printed URL like a browser's first visit: the 303 hands over the token and a new session as cookies. */
  static async open(url: string): Promise<BrowserModeClient> {
    const res = await fetch(url, { redirect: 'manual' });
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
    if (res.status !== 303 || cookies.length !== 2) throw new Error(`opening ${new URL(url).origin}: HTTP ${res.status}, ${cookies.length} cookies`);
    return new BrowserModeClient(new URL(url).origin, cookies.join('; '));
  }

  async call<T>(channel: string, input: unknown = {}): Promise<T> {
    const res = await fetch(`${this.origin}/api/${channel}`, { method: 'POST', headers: { cookie: this.cookies }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: AppErrorData };
    if (!body.ok) throw new ChannelError(channel, body.error);
    return body.value;
  }
}
