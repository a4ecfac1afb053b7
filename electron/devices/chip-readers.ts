import { encodeCommand, splitResponse, SW_OK } from '../../drivers/smartcard/apdu';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { connectCard, readerStates } from '../../drivers/smartcard/pcsc-reader';
import { EMRTD_AID } from '../../drivers/smartcard/read-chip';

export type ChipReadersStatus = { service: 'ok'; readers: { name: string; cardPresent: boolean }[] } | { service: 'unavailable'; detail: string };

export interface ChipCardProbe {
  atr: string;
  selectStatus: string;
  emrtd: boolean;
  ms: number;
}

/** What the technician's Devices panel asks of PC/SC: the readers with their cards, and a live test of one card. */
export interface ChipReaderInspector {
  status(): Promise<ChipReadersStatus>;
  /** Rejects with a ChipError (NO_READER, NO_CARD, CARD_REMOVED …) when the card cannot be asked. */
  probe(reader: string): Promise<ChipCardProbe>;
}

const hex = (bytes: Buffer) => bytes.toString('hex').toUpperCase();

/**
 * The readers through the PC/SC binding: no pcscd (or no binding) is `unavailable`, never a throw.
 * The live test connects, takes the ATR and SELECTs the eMRTD application: no key, so nothing
 * personal is read; 9000 tells an ICAO 9303 chip such as the chip ID card.
 */
export const pcscInspector: ChipReaderInspector = {
  async status() {
    try {
      return { service: 'ok', readers: await readerStates() };
    } catch (error) {
      return { service: 'unavailable', detail: error instanceof ChipError ? error.detail : String(error) };
    }
  },
  async probe(reader) {
    const started = performance.now();
    const card = await connectCard(reader);
    try {
      const { sw } = splitResponse(await card.transmit(encodeCommand({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID })));
      return { atr: hex(card.atr), selectStatus: sw.toString(16).toUpperCase().padStart(4, '0'), emrtd: sw === SW_OK, ms: Math.round(performance.now() - started) };
    } finally {
      card.close();
    }
  },
};

/** No chip readers looked for (a host with its peripherals off). */
export const noChipReaders: ChipReaderInspector = {
  status: async () => ({ service: 'unavailable', detail: 'peripherals off' }),
  probe: async () => {
    throw new ChipError('NO_READER', 'peripherals off');
  },
};
