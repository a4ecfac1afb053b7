import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRole, AccountView, AppErrorData, Result } from '../../electron/contract';
import { TextField } from '../auth/TextField';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { api } from '../transport';

const EMPTY = { username: '', displayName: '', role: 'officer' as AccountRole, password: '' };

/** The technician's account management: who may sign in, new accounts, disabling and enabling, lifting a lock-out, new passwords. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [accounts, setAccounts] = useState<AccountView[]>([]);
  const [draft, setDraft] = useState(EMPTY);
  const [reset, setReset] = useState({ username: '', password: '' });
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.invoke('accounts.list', {});
    if (result.ok) setAccounts(result.value.accounts);
    else setError(result.error);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one change; on success clears the error, says what happened and reloads the list. */
  const act = async (call: () => Promise<Result<AccountView>>, message: string) => {
    const result = await call();
    setError(result.ok ? null : result.error);
    setDone(result.ok ? message : null);
    if (result.ok) await refresh();
    return result.ok;
  };
  const create = async () => {
    if (await act(() => api.invoke('accounts.create', draft), t('accounts.createdOne', { username: draft.username.toLowerCase() }))) setDraft(EMPTY);
  };
  const resetPassword = async () => {
    if (await act(() => api.invoke('accounts.resetPassword', reset), t('accounts.resetDone', { username: reset.username }))) setReset({ username: '', password: '' });
  };
  const disable = (username: string) => void act(() => api.invoke('accounts.disable', { username }), t('accounts.disabledOne', { username }));
  const enable = (username: string) => void act(() => api.invoke('accounts.enable', { username }), t('accounts.enabledOne', { username }));
  const unlock = (username: string) => void act(() => api.invoke('accounts.unlock', { username }), t('accounts.unlockedOne', { username }));
  const invalid = (field: string) => error?.fields?.includes(field) ?? false;
  const active = accounts.filter((a) => !a.disabled);

  return (
    <section className="accounts-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('accounts.title')}</h2>
      <table>
        <caption className="sr-only">{t('accounts.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auth.username')}</th>
            <th scope="col">{t('auth.displayName')}</th>
            <th scope="col">{t('accounts.role')}</th>
            <th scope="col">{t('accounts.status')}</th>
            <th scope="col">{t('accounts.createdAt')}</th>
            <th scope="col">{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username}>
              <td>{a.username}</td>
              <td>{a.displayName}</td>
              <td>{t(`accounts.roles.${a.role}`)}</td>
              <td>{t(a.disabled ? 'accounts.disabled' : a.locked ? 'accounts.locked' : 'accounts.active')}</td>
              <td>{formatIsoDate(a.createdAt.slice(0, 10))}</td>
              <td>
                {a.locked && !a.disabled && (
                  <Button variant="secondary" aria-label={t('accounts.unlock', { username: a.username })} onClick={() => unlock(a.username)}>
                    {t('accounts.unlockShort')}
                  </Button>
                )}
                {a.disabled ? (
                  <Button variant="secondary" aria-label={t('accounts.enable', { username: a.username })} onClick={() => enable(a.username)}>
                    {t('accounts.enableShort')}
                  </Button>
                ) : (
                  <Button variant="secondary" aria-label={t('accounts.disable', { username: a.username })} onClick={() => disable(a.username)}>
                    {t('accounts.disableShort')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={error} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}

      <form
        className="auth-form"
        aria-labelledby={`${id}-new`}
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h3 id={`${id}-new`}>{t('accounts.newTitle')}</h3>
        <TextField label={t('auth.username')} hint={t('auth.usernameHint')} autoComplete="off" value={draft.username} invalid={invalid('username')} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
        <TextField label={t('auth.displayName')} autoComplete="off" value={draft.displayName} invalid={invalid('displayName')} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
        <div className="cfield">
          <label htmlFor={`${id}-role`}>{t('accounts.role')}</label>
          <select id={`${id}-role`} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as AccountRole })}>
            <option value="officer">{t('accounts.roles.officer')}</option>
            <option value="technician">{t('accounts.roles.technician')}</option>
          </select>
        </div>
        <TextField label={t('auth.password')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" value={draft.password} invalid={invalid('password')} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
        <div className="actions">
          <Button type="submit">{t('auth.create')}</Button>
        </div>
      </form>

      <form
        className="auth-form"
        aria-labelledby={`${id}-reset`}
        onSubmit={(e) => {
          e.preventDefault();
          void resetPassword();
        }}
      >
        <h3 id={`${id}-reset`}>{t('accounts.resetTitle')}</h3>
        <div className="cfield">
          <label htmlFor={`${id}-who`}>{t('auth.username')}</label>
          <select id={`${id}-who`} value={reset.username} onChange={(e) => setReset({ ...reset, username: e.target.value })}>
            <option value="">{t('accounts.choose')}</option>
            {active.map((a) => (
              <option key={a.username} value={a.username}>
                {`${a.username} — ${a.displayName}`}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t('accounts.newPassword')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" value={reset.password} onChange={(e) => setReset({ ...reset, password: e.target.value })} />
        <div className="actions">
          <Button type="submit" disabled={reset.username === ''}>
            {t('accounts.reset')}
          </Button>
        </div>
      </form>
    </section>
  );
}
