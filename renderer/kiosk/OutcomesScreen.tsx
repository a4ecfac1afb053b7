import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { KioskNav } from './KioskNav';

type Outcome = ChannelOutput<'recommend.outcomes'>['outcomes'][number];

/** Before anyone is identified: the outcomes whose ways can be compared (a general comparison, nothing personal). */
export function OutcomesScreen({ onChoose, onBack }: { onChoose: (outcomeId: string) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    void api.invoke('recommend.outcomes', {}).then((r) => {
      if (!live) return;
      if (r.ok) setOutcomes(r.value.outcomes);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="outcomes" aria-labelledby="outcomes-title">
      <h1 id="outcomes-title" ref={heading} tabIndex={-1}>
        {t('compare.outcomesTitle')}
      </h1>
      <p className="lead">{t('compare.seeWaysIntro')}</p>
      {!outcomes ? (
        !error && <p role="status">{t('compare.outcomesLoading')}</p>
      ) : (
        <ul className="outcome-list">
          {outcomes.map((o) => (
            <li key={o.id}>
              <Button variant="secondary" className="btn-outcome" onClick={() => onChoose(o.id)}>
                {o.title[lng]}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
      <KioskNav onBack={onBack} backHint={t('compare.backHome')} />
    </section>
  );
}
