import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../electron/contract';
import { Button } from '../components/Button';
import { DigitField } from '../components/DigitField';
import { ErrorMessage } from '../components/ErrorMessage';
import { applyKey, Keypad } from '../components/Keypad';
import { api } from '../transport';

const MAX = 12;

/** Technician sign-in on any machine: a PIN typed on the keypad, checked by the host. */
export function PinUnlock({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const unlock = async () => {
    const result = await api.invoke('session.unlockTechnician', { pin });
    setPin('');
    if (result.ok) onUnlocked();
    else setError(result.error);
  };
  return (
    <div className="identify-grid">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <DigitField
          label={t('technician.pin')}
          hint={t('technician.pinHint')}
          digits={pin}
          format={null}
          max={MAX}
          active
          invalid={error !== null}
          onActivate={() => {}}
          onDigits={setPin}
        />
        <ErrorMessage error={error} />
        <div className="actions">
          <Button type="submit" disabled={pin.length < 4}>
            {t('technician.unlock')}
          </Button>
        </div>
      </form>
      <Keypad onKey={(key) => setPin((p) => applyKey(p, key, MAX))} />
    </div>
  );
}
