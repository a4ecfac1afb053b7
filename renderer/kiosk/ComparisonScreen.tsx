import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ComparedOptionView, Comparison, PreferenceName, PrintOutcomeView } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { displayOrder, formatLongDate, formatVisits, formatVnd, PREFERENCES } from '../components/compare-format';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { KioskNav } from './KioskNav';
import { savePdf } from './save-pdf';
import { PrintResult } from '../components/PrintResult';

interface Props {
  outcomeId: string;
  /** What the back button says: the reminders, the list of procedures, or the start. */
  backLabel: string;
  onBack: () => void;
  /** Ends the citizen's session; absent before identification. */
  onFinish?: () => void;
}

/** Level 3 on the kiosk: every way to the outcome side by side, the one recommended for this citizen, and why. */
export function ComparisonScreen({ outcomeId, backLabel, onBack, onFinish }: Props) {
  const { t, i18n } = useTranslation();
  const both = useBoth();
  const lng = currentLanguage(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  const [preference, setPreference] = useState<PreferenceName>('balanced');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [loading, setLoading] = useState(true);
  const [resorted, setResorted] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [printedPages, setPrintedPages] = useState<number | null>(null);
  const [printOutcome, setPrintOutcome] = useState<PrintOutcomeView | undefined>();
  const [error, setError] = useState<AppErrorData | null>(null);

  // A sheet that arrives after the screen left (finished, or wiped when idle) is not saved.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    heading.current?.focus();
    return () => {
      mounted.current = false;
    };
  }, []);

  // Re-asked on every change of preference; an answer for an earlier choice (or after the screen left) is dropped.
  useEffect(() => {
    let live = true;
    setLoading(true);
    void api.invoke('recommend.compare', { outcomeId, preference }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (!r.ok) return setError(r.error);
      setError(null);
      setComparison(r.value);
    });
    return () => {
      live = false;
    };
  }, [outcomeId, preference]);

  const choose = (p: PreferenceName) => {
    if (p === preference) return;
    setPreference(p);
    setResorted(true);
    setPrintedPages(null);
  };

  const print = async () => {
    setPrinting(true);
    setPrintedPages(null);
    setPrintOutcome(undefined);
    setError(null);
    const result = await api.invoke('print.comparison', { outcomeId, preference });
    if (!mounted.current) return;
    setPrinting(false);
    if (!result.ok) return setError(result.error);
    savePdf(result.value);
    setPrintedPages(result.value.pages);
    setPrintOutcome(result.value.print);
  };

  const options = comparison ? displayOrder(comparison.options) : [];
  const anyExample = options.some((o) => o.example || o.legalBasis.some((b) => b.example));
  return (
    <section className="comparison" aria-labelledby="comparison-title" aria-busy={loading}>
      <h1 id="comparison-title" ref={heading} tabIndex={-1}>
        <span className="comparison-kicker">{t('compare.title')}</span>
        {comparison && <span className="comparison-outcome">{comparison.outcome.title[lng]}</span>}
      </h1>

      <div className="preference-chooser" role="group" aria-labelledby="preference-label">
        <p id="preference-label" className="preference-label">
          {t('compare.preference')}
        </p>
        <div className="preference-buttons">
          {PREFERENCES.map((p) => (
            <Button key={p} variant="secondary" className="btn-preference" aria-pressed={p === preference} onClick={() => choose(p)}>
              <span className="check" aria-hidden="true">
                {p === preference ? '✓' : ''}
              </span>
              <Bilingual text={both(`compare.pref.${p}`)} />
            </Button>
          ))}
        </div>
      </div>
      <p className="sr-only" role="status">
        {resorted && comparison && !loading ? t('compare.sortedBy', { preference: t(`compare.pref.${comparison.preference}`) }) : ''}
      </p>

      {!comparison ? (
        !error && <p role="status">{t('compare.loading')}</p>
      ) : (
        <>
          <div className={comparison.recommended ? 'recommendation' : 'recommendation recommendation-none'}>
            <h2>{t('compare.recommendation')}</h2>
            {comparison.recommended ? <Bilingual as="p" className="explanation" text={comparison.explanation} /> : <p>{t('compare.noRecommendation')}</p>}
            <p className="comparison-basis">{comparison.personalised ? t('compare.personalised') : t('compare.general')}</p>
          </div>
          <p className="lead">{t('compare.optionsCount', { count: options.length })}</p>
          <ol className="option-cards">
            {options.map((o) => (
              <OptionCard key={o.id} option={o} recommended={o.id === comparison.recommended} />
            ))}
          </ol>
          {anyExample && <p className="hint">{t('compare.exampleNote')}</p>}
          <p className="hint">{t('compare.computed', { date: formatLongDate(lng, comparison.today) })}</p>
        </>
      )}

      <ErrorMessage error={error} />
      {printedPages !== null && (
        <p className="notice" role="status">
          {t('compare.printed', { pages: printedPages })}
        </p>
      )}
      <PrintResult printing={printing} outcome={printOutcome} audience="kiosk" />
      <div className="actions">
        {onFinish && (
          <Button variant="secondary" onClick={onFinish}>
            {t('kiosk.finish')}
          </Button>
        )}
      </div>
      <KioskNav
        onBack={onBack}
        backHint={backLabel}
        main={
          <Button className="btn-hero" disabled={printing || !comparison || loading} onClick={() => void print()}>
            {printing ? t('compare.printing') : t('compare.print')}
          </Button>
        }
      />
    </section>
  );
}

function OptionCard({ option: o, recommended }: { option: ComparedOptionView; recommended: boolean }) {
  const { t, i18n } = useTranslation();
  const both = useBoth();
  const lng = currentLanguage(i18n.language);
  const titleId = `option-${o.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const state = recommended ? 'option-recommended' : !o.eligible ? 'option-ineligible' : o.dominated ? 'option-dominated' : '';
  return (
    <li className={`option-card ${state}`.trim()} aria-labelledby={titleId}>
      {recommended && (
        <p className="recommended-badge">
          <span className="star" aria-hidden="true">
            ★
          </span>
          <Bilingual text={both('compare.recommended')} />
        </p>
      )}
      <p className="option-tags">
        <span className={`channel channel-${o.channel}`}>{t(`compare.channel.${o.channel}`)}</span>
        {o.rank !== null && !recommended && <span className="rank">{t('compare.rank', { rank: o.rank })}</span>}
        {o.example && <span className="example-tag">{t('compare.example')}</span>}
      </p>
      <h2 id={titleId}>{o.title[lng]}</h2>
      {!o.eligible && (
        <p className="not-applicable">
          {t('compare.notApplicable', { reason: o.ineligibleReason?.[lng] ?? '' })}
        </p>
      )}
      {o.eligible && o.dominated && <p className="dominated-note">{t('compare.dominated')}</p>}
      <dl className="option-facts">
        <div>
          <dt>{t('compare.cost')}</dt>
          <dd>
            <strong className="fact-main">{formatVnd(t, lng, o.totalCostVnd)}</strong>
            {o.extrasVnd > 0 && <span className="fact-sub">{t('compare.feeAndExtras', { fee: formatVnd(t, lng, o.feeVnd), extras: formatVnd(t, lng, o.extrasVnd) })}</span>}
            {o.exemption && <span className="fact-sub">{o.exemption[lng]}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('compare.time')}</dt>
          <dd>
            <strong className="fact-main">{t('compare.workingDays', { count: o.workingDays })}</strong>
            <span className="fact-sub">{t('compare.readyBy', { date: formatLongDate(lng, o.readyBy) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('compare.visits')}</dt>
          <dd>
            <strong className="fact-main">{formatVisits(t, o.visits)}</strong>
          </dd>
        </div>
      </dl>
      <OptionList title={t('compare.prerequisites')} items={o.prerequisites.map((p) => p[lng])} />
      <OptionList title={t('compare.bring')} items={o.bring.map((b) => b[lng])} />
      <OptionList title={t('compare.obligations')} items={o.obligations.map((b) => b[lng])} />
      <p className="option-authority">
        {t('compare.authority')}: {o.authority[lng]}
      </p>
      {o.legalBasis.length > 0 && (
        <p className="legal-basis">
          {t('compare.legalBasis')}:{' '}
          {o.legalBasis.map((b, i) => (
            <span key={i}>
              {i > 0 && '; '}
              {b.document}
              {b.article && `, ${b.article}`}
              {b.example && <span className="example-tag"> ({t('compare.example')})</span>}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

function OptionList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="option-list-title">{title}</h3>
      <ul className="option-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}
