import { z } from 'zod';

/** Text shown to people: Vietnamese first, English second. */
export const localizedText = z.object({ vi: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedText>;

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
