/**
 * What the browser itself may keep of a citizen between two people: window storage and the
 * Cache API. The app keeps nothing there on purpose; this makes sure nothing stays by accident.
 */
export async function wipeBrowserTraces(): Promise<void> {
  window.sessionStorage.clear();
  window.localStorage.clear();
  if ('caches' in window) {
    const names = await window.caches.keys();
    await Promise.all(names.map((n) => window.caches.delete(n)));
  }
  window.getSelection()?.removeAllRanges();
}
