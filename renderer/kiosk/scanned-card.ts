import type { LocalizedText } from '../../electron/contract';

/** What a card scan adds to a typed identity: the name (when the scanner could read it) and checks. */
export interface ScannedCard {
  name: string | null;
  asciiOnly: boolean;
  warnings: LocalizedText[];
}
