import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';

const KEY = 'technician.pin';
/** After this many wrong PINs the unlock is refused for LOCKOUT_MS, whatever is typed. */
const MAX_FAILURES = 5;
const LOCKOUT_MS = 5 * 60_000;

const hash = (pin: string, salt: Buffer) => scryptSync(pin, salt, 32);

/** The technician PIN, stored as a salted scrypt hash in settings; never in clear. */
export class TechnicianPin {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly now: () => number = Date.now,
  ) {}

  set(pin: string): void {
    const salt = randomBytes(16);
    this.settings.set(KEY, `${salt.toString('hex')}:${hash(pin, salt).toString('hex')}`);
  }

  isSet(): boolean {
    return this.settings.get(KEY) !== null;
  }

  /** Throws PIN_LOCKED while locked out, PIN_WRONG for a wrong or unset PIN. */
  verify(pin: string): void {
    if (this.now() < this.lockedUntil) throw new AppError('TECHNICIAN_PIN_LOCKED');
    const stored = this.settings.get(KEY);
    const [saltHex, hashHex] = stored?.split(':') ?? [];
    const ok = saltHex !== undefined && hashHex !== undefined && timingSafeEqual(hash(pin, Buffer.from(saltHex, 'hex')), Buffer.from(hashHex, 'hex'));
    if (ok) {
      this.failures = 0;
      return;
    }
    this.failures += 1;
    if (this.failures >= MAX_FAILURES) {
      this.failures = 0;
      this.lockedUntil = this.now() + LOCKOUT_MS;
    }
    throw new AppError('TECHNICIAN_PIN_WRONG', ['pin']);
  }
}
