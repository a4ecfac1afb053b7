import type { ChannelName, ChannelInput, ChannelOutput, EventName, EventPayload, MotcuaApi, Result } from '../electron/contract';
import { appError } from '../electron/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    motcua?: MotcuaApi;
  }
}

/** Browser mode: the same channels over loopback HTTP; the session cookie carries the token. */
const httpApi: MotcuaApi = {
  async invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
        credentials: 'same-origin',
      });
      return (await res.json()) as Result<ChannelOutput<C>>;
    } catch {
      return { ok: false, error: appError('INTERNAL') };
    }
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data) as EventPayload<E>);
    eventSource().addEventListener(event, handler);
    return () => eventSource().removeEventListener(event, handler);
  },
};

let source: EventSource | undefined;
/** One server-sent-events stream per page, opened on the first subscription. */
function eventSource(): EventSource {
  source ??= new EventSource('/events');
  return source;
}

export const api: MotcuaApi = window.motcua ?? httpApi;
