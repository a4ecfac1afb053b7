import type { CardChannel } from '../../../drivers/smartcard/card-channel';
import { ChipError } from '../../../drivers/smartcard/chip-error';
import type { VirtualChip } from './chip';

/** The chip without PC/SC, for fast tests of the protocol; `removeAfter` pulls the card after that many APDUs. */
export function inProcessChannel(chip: VirtualChip, removeAfter = Infinity): CardChannel & { apdus: Buffer[] } {
  const apdus: Buffer[] = [];
  chip.reset();
  return {
    atr: chip.atr,
    apdus,
    transmit: async (apdu) => {
      if (apdus.length >= removeAfter) throw new ChipError('CARD_REMOVED', 'card removed');
      apdus.push(apdu);
      return chip.answer(apdu);
    },
    close: () => undefined,
  };
}
