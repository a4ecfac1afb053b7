import type { Db } from '../db/connection';
import { AccountRepository } from '../db/account-repository';
import type { SettingsRepository } from '../db/settings-repository';
import type { AccountView } from '../contract';
import { Accounts, PUBLIC_PASSWORD_SCRYPT, type LoginAttempt } from '../security/accounts';
import type { AuditEntry } from '../security/audit';
import { idleMinutes, idleTimeout } from './idle-timeout';
import type { Handlers } from './router';
import type { Session } from './session';

/** The demo's accounts, given in the README: a demo has no secrets. */
export const DEMO_ACCOUNTS = [
  { username: 'canbo', displayName: 'Cán bộ Trần Thị Mai', role: 'officer', password: 'motcua-demo' },
  { username: 'kythuat', displayName: 'Kỹ thuật viên Lê Văn Hùng', role: 'technician', password: 'motcua-demo' },
] as const;

/** Why account events are logged: the security of the system that holds citizens' data. */
export const ACCOUNT_SECURITY = {
  purpose: 'account-security',
  legalBasis: 'Luật An toàn thông tin mạng 2015 (86/2015/QH13); Luật Bảo vệ dữ liệu cá nhân 2025 (91/2025/QH15)',
} as const;

export interface AccountHostDeps {
  db: Db;
  settings: SettingsRepository;
  /** Account events go into the hash-chained log; `subjectHash` keys a name that matches no account. */
  audit: { record(entry: AuditEntry): void; subjectHash(text: string): string };
  /** Ends the citizen's turn of a session whose person changes: nobody inherits a citizen's data. */
  endCitizenTurn: (session: Session) => void;
  now?: () => number;
}

type AccountChannels =
  | 'auth.login'
  | 'auth.logout'
  | 'accounts.status'
  | 'accounts.bootstrap'
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.disable'
  | 'accounts.enable'
  | 'accounts.unlock'
  | 'accounts.resetPassword';

/**
 * Who tried to log in, as the log keeps it: the account's username, or for a name no account has
 * a keyed hash of it (what is typed into the name field is now and then a password).
 */
function triedName(attempt: LoginAttempt & { ok: false }, typed: string, subjectHash: (text: string) => string): string {
  return attempt.username ?? `unknown:${subjectHash(`username:${typed.toLowerCase()}`).slice(0, 16)}`;
}

/** Accounts for the composition root: the channels, the router's idle check, the demo's seeding. */
export function accountHost({ db, settings, audit, endCitizenTurn, now = () => Date.now() }: AccountHostDeps) {
  const accounts = new Accounts(new AccountRepository(db), now);
  /** One account event: who (`actor`), what (`event`, `outcome`), on whom (`target`), from which session; never a password. */
  const record = (session: Session, event: string, outcome: string, actor: string | null, target: string | null = null) =>
    audit.record({ session: session.id, role: session.role, channel: event, ...ACCOUNT_SECURITY, subject: null, outcome, actor, target });
  const signOut = (session: Session) => {
    endCitizenTurn(session);
    session.role = 'kiosk';
    delete session.account;
    delete session.displayName;
  };
  /** A technician's change to an account, logged with the technician (null when unlocked by PIN) and the account. */
  const administered = (session: Session, event: string, changed: AccountView): AccountView => {
    record(session, event, 'ok', session.account ?? null, changed.username);
    return changed;
  };
  const logOut = (session: Session) => {
    if (session.account !== undefined) record(session, 'auth.logout', 'ok', session.account);
    signOut(session);
  };
  const handlers: Pick<Handlers, AccountChannels> = {
    'auth.login': ({ username, password }, session) => {
      const attempt = accounts.attemptLogin(username, password);
      if (!attempt.ok) {
        const who = triedName(attempt, username, audit.subjectHash.bind(audit));
        record(session, 'auth.login', `${attempt.error.data.code} (${attempt.reason})`, who);
        if (attempt.lockedNow) record(session, 'auth.lockout', 'locked', who, who);
        throw attempt.error;
      }
      const { account } = attempt;
      signOut(session);
      session.role = account.role;
      session.account = account.username;
      session.displayName = account.displayName;
      record(session, 'auth.login', 'ok', account.username);
      return { role: account.role, displayName: account.displayName };
    },
    'auth.logout': (_input, session) => {
      logOut(session);
      return { role: 'kiosk' as const };
    },
    'accounts.status': () => ({ needsBootstrap: accounts.needsBootstrap() }),
    'accounts.bootstrap': (input, session) => administered(session, 'accounts.bootstrap', accounts.bootstrap(input)),
    'accounts.list': () => ({ accounts: accounts.list() }),
    'accounts.create': (input, session) => administered(session, 'accounts.create', accounts.create(input)),
    'accounts.disable': ({ username }, session) => administered(session, 'accounts.disable', accounts.disable(username)),
    'accounts.enable': ({ username }, session) => administered(session, 'accounts.enable', accounts.enable(username)),
    'accounts.unlock': ({ username }, session) => administered(session, 'accounts.unlock', accounts.unlock(username)),
    'accounts.resetPassword': ({ username, password }, session) => administered(session, 'accounts.resetPassword', accounts.resetPassword(username, password)),
  };
  const expireIdle = idleTimeout({
    minutes: () => idleMinutes(settings),
    expire: (session) => {
      record(session, 'auth.timeout', 'signed-out', session.account ?? null);
      signOut(session);
    },
    now,
  });
  return {
    handlers,
    /** Signs the person out, logged as a log-out when an account was signed in. */
    logOut,
    /** Before every call's role check: idle sessions and those of a disabled account become kiosks. */
    touch: (session: Session) => {
      expireIdle(session);
      if (session.account !== undefined && !accounts.isActive(session.account)) {
        record(session, 'auth.disabled-signout', 'signed-out', session.account);
        signOut(session);
      }
    },
    /** The demo's officer and technician, when the machine has no account yet: both or neither (one left out by a power cut would never come). */
    seedDemo: () =>
      db.transaction(() => {
        if (accounts.list().length === 0) for (const account of DEMO_ACCOUNTS) accounts.create(account, PUBLIC_PASSWORD_SCRYPT);
      })(),
  };
}
