import { AppError, type ErrorCode } from '../contract';
import { ChipError } from '../../drivers/smartcard/chip-error';
import type { ChipReaderInspector } from '../devices/chip-readers';
import type { DemoCard } from './demo-card';
import type { Handlers } from './router';

export interface ChipReaderHandlerDeps {
  inspector: ChipReaderInspector;
  /** Demo mode only: the demo card on the virtual reader; absent elsewhere (the channel is then refused). */
  demoCard?: DemoCard;
}

type ChipReaderChannels = 'devices.chipReaders' | 'devices.chipTest' | 'devices.demoCard';

const TEST_ERRORS: Partial<Record<ChipError['code'], ErrorCode>> = { NO_READER: 'CHIP_TEST_NO_READER', NO_CARD: 'CHIP_TEST_NO_CARD' };

/** The technician's chip readers: listed with their cards, a live test of one, and the demo's card control. */
export function chipReaderHandlers(deps: ChipReaderHandlerDeps): Pick<Handlers, ChipReaderChannels> {
  const demoCard = (): DemoCard => {
    if (!deps.demoCard) throw new AppError('DEMO_ONLY');
    return deps.demoCard;
  };
  return {
    'devices.chipReaders': async () => {
      const status = await deps.inspector.status();
      return {
        service: status.service,
        readers: status.service === 'ok' ? status.readers : [],
        demoCard: deps.demoCard ? { present: deps.demoCard.present() } : null,
      };
    },
    'devices.chipTest': async ({ reader }) => {
      if ((await deps.inspector.status()).service === 'unavailable') throw new AppError('CHIP_SERVICE_UNAVAILABLE');
      try {
        return { reader, ...(await deps.inspector.probe(reader)) };
      } catch (error) {
        throw new AppError((error instanceof ChipError && TEST_ERRORS[error.code]) || 'CHIP_TEST_FAILED');
      }
    },
    'devices.demoCard': async ({ present }) => {
      const card = demoCard();
      if (!present) await card.remove();
      else if (!(await card.put())) throw new AppError('DEMO_CARD_UNAVAILABLE');
      return { present: card.present() };
    },
  };
}
