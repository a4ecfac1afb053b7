import { z } from 'zod';
import { machineRole } from './central';
import { LANGUAGES } from './localized';

/** How long a kiosk waits without a touch before it asks "are you still there?" (seconds). */
export const IDLE_SECONDS = { min: 30, max: 600, default: 60 } as const;

/** A line a technician types in both languages (centre name, opening hours). */
const bilingualLine = (max: number) => z.object({ vi: z.string().trim().max(max), en: z.string().trim().max(max) }).strict();

/**
 * The kiosk options a technician sets on this machine. Nothing personal: every kiosk screen
 * reads them, before anyone is identified. `saturdayMorning` is the centre calendar's own
 * setting (working days count it too), shown here so the opening hours can say so.
 */
export const kioskOptions = z
  .object({
    /** Which screen the app opens on: a citizens' touch kiosk or an officer's counter workstation (the role the machine was provisioned or registered with). */
    role: machineRole,
    idleSeconds: z.number().int().min(IDLE_SECONDS.min).max(IDLE_SECONDS.max),
    defaultLanguage: z.enum(LANGUAGES),
    centreName: bilingualLine(200),
    openingHours: bilingualLine(300),
    saturdayMorning: z.boolean(),
  })
  .strict();
export type KioskOptions = z.infer<typeof kioskOptions>;
