import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { TextField } from './TextField';

/** Officer or technician log-in with a personal account; the host decides the role. */
export function LoginScreen({ notice, onSignedIn }: { notice?: string | null; onSignedIn: (who: ChannelOutput<'auth.login'>) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('auth.login', { username, password });
    setBusy(false);
    setPassword('');
    if (result.ok) return onSignedIn(result.value);
    setError(result.error);
  };
  return (
    <form
      className="auth-form"
      aria-labelledby="login-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="login-title">{t('auth.title')}</h2>
      {notice && <p className="notice">{notice}</p>}
      <TextField label={t('auth.username')} autoComplete="username" autoFocus value={username} invalid={error !== null} onChange={(e) => setUsername(e.target.value)} />
      <TextField label={t('auth.password')} type="password" autoComplete="current-password" value={password} invalid={error !== null} onChange={(e) => setPassword(e.target.value)} />
      <ErrorMessage error={error} />
      <div className="actions">
        <Button type="submit" disabled={busy || username.trim() === '' || password === ''}>
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </div>
    </form>
  );
}
