import { AppError } from '../contract';
import { HubRefused, HubUnavailable, type HubClient } from '../hub/hub-client';

/** A call to the hub, its refusals and its absence told as the contract's errors. */
export async function callHub<T>(client: HubClient | null, op: string, input: object = {}): Promise<T> {
  if (!client) throw new AppError('HUB_NOT_PAIRED');
  try {
    return await client.call<T>(op, input);
  } catch (error) {
    if (error instanceof HubRefused) {
      if (error.code === 'unknown-service') throw new AppError('QUEUE_UNKNOWN_SERVICE');
      if (error.status === 403) throw new AppError('QUEUE_NOT_A_COUNTER');
      throw new AppError('BAD_INPUT');
    }
    if (error instanceof HubUnavailable) throw new AppError('HUB_OFFLINE');
    throw error;
  }
}

/** True for the error a channel shows when the hub is away (the machine then serves on its own). */
export const hubAway = (error: unknown) => error instanceof AppError && error.data.code === 'HUB_OFFLINE';
