import type { z } from 'zod';
import {
  AppError,
  appError,
  channels,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type Channels,
  type Result,
} from '../contract';
import type { AuditEntry } from '../security/audit';
import type { Session } from './session';

/** One handler per channel; the compiler refuses a contract channel without one. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>, session: Session) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface Router {
  dispatch(session: Session, channel: string, input: unknown): Promise<Result<unknown>>;
}

export interface RouterDeps {
  handlers: Handlers;
  audit: { record(entry: AuditEntry): void };
  /** The personal number of the citizen a session serves, for channels whose subject is `session`. */
  subjectOf?: (session: Session) => string | null;
  /** Where unexpected errors go; the caller only ever sees INTERNAL. */
  logError?: (channel: string, error: unknown) => void;
  /** Sees every call before its role is checked: an idle signed-in session falls back to kiosk here. */
  touch?: (session: Session) => void;
}

/**
 * Validate, authorise, audit, dispatch: the only path from a transport to a service.
 * Every failure is a typed error with vi/en messages.
 */
export function createRouter({ handlers, audit, subjectOf = () => null, logError = () => {}, touch = () => {} }: RouterDeps): Router {
  return {
    async dispatch(session, name, rawInput) {
      if (!isChannelName(name)) return { ok: false, error: appError('UNKNOWN_CHANNEL') };
      const def = channels[name];
      touch(session);
      if (!def.roles.includes(session.role)) return { ok: false, error: appError('FORBIDDEN') };
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')).filter(Boolean))];
        return { ok: false, error: appError('BAD_INPUT', fields) };
      }
      const result = await run(name, parsed.data, session);
      if (def.personalData) {
        const { from, path } = def.personalData.subject;
        const subject = from === 'session' ? subjectOf(session) : pick(from === 'input' ? parsed.data : result.ok ? result.value : undefined, path);
        audit.record({
          session: session.id,
          role: session.role,
          channel: name,
          purpose: def.personalData.purpose,
          legalBasis: def.personalData.legalBasis,
          subject: typeof subject === 'string' ? subject : null,
          outcome: result.ok ? 'ok' : result.error.code,
          actor: session.account ?? null,
        });
      }
      return result;
    },
  };

  async function run(name: ChannelName, input: unknown, session: Session): Promise<Result<unknown>> {
    try {
      const handler = handlers[name] as (input: unknown, session: Session) => unknown;
      const output = channels[name].output.safeParse(await handler(input, session));
      if (output.success) return { ok: true, value: output.data };
      logError(name, output.error);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.data };
      logError(name, error);
    }
    return { ok: false, error: appError('INTERNAL') };
  }
}

function pick(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}
