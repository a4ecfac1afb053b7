import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BootstrapScreen } from '../auth/BootstrapScreen';
import { LoginScreen } from '../auth/LoginScreen';
import { api } from '../transport';
import { PinUnlock } from './PinUnlock';

/** A technician account's log-in (or the first-start screen), with the machine's PIN beside it. */
export function TechnicianSignIn({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [needsBootstrap, setNeedsBootstrap] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void api.invoke('accounts.status', {}).then((r) => setNeedsBootstrap(r.ok && r.value.needsBootstrap));
  }, []);
  if (needsBootstrap === null) return null;
  if (needsBootstrap)
    return (
      <BootstrapScreen
        onCreated={() => {
          setNeedsBootstrap(false);
          setNotice(t('auth.created'));
        }}
      />
    );
  return (
    <>
      <LoginScreen
        notice={notice}
        onSignedIn={(who) => {
          if (who.role === 'technician') return onUnlocked();
          // An officer's account opens the counter, not this console: sign it out again here.
          void api.invoke('auth.logout', {});
          setNotice(t('auth.notAllowed'));
        }}
      />
      <h2>{t('auth.orPin')}</h2>
      <PinUnlock onUnlocked={onUnlocked} />
    </>
  );
}
