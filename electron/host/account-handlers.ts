import type { Db } from '../db/connection';
import { AccountRepository } from '../db/account-repository';
import type { SettingsRepository } from '../db/settings-repository';
import { Accounts, PUBLIC_PASSWORD_SCRYPT } from '../security/accounts';
import { idleMinutes, idleTimeout } from './idle-timeout';
import type { Handlers } from './router';
import type { Session } from './session';

/** The demo's accounts, given in the README: a demo has no secrets. */
export const DEMO_ACCOUNTS = [
  { username: 'canbo', displayName: 'Cán bộ Trần Thị Mai', role: 'officer', password: 'motcua-demo' },
  { username: 'kythuat', displayName: 'Kỹ thuật viên Lê Văn Hùng', role: 'technician', password: 'motcua-demo' },
] as const;

export interface AccountHostDeps {
  db: Db;
  settings: SettingsRepository;
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
  | 'accounts.resetPassword';

/** Accounts for the composition root: the channels, the router's idle check, the demo's seeding. */
export function accountHost({ db, settings, endCitizenTurn, now = () => Date.now() }: AccountHostDeps) {
  const accounts = new Accounts(new AccountRepository(db), now);
  const signOut = (session: Session) => {
    endCitizenTurn(session);
    session.role = 'kiosk';
    delete session.account;
    delete session.displayName;
  };
  const handlers: Pick<Handlers, AccountChannels> = {
    'auth.login': ({ username, password }, session) => {
      const account = accounts.login(username, password);
      signOut(session);
      session.role = account.role;
      session.account = account.username;
      session.displayName = account.displayName;
      return { role: account.role, displayName: account.displayName };
    },
    'auth.logout': (_input, session) => {
      signOut(session);
      return { role: 'kiosk' as const };
    },
    'accounts.status': () => ({ needsBootstrap: accounts.needsBootstrap() }),
    'accounts.bootstrap': (input) => accounts.bootstrap(input),
    'accounts.list': () => ({ accounts: accounts.list() }),
    'accounts.create': (input) => accounts.create(input),
    'accounts.disable': ({ username }) => accounts.disable(username),
    'accounts.resetPassword': ({ username, password }) => accounts.resetPassword(username, password),
  };
  const expireIdle = idleTimeout({ minutes: () => idleMinutes(settings), expire: signOut, now });
  return {
    handlers,
    signOut,
    /** Before every call's role check: idle sessions and those of a disabled account become kiosks. */
    touch: (session: Session) => {
      expireIdle(session);
      if (session.account !== undefined && !accounts.isActive(session.account)) signOut(session);
    },
    /** The demo's officer and technician, when the machine has no account yet. */
    seedDemo: () => {
      if (accounts.list().length === 0) for (const account of DEMO_ACCOUNTS) accounts.create(account, PUBLIC_PASSWORD_SCRYPT);
    },
  };
}
