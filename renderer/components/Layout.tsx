import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../electron/contract';
import { currentLanguage } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useKioskOptions } from './KioskOptions';

/** Header with the centre's name and the language switch, then the screen. */
export function Layout({ info, children }: { info: AppInfo | null; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  // The name a technician typed for this centre, else the registered one.
  const centreName = useKioskOptions()?.centreName[lng] || info?.centre?.name[lng];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          {centreName && <span className="centre-name">{centreName}</span>}
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
