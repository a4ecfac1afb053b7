/** Who is at the screen. A session starts as `kiosk`; officers log in, technicians unlock with a PIN. */
export const ROLES = ['kiosk', 'officer', 'technician'] as const;
export type Role = (typeof ROLES)[number];
