import type { ChipAccessKey } from './chip-reading';
import { connectCard } from './pcsc-reader';
import { readChip, type ChipReadResult, type ReadOptions } from './read-chip';

/** Connects to the card on a PC/SC reader, reads and verifies it, and always lets the card go. */
export async function readOnReader(readerName: string, key: ChipAccessKey, options: ReadOptions): Promise<ChipReadResult> {
  const channel = await connectCard(readerName);
  try {
    return await readChip(channel, key, options);
  } finally {
    channel.close();
  }
}
