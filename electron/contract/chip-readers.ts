import { z } from 'zod';

/** A PC/SC reader as the technician's Devices panel shows it. */
export const chipReaderView = z.object({ name: z.string(), cardPresent: z.boolean() });

/** The chip readers of this machine; a PC/SC service that is not there is a status, never an error. */
export const chipReadersOverview = z.object({
  service: z.enum(['ok', 'unavailable']),
  readers: z.array(chipReaderView),
  /** Demo mode only: the demo card the technician puts on the virtual reader; null elsewhere. */
  demoCard: z.object({ present: z.boolean() }).nullable(),
});

export const chipReaderName = z.string().min(1).max(200);

/** A live test of the card on a reader: its ATR and its answer to SELECT of the eMRTD application (no key, nothing personal). */
export const chipReaderTest = z.object({
  reader: z.string(),
  /** Hex, upper case. */
  atr: z.string(),
  /** The status word of SELECT eMRTD (9000: an ICAO 9303 chip, e.g. the chip ID card). */
  selectStatus: z.string(),
  emrtd: z.boolean(),
  ms: z.number(),
});
export type ChipReaderTest = z.infer<typeof chipReaderTest>;
export type ChipReadersOverview = z.infer<typeof chipReadersOverview>;
