import { AppError } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';
import { afterFailure, hashSecret, SCRYPT_NODE_DEFAULTS, verifySecret } from './secret-hash';

const KEY = 'technician.pin';

/** The technician PIN, stored as a salted scrypt hash in settings (`salt:hash`); never in clear. */
export class TechnicianPin {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly settings: SettingsRepository,
    private readonly now: () => number = Date.now,
  ) {}

  set(pin: string): void {
    const { salt, hash } = hashSecret(pin, SCRYPT_NODE_DEFAULTS);
    this.settings.set(KEY, `${salt}:${hash}`);
  }

  isSet(): boolean {
    return this.settings.get(KEY) !== null;
  }

  /** Throws PIN_LOCKED while locked out, PIN_WRONG for a wrong or unset PIN. */
  verify(pin: string): void {
    if (this.now() < this.lockedUntil) throw new AppError('TECHNICIAN_PIN_LOCKED');
    const [salt, hash] = this.settings.get(KEY)?.split(':') ?? [];
    if (salt !== undefined && hash !== undefined && verifySecret(pin, { ...SCRYPT_NODE_DEFAULTS, salt, hash })) {
      this.failures = 0;
      return;
    }
    const next = afterFailure(this.failures, this.now());
    this.failures = next.failures;
    if (next.lockedUntil !== null) this.lockedUntil = next.lockedUntil;
    throw new AppError('TECHNICIAN_PIN_WRONG', ['pin']);
  }
}
