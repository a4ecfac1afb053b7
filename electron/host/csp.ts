/**
 * The renderer's Content-Security-Policy, the same in Electron and browser mode: only the app's
 * own scripts and styles, no eval, no plugins, no framing; blob: for the PDFs it hands over.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
