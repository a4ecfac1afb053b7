import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/contract';
import { currentLanguage } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** Header with the centre's name and the language switch, then the screen. */
export function Layout({ info, children }: { info: AppInfo | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {info?.centre && <span className="centre-name">{info.centre.name[lng]}</span>}
          {info?.demo && <span className="badge">{t('app.demo')}</span>}
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
