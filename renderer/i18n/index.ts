import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../electron/contract';
import en from './en.json';
import vi from './vi.json';

export const catalogues = { vi, en } as const;

/** Vietnamese first; English on request. The document language follows, for screen readers. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: 'vi',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

export const currentLanguage = (lng: string): Language => (lng === 'en' ? 'en' : 'vi');
