import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './origin';

/**
 * Applied to every web contents the app ever creates (windows, and anything a compromised page
 * might try to open), before it loads anything.
 */
export function installGuards(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

/** A page may only ever be the app: no leaving the origin, no new windows, no guest pages. */
export function guardWebContents(contents: WebContents): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // window.open, target=_blank, and shift-/middle-click ('auxclick') on links all come here.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyPermissions(contents.session);
}

/**
 * The kiosk needs no browser permission: scanners and readers are read by the main process, so
 * camera, microphone, geolocation, notifications, WebHID/USB/serial are all refused.
 */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
