import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { TextField } from './TextField';

/** First start: the machine has no technician account, so the first one is created here. */
export function BootstrapScreen({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async () => {
    const result = await api.invoke('accounts.bootstrap', { username, displayName, password });
    if (result.ok) return onCreated();
    setError(result.error);
  };
  const invalid = (field: string) => error?.fields?.includes(field) ?? false;
  return (
    <form
      className="auth-form"
      aria-labelledby="bootstrap-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="bootstrap-title">{t('auth.bootstrapTitle')}</h2>
      <p className="lead">{t('auth.bootstrapIntro')}</p>
      <TextField label={t('auth.username')} hint={t('auth.usernameHint')} autoComplete="off" autoFocus value={username} invalid={invalid('username')} onChange={(e) => setUsername(e.target.value)} />
      <TextField label={t('auth.displayName')} autoComplete="off" value={displayName} invalid={invalid('displayName')} onChange={(e) => setDisplayName(e.target.value)} />
      <TextField label={t('auth.password')} hint={t('auth.passwordHint')} type="password" autoComplete="new-password" value={password} invalid={invalid('password')} onChange={(e) => setPassword(e.target.value)} />
      <ErrorMessage error={error} />
      <div className="actions">
        <Button type="submit">{t('auth.create')}</Button>
      </div>
    </form>
  );
}
