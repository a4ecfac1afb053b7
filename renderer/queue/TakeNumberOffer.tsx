import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, LocalizedText } from '../../electron/contract';
import { Bilingual, useBoth } from '../components/Bilingual';
import { api } from '../transport';
import { useHubStatus } from './useHub';

type Service = ChannelOutput<'queue.services'>['services'][number];

/**
 * The service that receives a dossier: the first of its procedures (in filing order: a linked
 * dossier is handed in once, where its first procedure is received) that a service lists.
 */
export function serviceFor(services: readonly Service[], procedureCodes: readonly string[]): Service | null {
  for (const code of procedureCodes) {
    const found = services.find((s) => s.procedures.includes(code));
    if (found) return found;
  }
  return null;
}

/**
 * At the end of a kiosk turn that leaves a dossier to hand in at a counter: "Lấy số thứ tự" for the
 * service that receives it, right there — only on a kiosk paired with the centre hub.
 */
export function TakeNumberOffer({ procedureCodes, onTake }: { procedureCodes: readonly string[]; onTake: (serviceIds: string[]) => void }) {
  const both = useBoth();
  const { t } = useTranslation();
  const hub = useHubStatus();
  const paired = hub !== null && hub.state !== 'unpaired' && hub.role === 'kiosk';
  const [services, setServices] = useState<Service[] | null>(null);
  useEffect(() => {
    if (paired) void api.invoke('queue.services', {}).then((r) => r.ok && setServices(r.value.services));
  }, [paired]);
  if (!paired || services === null) return null;
  const service = serviceFor(services, procedureCodes);
  const label = (lng: 'vi' | 'en'): string => (service ? `${t('queue.button', { lng })}: ${service.name[lng]}` : t('queue.button', { lng }));
  const text: LocalizedText = { vi: label('vi'), en: label('en') };
  return (
    <div className="take-number-offer">
      <Bilingual as="p" text={both('turnEnd.takeNumberHint')} />
      <button type="button" className="btn btn-primary take-number-button" data-testid="take-number-offer" onClick={() => onTake(service ? [service.id] : [])}>
        <Bilingual text={text} />
      </button>
    </div>
  );
}
