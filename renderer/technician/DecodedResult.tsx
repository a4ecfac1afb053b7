import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../electron/contract';
import { currentLanguage } from '../i18n';
import { formatIsoDate } from '../components/format-date';

/** A decoded scan in a few words: what it is and what it says. */
export function DecodedResult({ result }: { result: ScanResult }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const kind = <span className="decoded-kind">{t(`devices.kind.${result.kind}`)}</span>;
  switch (result.kind) {
    case 'identity': {
      const { identity } = result;
      return (
        <div className="decoded decoded-identity">
          <p className="decoded-title">
            {kind} · {t(`devices.source.${result.source}`)}
          </p>
          <dl className="decoded-fields">
            <dt>{t('devices.result.personalNumber')}</dt>
            <dd>{identity.personalNumber}</dd>
            {identity.fullName !== undefined && (
              <>
                <dt>{t('devices.result.fullName')}</dt>
                <dd>{identity.fullName}</dd>
              </>
            )}
            {identity.birthDate !== undefined && (
              <>
                <dt>{t('devices.result.birthDate')}</dt>
                <dd>{formatIsoDate(identity.birthDate)}</dd>
              </>
            )}
          </dl>
          {result.asciiOnly && <p className="decoded-warning">{t('devices.result.asciiOnly')}</p>}
          {result.warnings.map((w) => (
            <p key={w.en} className="decoded-warning">
              {w[lng]}
            </p>
          ))}
        </div>
      );
    }
    case 'receipt':
      return (
        <div className="decoded">
          <p className="decoded-title">{kind}</p>
          <p className="decoded-text">{result.receiptCode}</p>
        </div>
      );
    case 'procedures':
      return (
        <div className="decoded">
          <p className="decoded-title">{kind}</p>
          <p className="decoded-text">{result.codes.join(', ')}</p>
        </div>
      );
    case 'handoff':
    case 'barcode':
      return (
        <div className="decoded">
          <p className="decoded-title">{kind}</p>
          <p className="decoded-text">{result.text}</p>
        </div>
      );
    case 'error':
      return (
        <div className="decoded decoded-error">
          <p className="decoded-title">{kind}</p>
          <p className="decoded-text">{result.error.message[lng]}</p>
        </div>
      );
  }
}
