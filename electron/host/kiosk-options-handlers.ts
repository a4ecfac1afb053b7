import { IDLE_SECONDS, kioskOptions, type KioskOptions, type LocalizedText } from '../contract';
import { ROLE_SETTING, setMachineRole } from '../db/machine-role';
import type { SettingsRepository } from '../db/settings-repository';
import { CALENDAR_SETTINGS } from './centre-calendar';
import type { Handlers } from './router';

/**
 * Where each option lives in the settings table. The role is the one provisioning and device
 * registration write (central-link.ts), Saturday morning the calendar's own key: one setting each.
 */
export const KIOSK_SETTINGS = {
  role: ROLE_SETTING,
  idleSeconds: 'kiosk.idleSeconds',
  defaultLanguage: 'kiosk.defaultLanguage',
  centreName: 'kiosk.centreName',
  openingHours: 'kiosk.openingHours',
} as const;

/** Until a technician says otherwise: the usual hours of a one-stop centre. */
export const DEFAULT_OPENING_HOURS: LocalizedText = {
  vi: 'Thứ Hai đến Thứ Sáu: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ',
  en: 'Monday to Friday: 7:30–11:30 and 13:30–17:00',
};

interface Deps {
  settings: SettingsRepository;
  /** The registered centre's name, shown until a technician types another. */
  registeredCentreName: () => LocalizedText | null;
}

/** `kiosk.options` for every screen, `kiosk.setOptions` for the technician console, over the settings table. */
export function kioskOptionsHandlers({ settings, registeredCentreName }: Deps): Pick<Handlers, 'kiosk.options' | 'kiosk.setOptions'> {
  const text = (key: string, fallback: LocalizedText): LocalizedText => {
    try {
      const stored: unknown = JSON.parse(settings.get(key) ?? 'null');
      const parsed = kioskOptions.shape.openingHours.safeParse(stored);
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  };
  const read = (): KioskOptions => {
    // A value that does not parse (edited by hand, from an older version) falls back to its default.
    const idle = Number(settings.get(KIOSK_SETTINGS.idleSeconds));
    return {
      role: settings.get(KIOSK_SETTINGS.role) === 'counter' ? 'counter' : 'kiosk',
      idleSeconds: kioskOptions.shape.idleSeconds.safeParse(idle).success ? idle : IDLE_SECONDS.default,
      defaultLanguage: settings.get(KIOSK_SETTINGS.defaultLanguage) === 'en' ? 'en' : 'vi',
      centreName: text(KIOSK_SETTINGS.centreName, registeredCentreName() ?? { vi: '', en: '' }),
      openingHours: text(KIOSK_SETTINGS.openingHours, DEFAULT_OPENING_HOURS),
      saturdayMorning: settings.get(CALENDAR_SETTINGS.saturdayMorning) === 'true',
    };
  };
  return {
    'kiosk.options': () => read(),
    'kiosk.setOptions': (options) => {
      // The role first, in its own transaction with the purge of what the new role may not hold.
      setMachineRole(settings.db, options.role);
      settings.setAll([
        [KIOSK_SETTINGS.idleSeconds, String(options.idleSeconds)],
        [KIOSK_SETTINGS.defaultLanguage, options.defaultLanguage],
        [KIOSK_SETTINGS.centreName, JSON.stringify(options.centreName)],
        [KIOSK_SETTINGS.openingHours, JSON.stringify(options.openingHours)],
        [CALENDAR_SETTINGS.saturdayMorning, String(options.saturdayMorning)],
      ]);
      return read();
    },
  };
}
