import { z } from 'zod';
import { appError, ROLES, type EventName, type EventPayload, type Result } from '../contract';
import type { EventListener } from './event-bus';
import type { Router } from './router';
import type { Session } from './session';

/**
 * One message protocol between a transport (the browser-mode HTTP front, Electron's main process)
 * and the host that does the heavy work (router, SQLite, sync, PDF, devices) in a worker thread or
 * a utility process: the transport keeps answering while the host commits. Calls go one way with
 * an id and come back with their Result; event subscriptions go one way and events come back.
 * The host keeps the sessions (a call may change its session's role); the transport names them.
 */
export interface HostPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

const sessionRef = z.object({ id: z.string().min(1).max(100), role: z.enum(ROLES) }).strict();
const toHost = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int(), session: sessionRef, channel: z.string().max(100), input: z.unknown() }),
  z.object({ t: z.literal('subscribe'), sub: z.number().int(), session: sessionRef }),
  z.object({ t: z.literal('unsubscribe'), sub: z.number().int() }),
  z.object({ t: z.literal('close') }),
]);
const fromHost = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id: z.number().int(), result: z.custom<Result<unknown>>((r) => typeof r === 'object' && r !== null && 'ok' in r), session: z.custom<Session>() }),
  z.object({ t: z.literal('event'), sub: z.number().int(), event: z.string(), payload: z.unknown() }),
  z.object({ t: z.literal('closed') }),
]);
type ToHost = z.infer<typeof toHost>;
type FromHost = z.infer<typeof fromHost>;

export interface ServedHost {
  router: Router;
  events: { subscribe(session: Session, listener: EventListener): () => void };
  close(): Promise<void>;
}

/** The host's side: answers a transport's calls and subscriptions until it asks to close. */
export function serveHost(host: ServedHost, port: HostPort, onClosed: () => void = () => {}): void {
  const sessions = new Map<string, Session>();
  const subscriptions = new Map<number, () => void>();
  const sessionOf = (ref: Session) => sessions.get(ref.id) ?? sessions.set(ref.id, { ...ref }).get(ref.id)!;
  const send = (message: FromHost) => port.post(message);
  port.onMessage((raw) => {
    const parsed = toHost.safeParse(raw);
    if (!parsed.success) return;
    const message: ToHost = parsed.data;
    switch (message.t) {
      case 'call': {
        const session = sessionOf(message.session);
        void host.router
          .dispatch(session, message.channel, message.input)
          .catch((): Result<unknown> => ({ ok: false, error: appError('INTERNAL') }))
          .then((result) => send({ t: 'result', id: message.id, result, session: { ...session } }));
        return;
      }
      case 'subscribe': {
        const { sub } = message;
        const unsubscribe = host.events.subscribe(sessionOf(message.session), (event, payload) => send({ t: 'event', sub, event, payload }));
        subscriptions.set(sub, unsubscribe);
        return;
      }
      case 'unsubscribe':
        subscriptions.get(message.sub)?.();
        subscriptions.delete(message.sub);
        return;
      case 'close':
        for (const unsubscribe of subscriptions.values()) unsubscribe();
        void host.close().finally(() => {
          send({ t: 'closed' });
          onClosed();
        });
        return;
    }
  });
}

/** The transport's side: a Router and an event source that look local and run in the host. */
export function connectHost(port: HostPort): ServedHost {
  let nextId = 0;
  const pending = new Map<number, { session: Session; resolve: (result: Result<unknown>) => void }>();
  const listeners = new Map<number, EventListener>();
  let closed: (() => void) | null = null;
  port.onMessage((raw) => {
    const parsed = fromHost.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'result') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      // The host's session is the one that counts: a log-in or an unlock changed its role there.
      if (call) Object.assign(call.session, message.session);
      call?.resolve(message.result);
    } else if (message.t === 'event') {
      listeners.get(message.sub)?.(message.event as EventName, message.payload as EventPayload<EventName>);
    } else closed?.();
  });
  const ref = (session: Session) => ({ id: session.id, role: session.role });
  return {
    router: {
      dispatch: (session, channel, input) =>
        new Promise((resolve) => {
          const id = nextId++;
          pending.set(id, { session, resolve });
          port.post({ t: 'call', id, session: ref(session), channel, input } satisfies ToHost);
        }),
    },
    events: {
      subscribe(session, listener) {
        const sub = nextId++;
        listeners.set(sub, listener);
        port.post({ t: 'subscribe', sub, session: ref(session) } satisfies ToHost);
        return () => {
          listeners.delete(sub);
          port.post({ t: 'unsubscribe', sub } satisfies ToHost);
        };
      },
    },
    close: () =>
      new Promise<void>((resolve) => {
        closed = resolve;
        port.post({ t: 'close' } satisfies ToHost);
      }),
  };
}
