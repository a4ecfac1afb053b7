import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../electron/contract';

/** Vietnamese first, English under it, whatever the screen's language: for what a citizen must not misread. */
export function Bilingual({ text, as: Tag = 'span', className = '' }: { text: LocalizedText; as?: 'span' | 'p' | 'h1' | 'h2' | 'li'; className?: string }) {
  return (
    <Tag className={`bi ${className}`.trim()}>
      <span className="bi-vi" lang="vi">
        {text.vi}
      </span>{' '}
      <span className="bi-en" lang="en">
        {text.en}
      </span>
    </Tag>
  );
}

/** A catalogue key in both languages. */
export function useBoth(): (key: string, options?: Record<string, unknown>) => LocalizedText {
  const { t } = useTranslation();
  return (key, options = {}) => ({ vi: t(key, { ...options, lng: 'vi' }), en: t(key, { ...options, lng: 'en' }) });
}
