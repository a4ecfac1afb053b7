import type { App, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, installGuards } from '../../electron/app/guards';

// guards.ts receives app and web contents as parameters and imports only Electron's types.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by guards.ts');
});

type Listener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (h: Listener) => void (handlers.permissionRequest = h),
    setPermissionCheckHandler: (h: Listener) => void (handlers.permissionCheck = h),
    setDevicePermissionHandler: (h: Listener) => void (handlers.devicePermission = h),
  };
  const contents = {
    session,
    on: (name: string, listener: Listener) => void listeners.set(name, listener),
    setWindowOpenHandler: (h: Listener) => void (handlers.windowOpen = h),
  } as unknown as WebContents;
  return { contents, listeners, handlers };
}

function guarded() {
  const fake = fakeWebContents();
  guardWebContents(fake.contents);
  return fake;
}

/** Emits a navigation event the way Electron does and reports whether it was blocked. */
function navigate(listener: Listener | undefined, url: string): boolean {
  const preventDefault = vi.fn();
  listener!({ url, preventDefault }, url);
  return preventDefault.mock.calls.length > 0;
}

describe('web contents guards', () => {
  it('are installed on every web contents the app creates', () => {
    const on = vi.fn();
    installGuards({ on } as unknown as App);
    expect(on).toHaveBeenCalledExactlyOnceWith('web-contents-created', expect.any(Function));
    const { contents, listeners, handlers } = fakeWebContents();
    (on.mock.calls[0]![1] as Listener)({}, contents);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(Object.keys(handlers).sort()).toEqual(['devicePermission', 'permissionCheck', 'permissionRequest', 'windowOpen']);
  });

  it.each(['will-navigate', 'will-redirect'])('%s: leaving the app is prevented, app pages are allowed', (name) => {
    const { listeners } = guarded();
    const listener = listeners.get(name);
    for (const url of ['https://example.com', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://motcua.evil.example/', 'javascript:alert(1)']) {
      expect(navigate(listener, url), url).toBe(true);
    }
    for (const url of ['app://motcua/counter', 'app://motcua/kiosk?step=2']) {
      expect(navigate(listener, url), url).toBe(false);
    }
  });

  it('window.open (and target=_blank, middle-click) is denied', () => {
    const { handlers } = guarded();
    for (const disposition of ['new-window', 'foreground-tab', 'background-tab']) {
      expect(handlers.windowOpen!({ url: 'app://motcua/kiosk', disposition })).toEqual({ action: 'deny' });
    }
    expect(handlers.windowOpen!({ url: 'https://example.com', disposition: 'new-window' })).toEqual({ action: 'deny' });
  });

  it('attaching a <webview> is prevented', () => {
    const { listeners } = guarded();
    const preventDefault = vi.fn();
    listeners.get('will-attach-webview')!({ preventDefault }, {}, { src: 'https://example.com' });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('every permission request and check gets false', () => {
    const { handlers } = guarded();
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'openExternal']) {
      const callback = vi.fn();
      handlers.permissionRequest!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.permissionCheck!({}, permission, 'app://motcua', {})).toBe(false);
    }
    expect(handlers.devicePermission!({ deviceType: 'hid', origin: 'app://motcua' })).toBe(false);
  });
});
