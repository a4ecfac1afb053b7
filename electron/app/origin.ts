/**
 * The renderer's one origin. A privileged custom scheme rather than file:// so that a page can
 * reach nothing on disk but what the protocol handler chooses to serve, and so that CSP 'self',
 * fetch and the History API behave as on a real web origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'motcua';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * True for the app's own pages. Chromium reports canonical URLs, so a prefix with the trailing
 * slash is exact: app://motcua.evil/, app://motcua:81/ and app://x@motcua/ do not pass.
 */
export const isAppUrl = (url: string): boolean => url.startsWith(`${APP_ORIGIN}/`);
