import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../electron/contract';
import { currentLanguage } from '../i18n';

/** A typed error from the host, in the screen's language; never a stack trace. */
export function ErrorMessage({ error }: { error: AppErrorData | string | null }) {
  const { i18n } = useTranslation();
  if (error === null) return null;
  const text = typeof error === 'string' ? error : error.message[currentLanguage(i18n.language)];
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
