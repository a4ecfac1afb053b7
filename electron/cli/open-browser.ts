import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Opens the app in a Chromium app window (no tabs, no address bar) when there is a display to show it on. */
export function openInChromium(url: string, kiosk: boolean): string | null {
  if (!existsSync(CHROMIUM)) return null;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  const profile = mkdtempSync(join(tmpdir(), 'motcua-chromium-'));
  const args = [`--app=${url}`, `--user-data-dir=${profile}`, ...FLAGS, ...(kiosk ? ['--kiosk'] : [])];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  spawn(CHROMIUM, args, { stdio: 'ignore', detached: true }).unref();
  return CHROMIUM;
}
