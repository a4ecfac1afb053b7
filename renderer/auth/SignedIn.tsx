import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../electron/contract';
import { Button } from '../components/Button';
import { api } from '../transport';
import { BootstrapScreen } from './BootstrapScreen';
import { LoginScreen } from './LoginScreen';
import { useSignOutWatch } from './useSignOutWatch';

type State = { kind: 'loading' } | { kind: 'bootstrap' } | { kind: 'login'; notice: string | null } | { kind: 'in'; displayName: string | null };

/**
 * Shows its children only to a session signed in with one of `roles`; otherwise the log-in
 * (or, on a machine without any technician, the first-start screen). The host enforces roles
 * and the idle time-out on every call; this only keeps the screen in step.
 */
export function SignedIn({ roles, titleKey, children }: { roles: readonly Role[]; titleKey: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const check = useCallback(async () => {
    const [status, session] = await Promise.all([api.invoke('accounts.status', {}), api.invoke('session.get', {})]);
    if (status.ok && status.value.needsBootstrap) return setState({ kind: 'bootstrap' });
    if (session.ok && roles.includes(session.value.role)) return setState({ kind: 'in', displayName: session.value.displayName ?? null });
    setState({ kind: 'login', notice: null });
  }, [roles]);
  useEffect(() => {
    void check();
  }, [check]);
  useSignOutWatch(state.kind === 'in', roles, () => setState({ kind: 'login', notice: t('auth.expired') }));

  const logout = async () => {
    await api.invoke('auth.logout', {});
    setState({ kind: 'login', notice: null });
  };

  switch (state.kind) {
    case 'loading':
      return null;
    case 'bootstrap':
    case 'login':
      return (
        <section aria-labelledby="signin-title">
          <h1 id="signin-title">{t(titleKey)}</h1>
          {state.kind === 'bootstrap' ? (
            <BootstrapScreen onCreated={() => setState({ kind: 'login', notice: t('auth.created') })} />
          ) : (
            <LoginScreen
              notice={state.notice}
              onSignedIn={(who) => {
                setState(roles.includes(who.role) ? { kind: 'in', displayName: who.displayName } : { kind: 'login', notice: t('auth.notAllowed') });
              }}
            />
          )}
        </section>
      );
    case 'in':
      return (
        <>
          <div className="auth-bar">
            {state.displayName && <span>{t('auth.signedInAs', { name: state.displayName })}</span>}
            <Button variant="secondary" onClick={() => void logout()}>
              {t('auth.logout')}
            </Button>
          </div>
          {children}
        </>
      );
  }
}
