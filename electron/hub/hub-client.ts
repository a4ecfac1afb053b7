import type { KeyObject } from 'node:crypto';
import { backoffMs } from '../sync/backoff';
import type { DeviceKey } from '../security/device-signing';
import type { HubTopic } from './hub-ops';
import { answerText, codeProof, ed25519PublicKey, eventText, HEADER, newNonce, pairAnswerText, pairRequestText, provesCode, publicKeyPem, signedHeaders, signText, verifyText } from './hub-wire';
import type { MachineRole } from './pairing';
import { SseParser } from './sse-lines';

/** What a machine keeps after pairing: where the hub is, its pinned key, and who this machine is to it. */
export interface HubLink {
  url: string;
  hubPublicKey: string;
  role: MachineRole;
  label: string;
}

/** The hub did not answer (down, unreachable, timed out, or an answer not signed by the pinned key). */
export class HubUnavailable extends Error {}
/** The hub answered with a refusal (4xx): `code` is its error. */
export class HubRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`hub refused: ${status} ${code}`);
  }
}

const CALL_TIMEOUT_MS = 5000;

/** Pairs this machine with the hub at `url` using the code shown on the hub; throws HubRefused or HubUnavailable. */
export async function pairWithHub(url: string, code: string, role: MachineRole, key: DeviceKey): Promise<HubLink> {
  const publicKey = publicKeyPem(key.publicKey);
  const nonce = newNonce();
  const text = pairRequestText(publicKey, role, nonce);
  let res: Response;
  try {
    res = await fetch(new URL('/v1/pair', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ publicKey, role, nonce, proof: codeProof(code, text), signature: signText(text, key) }),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch {
    throw new HubUnavailable('hub not reachable');
  }
  const body = (await res.json().catch(() => ({}))) as { hubPublicKey?: string; role?: MachineRole; label?: string; proof?: string; error?: string };
  if (!res.ok) throw new HubRefused(res.status, body.error ?? 'refused');
  const { hubPublicKey, label, proof } = body;
  // Only a hub that knows the code can prove it over its key and ours: that key is the one pinned.
  if (!hubPublicKey || !label || !proof || !provesCode(code, pairAnswerText(hubPublicKey, key.keyId, nonce), proof)) throw new HubRefused(res.status, 'hub-not-proven');
  ed25519PublicKey(hubPublicKey);
  return { url, hubPublicKey, role, label };
}

export type HubState = 'online' | 'offline';

export interface HubClientOptions {
  link: HubLink;
  key: DeviceKey;
  now?: () => number;
  onEvent?: (topic: HubTopic, payload: unknown) => void;
  onState?: (state: HubState, since: number) => void;
  /** The hub's own time on a call (its Server-Timing header: from the request read to the answer), for measuring. */
  onHubTiming?: (op: string, ms: number) => void;
  /** No byte (not even the hub's heartbeat) for this long: the stream is taken as lost. */
  silenceMs?: number;
  random?: () => number;
}

/** A paired machine's side of the hub: signed calls, and the signed event stream kept open with backoff. */
export class HubClient {
  private readonly hubKey: KeyObject;
  private readonly now: () => number;
  private state: HubState = 'offline';
  private since: number;
  private stopped = false;
  private abort: AbortController | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly options: HubClientOptions) {
    this.hubKey = ed25519PublicKey(options.link.hubPublicKey);
    this.now = options.now ?? Date.now;
    this.since = this.now();
  }

  get link(): HubLink {
    return this.options.link;
  }

  status(): { state: HubState; since: number } {
    return { state: this.state, since: this.since };
  }

  private setState(state: HubState): void {
    if (state === this.state) return;
    this.state = state;
    this.since = this.now();
    this.options.onState?.(state, this.since);
  }

  async call<T>(op: string, input: object = {}): Promise<T> {
    const path = `/v1/rpc/${op}`;
    const body = JSON.stringify(input);
    const headers = signedHeaders('POST', path, body, this.options.key, this.now());
    let res: Response;
    let text: string;
    try {
      res = await fetch(new URL(path, this.options.link.url), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      text = await res.text();
    } catch (error) {
      this.setState('offline');
      throw new HubUnavailable(`hub not reachable: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
    }
    const signature = res.headers.get(HEADER.hub);
    if (!signature || !verifyText(answerText(headers[HEADER.nonce]!, res.status, text), signature, this.hubKey)) {
      throw new HubUnavailable(`answer not signed by the paired hub (${res.status})`);
    }
    const timing = /hub;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    if (timing) this.options.onHubTiming?.(op, Number(timing[1]));
    const parsed = JSON.parse(text) as T & { error?: string };
    if (!res.ok) throw new HubRefused(res.status, parsed.error ?? 'refused');
    return parsed;
  }

  /** Opens the event stream and keeps it open: reconnects after 1, 2, 4 … 30 s (jittered) while the hub is away. */
  start(): void {
    this.stopped = false;
    void this.listen(0);
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.retry) clearTimeout(this.retry);
  }

  private async listen(failures: number): Promise<void> {
    if (this.stopped) return;
    const path = '/v1/events';
    const headers = signedHeaders('GET', path, '', this.options.key, this.now());
    const abort = new AbortController();
    this.abort = abort;
    let silence: NodeJS.Timeout | undefined;
    const quiet = () => {
      clearTimeout(silence);
      silence = setTimeout(() => abort.abort(), this.options.silenceMs ?? 30_000);
    };
    let heard = false;
    try {
      quiet();
      const res = await fetch(new URL(path, this.options.link.url), { headers, signal: abort.signal });
      if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
      const parser = new SseParser();
      const decoder = new TextDecoder();
      let epoch: string | null = null;
      let lastId = 0;
      const reader = res.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        quiet();
        for (const e of parser.push(decoder.decode(chunk.value, { stream: true }))) {
          const space = e.data.indexOf(' ');
          const [signature, data] = [e.data.slice(0, space), e.data.slice(space + 1)];
          if (e.event === 'hello') {
            if (!verifyText(eventText(headers[HEADER.nonce]!, 0, 'hello', data), signature, this.hubKey)) throw new Error('hello not signed by the paired hub');
            epoch = data;
            heard = true;
            this.setState('online');
          } else if (epoch !== null && e.id !== null && e.id > lastId && verifyText(eventText(epoch, e.id, e.event, data), signature, this.hubKey)) {
            lastId = e.id;
            this.options.onEvent?.(e.event as HubTopic, JSON.parse(data));
          }
        }
      }
    } catch {
      // Down, unreachable, silent or forged: the machine keeps serving and tries again.
    } finally {
      clearTimeout(silence);
    }
    if (this.stopped) return;
    this.setState('offline');
    const next = heard ? 1 : failures + 1;
    this.retry = setTimeout(() => void this.listen(next), backoffMs(next, null, this.options.random, 1000, 30_000));
  }
}
