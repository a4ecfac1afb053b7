import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { AppErrorData, DayStatsView } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { ChartCanvas, PALETTE } from './DayCharts';
import './day.css';

const SCORES = ['very-satisfied', 'satisfied', 'dissatisfied'] as const;

function downloadCsv(fileName: string, csv: string): void {
  // A BOM so spreadsheet programs read the UTF-8 as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The centre's day at a glance for its head: tickets by service and hour, waits, service per counter, no-shows, ratings; and the CSV. */
export default function DayPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [stats, setStats] = useState<DayStatsView | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    const load = () => void api.invoke('queue.day', {}).then((r) => (r.ok ? setStats(r.value) : setError(r.error)));
    load();
    void api.invoke('queue.services', {}).then((r) => r.ok && setNames(Object.fromEntries(r.value.services.map((s) => [s.id, `${s.prefix} · ${s.name[lang]}`]))));
    return api.on('queue.board', load);
  }, [lang]);

  const hourly = useMemo((): ChartConfiguration | null => {
    if (!stats) return null;
    const hours = [...new Set(stats.byServiceHour.map((x) => x.hour))].sort((a, b) => a - b);
    const services = [...new Set(stats.byServiceHour.map((x) => x.serviceId))];
    return {
      type: 'bar',
      data: {
        labels: hours.map((h) => `${h}h`),
        datasets: services.map((id, i) => ({
          label: names[id] ?? id,
          backgroundColor: PALETTE[i % PALETTE.length],
          data: hours.map((h) => stats.byServiceHour.find((x) => x.hour === h && x.serviceId === id)?.count ?? 0),
        })),
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
  }, [stats, names]);
  const perCounter = useMemo((): ChartConfiguration | null => {
    if (!stats) return null;
    return {
      type: 'bar',
      data: { labels: stats.servedByCounter.map((c) => t('queue.day.counter', { counter: c.counter })), datasets: [{ label: t('queue.day.served'), backgroundColor: PALETTE[0], data: stats.servedByCounter.map((c) => c.served) }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
    };
  }, [stats, t]);
  const ratings = useMemo((): ChartConfiguration | null => {
    if (!stats) return null;
    return {
      type: 'doughnut',
      data: { labels: SCORES.map((s) => t(`queue.rating.score.${s}`)), datasets: [{ data: SCORES.map((s) => stats.ratings[s]), backgroundColor: [PALETTE[2], PALETTE[0], PALETTE[5]] }] },
    };
  }, [stats, t]);

  const exportCsv = async () => {
    const r = await api.invoke('queue.dayCsv', {});
    if (!r.ok) return setError(r.error);
    downloadCsv(r.value.fileName, r.value.csv);
  };
  const minutes = (m: number | null) => (m === null ? '—' : t('queue.day.minutes', { minutes: m }));

  return (
    <section className="day" aria-labelledby="day-title">
      <h1 id="day-title">{t('queue.day.title', { day: stats?.day ?? '' })}</h1>
      <ErrorMessage error={error} />
      {stats && (
        <>
          <dl className="day-figures">
            <div>
              <dt>{t('queue.day.tickets')}</dt>
              <dd data-testid="day-tickets">{stats.tickets}</dd>
            </div>
            <div>
              <dt>{t('queue.day.waitP50')}</dt>
              <dd>{minutes(stats.waitMinutes.p50)}</dd>
            </div>
            <div>
              <dt>{t('queue.day.waitP90')}</dt>
              <dd>{minutes(stats.waitMinutes.p90)}</dd>
            </div>
            <div>
              <dt>{t('queue.day.noShows')}</dt>
              <dd>{stats.noShows}</dd>
            </div>
          </dl>
          <Button variant="secondary" onClick={() => void exportCsv()}>
            {t('queue.day.csv')}
          </Button>
          <div className="day-charts">
            <figure>
              <figcaption>{t('queue.day.byHour')}</figcaption>
              {hourly && <ChartCanvas config={hourly} label={t('queue.day.byHour')} />}
            </figure>
            <figure>
              <figcaption>{t('queue.day.perCounter')}</figcaption>
              {perCounter && <ChartCanvas config={perCounter} label={t('queue.day.perCounter')} />}
            </figure>
            <figure>
              <figcaption>{t('queue.day.ratings')}</figcaption>
              {ratings && <ChartCanvas config={ratings} label={t('queue.day.ratings')} />}
              <ul className="day-rating-figures">
                {SCORES.map((s) => (
                  <li key={s}>
                    {t(`queue.rating.score.${s}`)}: {stats.ratings[s]}
                  </li>
                ))}
              </ul>
            </figure>
          </div>
        </>
      )}
    </section>
  );
}
