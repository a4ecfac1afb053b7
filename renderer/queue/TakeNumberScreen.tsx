import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput, PrintedDocument, TakenTicket } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { PrintResult } from '../components/PrintResult';
import { savePdf } from '../kiosk/save-pdf';
import { api } from '../transport';
import './queue.css';

type Service = ChannelOutput<'queue.services'>['services'][number];
const PRIORITY_GROUPS = ['elderly', 'disability', 'pregnant', 'merit'] as const;

/**
 * "Lấy số thứ tự": the citizen chooses a service (and says if the law serves them first), gets a number
 * and its printed ticket. `serviceIds`: only these are offered (the services of a dossier just printed).
 */
export function TakeNumberScreen({ onDone, serviceIds }: { onDone: () => void; serviceIds?: readonly string[] }) {
  const both = useBoth();
  const { t } = useTranslation();
  const [services, setServices] = useState<Service[] | null>(null);
  const [priority, setPriority] = useState(false);
  const [ticket, setTicket] = useState<TakenTicket | null>(null);
  const [printed, setPrinted] = useState<PrintedDocument | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    void api.invoke('queue.services', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      const chosen = r.value.services.filter((s) => serviceIds?.includes(s.id));
      setServices(chosen.length > 0 ? chosen : r.value.services);
    });
  }, [serviceIds]);

  const take = async (serviceId: string) => {
    setBusy(true);
    setError(null);
    const taken = await api.invoke('queue.take', { serviceId, priority });
    if (!taken.ok) {
      setBusy(false);
      return setError(taken.error);
    }
    setTicket(taken.value.ticket);
    const doc = await api.invoke('queue.printTicket', { number: taken.value.ticket.number });
    setBusy(false);
    if (!doc.ok) return setError(doc.error);
    setPrinted(doc.value);
    savePdf(doc.value);
  };

  const service = services?.find((s) => s.id === ticket?.serviceId);
  return (
    <section className="take-number" aria-labelledby="take-number-title">
      <h1 id="take-number-title" ref={heading} tabIndex={-1}>
        <Bilingual text={both('queue.take.title')} />
      </h1>
      <ErrorMessage error={error} />
      {ticket ? (
        <div className="ticket-taken" role="status">
          <Bilingual as="p" text={both('queue.take.yourNumber')} />
          <p className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </p>
          {service && <Bilingual as="p" text={service.name} />}
          {ticket.offline ? (
            <Bilingual as="p" text={both('queue.take.offline')} />
          ) : (
            <>
              <Bilingual as="p" text={both('queue.take.ahead', { count: ticket.ahead })} />
              <Bilingual as="p" text={both('queue.take.estimate', { minutes: ticket.estimateMinutes })} />
            </>
          )}
          <PrintResult outcome={printed?.print} audience="kiosk" />
          <Button onClick={onDone}>
            <Bilingual text={both('queue.take.done')} />
          </Button>
        </div>
      ) : (
        <>
          <label className="priority-choice">
            <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} />
            <Bilingual text={both('queue.take.priority')} />
          </label>
          <ul className="priority-groups">
            {PRIORITY_GROUPS.map((g) => (
              <li key={g}>{t(`queue.priority.${g}`)}</li>
            ))}
          </ul>
          <Bilingual as="p" className="hint" text={both('queue.take.priorityBasis')} />
          <ul className="service-choices">
            {(services ?? []).map((s) => (
              <li key={s.id}>
                <Button className="service-choice" disabled={busy} onClick={() => void take(s.id)}>
                  <Bilingual text={s.name} />
                  <span className="service-waiting">{t('queue.take.waiting', { count: s.waiting })}</span>
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={onDone}>
            <Bilingual text={both('queue.take.back')} />
          </Button>
        </>
      )}
    </section>
  );
}
