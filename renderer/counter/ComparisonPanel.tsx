import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput, Comparison, PreferenceName, PrintOutcomeView } from '../../electron/contract';
import { Button } from '../components/Button';
import { displayOrder, formatLongDate, formatVisits, formatVnd, PREFERENCES } from '../components/compare-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { savePdf } from '../kiosk/save-pdf';
import { PrintResult } from '../components/PrintResult';
import { api } from '../transport';

type Outcome = ChannelOutput<'recommend.outcomes'>['outcomes'][number];

/** The officer's compact comparison: outcome, preference, one table; for the citizen being served (or anyone). */
export function ComparisonPanel() {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const id = useId();
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [outcomeId, setOutcomeId] = useState('');
  const [preference, setPreference] = useState<PreferenceName>('balanced');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [busy, setBusy] = useState(false);
  const [printedPages, setPrintedPages] = useState<number | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    void api.invoke('recommend.outcomes', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setOutcomes(r.value.outcomes);
      setOutcomeId((current) => current || (r.value.outcomes[0]?.id ?? ''));
    });
  }, []);

  const compare = async () => {
    setBusy(true);
    setError(null);
    setPrintedPages(null);
    setPrintOutcome(undefined);
    const r = await api.invoke('recommend.compare', { outcomeId, preference });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setComparison(r.value);
  };
  const print = async () => {
    if (!comparison) return;
    setBusy(true);
    setError(null);
    const r = await api.invoke('print.comparison', { outcomeId: comparison.outcome.id, preference: comparison.preference });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    savePdf(r.value);
    setPrintedPages(r.value.pages);
    setPrintOutcome(r.value.print);
  };

  const status = (o: Comparison['options'][number]) =>
    o.id === comparison?.recommended
      ? `★ ${t('compare.counterRecommended')}`
      : !o.eligible
        ? t('compare.counterNotApplicable', { reason: o.ineligibleReason?.[lng] ?? '' })
        : o.dominated
          ? t('compare.dominated')
          : o.rank !== null
            ? t('compare.rank', { rank: o.rank })
            : '';

  return (
    <section className="counter-compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('compare.counterTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void compare();
        }}
      >
        <div className="cfield">
          <label htmlFor={`${id}-outcome`}>{t('compare.outcome')}</label>
          <select id={`${id}-outcome`} value={outcomeId} onChange={(e) => setOutcomeId(e.target.value)}>
            {outcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title[lng]}
              </option>
            ))}
          </select>
        </div>
        <div className="cfield">
          <label htmlFor={`${id}-pref`}>{t('compare.counterPreference')}</label>
          <select id={`${id}-pref`} value={preference} onChange={(e) => setPreference(e.target.value as PreferenceName)}>
            {PREFERENCES.map((p) => (
              <option key={p} value={p}>
                {t(`compare.pref.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" disabled={busy || !outcomeId}>
          {t('compare.compare')}
        </Button>
        {comparison && (
          <Button variant="secondary" disabled={busy} onClick={() => void print()}>
            {t('compare.print')}
          </Button>
        )}
      </form>
      <ErrorMessage error={error} />
      {comparison && (
        <>
          <table className="compare-table">
            <caption className="sr-only">
              {comparison.outcome.title[lng]} — {t(`compare.pref.${comparison.preference}`)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.option')}</th>
                <th scope="col" className="num">
                  {t('compare.cost')}
                </th>
                <th scope="col" className="num">
                  {t('compare.time')}
                </th>
                <th scope="col" className="num">
                  {t('compare.visits')}
                </th>
                <th scope="col">{t('compare.status')}</th>
              </tr>
            </thead>
            <tbody>
              {displayOrder(comparison.options).map((o) => (
                <tr key={o.id} className={o.id === comparison.recommended ? 'is-recommended' : !o.eligible ? 'is-ineligible' : undefined}>
                  <th scope="row">
                    {o.title[lng]} <span className="hint">({t(`compare.channel.${o.channel}`)})</span>
                  </th>
                  <td className="num">{formatVnd(t, lng, o.totalCostVnd)}</td>
                  <td className="num">
                    {t('compare.workingDays', { count: o.workingDays })}
                    <br />
                    <span className="hint">{formatLongDate(lng, o.readyBy)}</span>
                  </td>
                  <td className="num">{formatVisits(t, o.visits)}</td>
                  <td>{status(o)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="compare-explanation">{comparison.explanation[lng]}</p>
          <p className="hint">{comparison.personalised ? t('compare.counterPersonalised') : t('compare.counterGeneral')}</p>
          {printedPages !== null && (
            <p className="notice" role="status">
              {t('compare.printed', { pages: printedPages })}
            </p>
          )}
          <PrintResult outcome={printOutcome} audience="counter" />
        </>
      )}
    </section>
  );
}
