import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { appError, CHANNEL_NAMES, ipcName, type Result } from '../contract';
import type { Router } from '../host/router';
import type { Session } from '../host/session';
import { isAppUrl } from './origin';
import type { SessionOwner } from './sessions';

/**
 * Only the app's own top-level page may call: a subframe or a page from another origin (were one
 * ever loaded despite the guards) gets FORBIDDEN and never reaches the router.
 */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The IPC transport: exactly the contract's channels, each handed to the router unchanged. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  router: Router,
  sessionFor: (owner: SessionOwner) => Session,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcName(channel), (event, input: unknown): Promise<Result<unknown>> => {
      if (!trustedSender(event)) return Promise.resolve({ ok: false, error: appError('FORBIDDEN') });
      return router.dispatch(sessionFor(event.sender), channel, input);
    });
  }
}
