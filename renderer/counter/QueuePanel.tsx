import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppErrorData, ChannelName, ChannelOutput, QueueTicket } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { api } from '../transport';
import { useHelpRequests, useHubStatus } from '../queue/useHub';
import '../queue/queue.css';

type Service = ChannelOutput<'queue.services'>['services'][number];
type TicketChannel = Extract<ChannelName, 'queue.callNext' | 'queue.callAgain' | 'queue.serve' | 'queue.skip'>;

/**
 * The counter's queue: call the next number, call it again, start serving, mark a no-show,
 * transfer to another service, or call a number by hand; and the kiosks asking for an officer.
 */
export function QueuePanel() {
  const { t, i18n } = useTranslation();
  const hub = useHubStatus();
  const linked = hub !== null && hub.state !== 'unpaired' && hub.role === 'counter';
  const requests = useHelpRequests(linked);
  const [ticket, setTicket] = useState<QueueTicket | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [transferTo, setTransferTo] = useState('');
  const [byHand, setByHand] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (!linked) return;
    void api.invoke('queue.current', {}).then((r) => r.ok && setTicket(r.value.ticket));
    void api.invoke('queue.services', {}).then((r) => r.ok && setServices(r.value.services));
  }, [linked]);
  if (!linked) return null;

  const act = async (channel: TicketChannel) => {
    setError(null);
    const r = await api.invoke(channel, {});
    if (!r.ok) return setError(r.error);
    setTicket(r.value.ticket && ['called', 'serving'].includes(r.value.ticket.state) ? r.value.ticket : null);
  };
  const transfer = async () => {
    setError(null);
    const r = await api.invoke('queue.transfer', { serviceId: transferTo });
    if (!r.ok) return setError(r.error);
    setTicket(null);
  };
  const callByHand = async () => {
    setError(null);
    const r = await api.invoke('queue.callNumber', { number: byHand });
    if (!r.ok) return setError(r.error);
    setTicket(r.value.ticket);
  };
  const since = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', { hour: '2-digit', minute: '2-digit' });
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <section className="queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.counter.title', { counter: hub.label })}</h2>
      <Link to="/day">{t('queue.day.open')}</Link>
      {hub.state === 'offline' && (
        <p className="notice" role="status">
          {t('queue.hub.offline')}
        </p>
      )}
      <p className="queue-current" role="status" data-testid="counter-current">
        {ticket ? t(`queue.counter.${ticket.state === 'serving' ? 'serving' : 'calling'}`, { number: ticket.number }) : t('queue.counter.none')}
      </p>
      <div className="queue-actions">
        <Button onClick={() => void act('queue.callNext')}>{t('queue.counter.next')}</Button>
        <Button variant="secondary" disabled={!ticket} onClick={() => void act('queue.callAgain')}>
          {t('queue.counter.again')}
        </Button>
        <Button variant="secondary" disabled={ticket?.state !== 'called'} onClick={() => void act('queue.serve')}>
          {t('queue.counter.serve')}
        </Button>
        <Button variant="secondary" disabled={ticket?.state !== 'called'} onClick={() => void act('queue.skip')}>
          {t('queue.counter.skip')}
        </Button>
      </div>
      <div className="queue-transfer">
        <label>
          {t('queue.counter.transferTo')}
          <select value={transferTo} onChange={(e) => setTransferTo(e.target.value)}>
            <option value="">—</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} · {s.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" disabled={!ticket || !transferTo} onClick={() => void transfer()}>
          {t('queue.counter.transfer')}
        </Button>
      </div>
      <form
        className="queue-by-hand"
        onSubmit={(e) => {
          e.preventDefault();
          void callByHand();
        }}
      >
        <label>
          {t('queue.counter.byHand')}
          <input value={byHand} onChange={(e) => setByHand(e.target.value)} placeholder="K2-017" maxLength={12} />
        </label>
        <Button type="submit" variant="secondary" disabled={!byHand.trim()}>
          {t('queue.counter.call')}
        </Button>
      </form>
      <ErrorMessage error={error} />
      <h3>{t('queue.help.title')}</h3>
      {requests.length === 0 ? (
        <p>{t('queue.help.none')}</p>
      ) : (
        <ul className="help-requests" data-testid="help-requests">
          {requests.map((r) => (
            <li key={r.kiosk}>
              {t('queue.help.from', { kiosk: r.kiosk, since: since(r.since) })}{' '}
              {r.takenBy ? (
                t('queue.help.takenBy', { counter: r.takenBy })
              ) : (
                <Button variant="secondary" onClick={() => void api.invoke('help.take', { kiosk: r.kiosk })}>
                  {t('queue.help.take')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
