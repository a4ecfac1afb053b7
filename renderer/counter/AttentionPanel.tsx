import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, AttentionItem, CounterDossier } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate, formatInstant } from '../components/format-date';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { refusalKind } from './refusal-advice';

/** How many refused submissions wait, kept current by the sync status: on the tab, so none goes unnoticed. */
export function useAttentionCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    void api.invoke('sync.status', {}).then((r) => r.ok && setCount(r.value.outbox.attention));
    return api.on('sync.status', (status) => setCount(status.outbox.attention));
  }, []);
  return count;
}

/**
 * "Cần xử lý / Needs attention": the submissions the central system refused, each with the
 * centre's answer. The officer corrects the dossier (it then goes as a new submission) or, when
 * the centre fixed its side, sends it again unchanged. Nothing leaves this list unless one of them worked.
 */
export function AttentionPanel({ onCorrect }: { onCorrect: (dossier: CounterDossier) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const id = useId();
  const [items, setItems] = useState<AttentionItem[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    const r = await api.invoke('counter.attention', {});
    setError(r.ok ? null : r.error);
    if (r.ok) setItems(r.value.items);
  }, []);
  // Reloaded whenever the number waiting changes (a background send refused one, another officer resolved one).
  const waiting = useAttentionCount();
  useEffect(() => void load(), [load, waiting]);

  const correct = async (item: AttentionItem) => {
    setBusy(item.submissionId);
    const r = await api.invoke('counter.correct', { submissionId: item.submissionId });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    onCorrect(r.value);
  };
  const sendAgain = async (item: AttentionItem) => {
    setBusy(item.submissionId);
    setDone(null);
    const r = await api.invoke('counter.sendAgain', { submissionId: item.submissionId });
    setBusy(null);
    setError(r.ok ? null : r.error);
    if (r.ok) setDone(r.value.state === 'sent' ? t('attention.sentAgain', { code: r.value.receiptCode }) : r.value.state === 'queued' ? t('attention.queuedAgain') : t('attention.refusedAgain'));
    await load();
  };

  return (
    <section className="counter-attention" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('attention.title')}</h2>
      <p className="hint">{t('attention.intro')}</p>
      <Button variant="secondary" onClick={() => void load()}>
        {t('desk.refresh')}
      </Button>
      <ErrorMessage error={error} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {items?.length === 0 && <p className="hint">{t('attention.empty')}</p>}
      <ul className="attention-list">
        {items?.map((item) => (
          <li key={item.submissionId} className="attention-item">
            <article aria-labelledby={`${id}-${item.submissionId}`}>
              <h3 id={`${id}-${item.submissionId}`}>
                {item.procedureName?.[lang] ?? item.formTitle[lang]} · {item.applicant.fullName}
              </h3>
              <dl>
                <dt>{t('attention.applicant')}</dt>
                <dd>{`${item.applicant.fullName} · ${item.applicant.personalNumber}`}</dd>
                <dt>{t('attention.received')}</dt>
                <dd>{`${formatIsoDate(item.receivedAt)} · ${item.reference}`}</dd>
                <dt>{t('attention.refused')}</dt>
                <dd>{formatInstant(item.refusedAt)}</dd>
                <dt>{t('refusal.why')}</dt>
                <dd>{t(`refusal.${refusalKind(item.refusal.status)}.why`)}</dd>
                <dt>{t('refusal.todo')}</dt>
                <dd>
                  <strong>{t(`refusal.${refusalKind(item.refusal.status)}.todo`)}</strong>
                </dd>
                <dt>{t('attention.centreError')}</dt>
                <dd>
                  <code>{[item.refusal.code, item.refusal.status === null ? null : `HTTP ${item.refusal.status}`].filter(Boolean).join(' · ')}</code>
                  {/* The centre's own words, in its language: shown as it sent them. */}
                  <blockquote className="error">{item.refusal.message}</blockquote>
                </dd>
              </dl>
              {!item.correctable && <p className="hint">{t('attention.notCorrectable')}</p>}
              <div className="attention-actions">
                {item.correctable && (
                  <Button disabled={busy !== null} onClick={() => void correct(item)}>
                    {t('attention.correct')}
                  </Button>
                )}
                <Button variant="secondary" disabled={busy !== null} onClick={() => void sendAgain(item)}>
                  {busy === item.submissionId ? t('desk.submitting') : t('attention.sendAgain')}
                </Button>
              </div>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
