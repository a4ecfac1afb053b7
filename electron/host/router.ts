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

/** What the router gives a handler besides its input and session. */
export interface Call {
  /**
   * Runs `work` (never async) in one write transaction together with the call's audit row
   * (outcome ok), at most once per call. A handler that awaits makes all its writes through
   * it, before or after its awaits, so a power cut keeps the work and its row together or
   * neither (a write outside it would commit on its own, the row only when the call ends).
   * A channel whose audit subject is in its output names it here: the output is not there yet.
   */
  commit<T>(work: () => T, subject?: string): T;
}

/** One handler per channel; the compiler refuses a contract channel without one. */
export type Handlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>, session: Session, call: Call) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface Router {
  dispatch(session: Session, channel: string, input: unknown): Promise<Result<unknown>>;
}

export interface RouterDeps {
  handlers: Handlers;
  audit: { record(entry: AuditEntry): void };
  /** The personal number of the citizen a session serves, for channels whose subject is `session`. */
  subjectOf?: (session: Session) => string | null;
  /** How sure the session is of its citizen's identity (the turn's assurance level), written in every personal-data row. */
  assuranceOf?: (session: Session) => string | null;
  /** Where unexpected errors go; the caller only ever sees INTERNAL. */
  logError?: (channel: string, error: unknown) => void;
  /** Sees every call before its role is checked: an idle signed-in session falls back to kiosk here. */
  touch?: (session: Session) => void;
  /**
   * Runs `work` (never async) in one write transaction. A synchronous handler and the call's
   * audit row go through it, and so does an async handler's `commit` with that row, so a power
   * cut never keeps a call's work without its audit row.
   */
  transaction?: <T>(work: () => T) => T;
}

/** A handler's answer: there already, or after its first await. */
type Started = { done: Result<unknown> } | { later: Promise<Result<unknown>> };

/**
 * Validate, authorise, audit, dispatch: the only path from a transport to a service.
 * Every failure is a typed error with vi/en messages.
 */
export function createRouter({ handlers, audit, subjectOf = () => null, assuranceOf = () => null, logError = () => {}, touch = () => {}, transaction = (work) => work() }: RouterDeps): Router {
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
      const record = (result: Result<unknown>, named?: string) => {
        if (!def.personalData) return;
        const { from, path } = def.personalData.subject;
        const subject = named ?? (from === 'session' ? subjectOf(session) : pick(from === 'input' ? parsed.data : result.ok ? result.value : undefined, path));
        audit.record({
          session: session.id,
          role: session.role,
          channel: name,
          purpose: def.personalData.purpose,
          legalBasis: def.personalData.legalBasis,
          subject: typeof subject === 'string' ? subject : null,
          outcome: result.ok ? 'ok' : result.error.code,
          actor: session.account ?? null,
          assurance: def.personalData.assurance ?? assuranceOf(session),
        });
      };
      // The call's ok row written with its work by `commit`; the call answered (no commit after).
      let committed = false;
      let ended = false;
      const call: Call = {
        commit(work, subject) {
          if (committed || ended) throw new Error(`${name}: one commit per call, before its answer`);
          if (def.personalData && def.personalData.subject.from === 'output' && subject === undefined) throw new Error(`${name}: its audit subject is in its output, so its commit names it`);
          const value = transaction(() => {
            const done = work();
            record({ ok: true, value: undefined }, subject);
            return done;
          });
          committed = true;
          return value;
        },
      };
      // A failure after a commit has a row of its own: the work kept keeps its ok row.
      const finish = (result: Result<unknown>) => {
        ended = true;
        if (!committed || !result.ok) record(result);
        return result;
      };
      const started = transaction((): Started => {
        const now = start(name, parsed.data, session, call);
        return 'done' in now ? { done: finish(now.done) } : now;
      });
      if ('done' in started) return started.done;
      return finish(await started.later);
    },
  };

  /** Calls the handler; what it returns or throws synchronously is the answer at once. */
  function start(name: ChannelName, input: unknown, session: Session, call: Call): Started {
    const handler = handlers[name] as (input: unknown, session: Session, call: Call) => unknown;
    let output: unknown;
    try {
      output = handler(input, session, call);
    } catch (error) {
      return { done: failed(name, error) };
    }
    if (isThenable(output)) return { later: Promise.resolve(output).then((value) => checked(name, value), (error: unknown) => failed(name, error)) };
    return { done: checked(name, output) };
  }

  function checked(name: ChannelName, value: unknown): Result<unknown> {
    const output = channels[name].output.safeParse(value);
    if (output.success) return { ok: true, value: output.data };
    logError(name, output.error);
    return { ok: false, error: appError('INTERNAL') };
  }

  function failed(name: ChannelName, error: unknown): Result<unknown> {
    if (error instanceof AppError) return { ok: false, error: error.data };
    logError(name, error);
    return { ok: false, error: appError('INTERNAL') };
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

function pick(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}
