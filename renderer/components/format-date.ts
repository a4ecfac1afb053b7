/** 2024-05-01 → 01/05/2024, as Vietnamese documents write dates. */
export const formatIsoDate = (iso: string) => iso.split('-').reverse().join('/');

const VIETNAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the time it was in Vietnam, "dd/mm/yyyy HH:mm" on the 24-hour clock, whatever the machine's locale. */
export function formatInstant(instant: string | number | Date): string {
  const part = Object.fromEntries(VIETNAM_PARTS.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
}
