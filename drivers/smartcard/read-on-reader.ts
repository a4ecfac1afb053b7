import type { CardChannel } from './card-channel';
import type { ChipAccessKey } from './chip-reading';
import type { FaceImage } from './dg2-face';
import { connectCard } from './pcsc-reader';
import { readChip, readFace, type ChipReadResult, type ReadOptions } from './read-chip';

/** Connects to the card on a PC/SC reader, talks to it, and always lets the card go. */
async function onReader<T>(readerName: string, talk: (channel: CardChannel) => Promise<T>): Promise<T> {
  const channel = await connectCard(readerName);
  try {
    return await talk(channel);
  } finally {
    channel.close();
  }
}

/** Reads and verifies the card on a PC/SC reader. */
export const readOnReader = (readerName: string, key: ChipAccessKey, options: ReadOptions): Promise<ChipReadResult> =>
  onReader(readerName, (channel) => readChip(channel, key, options));

/** The face on the card on a PC/SC reader, for the officer's eyes only. */
export const readFaceOnReader = (readerName: string, key: ChipAccessKey): Promise<FaceImage> => onReader(readerName, (channel) => readFace(channel, key));
