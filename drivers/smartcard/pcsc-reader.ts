import type { CardChannel } from './card-channel';
import { ChipError } from './chip-error';

/*
 * PC/SC through `smartcard` (tomkp/smartcard): an N-API addon, so one build serves every Node and
 * Electron ABI; it is maintained (3.7, 2026) and ships TypeScript types. `pcsclite` and
 * `@pokusew/pcsclite` are NAN addons (rebuilt per ABI) with an event-only API and no recent releases.
 * It is loaded on first use: a machine without the addon or without pcscd gets NO_READER, not a crash.
 */
type SmartcardModule = typeof import('smartcard');

let loaded: Promise<SmartcardModule> | undefined;

function binding(): Promise<SmartcardModule> {
  loaded ??= import('smartcard').catch((error: unknown) => {
    loaded = undefined;
    throw new ChipError('NO_READER', `PC/SC binding unavailable: ${String(error)}`);
  });
  return loaded;
}

/** The binding's errors are plain Errors; their text names the PC/SC condition. */
function asChipError(error: unknown, whileReading: boolean): ChipError {
  if (error instanceof ChipError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (/service not running|no readers|unknown reader|reader.*unavailable/i.test(text)) return new ChipError('NO_READER', text);
  if (whileReading) return new ChipError('CARD_REMOVED', text);
  if (/no smart ?card|removed|unresponsive|unpowered/i.test(text)) return new ChipError('NO_CARD', text);
  return new ChipError('NO_READER', text);
}

/** A PC/SC context of the binding; failing to make one (no pcscd) is a ChipError. */
async function openContext(): Promise<{ module: SmartcardModule; context: InstanceType<SmartcardModule['Context']> }> {
  const module = await binding();
  try {
    return { module, context: new module.Context() };
  } catch (error) {
    throw asChipError(error, false);
  }
}

async function withContext<T>(use: (module: SmartcardModule, context: InstanceType<SmartcardModule['Context']>) => Promise<T>): Promise<T> {
  const { module, context } = await openContext();
  try {
    return await use(module, context);
  } finally {
    context.close();
  }
}

/** The PC/SC readers attached now, with whether a card is on each ([] when pcscd runs with none). */
export async function readerStates(): Promise<{ name: string; cardPresent: boolean }[]> {
  try {
    return await withContext(async (module, context) =>
      context.listReaders().map((reader) => ({ name: reader.name, cardPresent: (reader.state & module.SCARD_STATE_PRESENT) !== 0 })),
    );
  } catch (error) {
    const chipError = asChipError(error, false);
    if (/no readers/i.test(chipError.detail)) return [];
    throw chipError;
  }
}

/** The names of the PC/SC readers attached now ([] when pcscd runs with none). */
export async function listReaders(): Promise<string[]> {
  return (await readerStates()).map((reader) => reader.name);
}

/** Connects to the card on the named reader (shared, T=0 or T=1). */
export async function connectCard(readerName: string): Promise<CardChannel> {
  const { module, context } = await openContext();
  const close = () => context.close();
  try {
    const reader = context.listReaders().find((candidate) => candidate.name === readerName);
    if (reader === undefined) throw new ChipError('NO_READER', `no reader named ${readerName}`);
    const card = await reader.connect(module.SCARD_SHARE_SHARED, module.SCARD_PROTOCOL_T0 | module.SCARD_PROTOCOL_T1);
    return {
      atr: card.atr ?? Buffer.alloc(0),
      transmit: async (apdu) => {
        let answer: Buffer;
        try {
          answer = await card.transmit(apdu, { maxRecvLength: 65538, autoGetResponse: true });
        } catch (error) {
          throw asChipError(error, true);
        }
        // No bytes at all, not even a status word: the card left the field (vpcd reports a vanished card so).
        if (answer.length === 0) throw new ChipError('CARD_REMOVED', 'empty answer');
        return answer;
      },
      close: () => {
        try {
          card.disconnect(module.SCARD_LEAVE_CARD);
        } catch {
          // Already gone with the card; the context still closes.
        }
        close();
      },
    };
  } catch (error) {
    close();
    throw asChipError(error, false);
  }
}
