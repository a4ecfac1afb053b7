import type { ChannelName, ChannelInput, ChannelOutput, MotcuaApi, Result } from '../electron/contract';
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
};

export const api: MotcuaApi = window.motcua ?? httpApi;
