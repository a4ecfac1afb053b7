import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appVersion, defaultDbPath } from '../host/app-files';
import type { AutoEnrolment } from '../host/central-host';
import type { DemoPhoneControl } from '../host/demo-phone';
import { ownerOnlyFolder } from '../security/owner-only';
import { createHost, type Host } from '../host/create-host';
import type { HostLog } from '../host/host-log';
import type { ChipSource } from '../devices/chip-source';
import type { CentralLink } from '../sync/sync-service';
import type { Flags } from './flags';
import { appRoot, dataDir } from './paths';

/**
 * The centre a started app links to: one given whole by flags, or the demo's, enrolled with at start.
 * `phone`: the demo centre's control routes, for the demo's "phone" panel (a link given by flags in
 * demo mode is taken to be a simulator's operator link, as the end-to-end tests give it). Plain
 * data: it crosses to the host's worker.
 */
export type CentralChoice = { link: CentralLink; phone?: DemoPhoneControl } | { enrol: AutoEnrolment; phone?: DemoPhoneControl } | undefined;

/** `--central URL --token T --central-key FILE` on serve/start: the centre to sync with. */
export function centralFromFlags(flags: Flags): CentralLink | undefined {
  if (!flags.central || !flags.token || !flags['central-key']) return undefined;
  return { url: flags.central, token: flags.token, publicKeyPem: readFileSync(flags['central-key'], 'utf8') };
}

export function linkFromFlags(flags: Flags): CentralChoice {
  const link = centralFromFlags(flags);
  return link ? { link, phone: { url: link.url, token: link.token } } : undefined;
}

export const dbPathFor = (flags: Flags): string => flags.db ?? defaultDbPath(dataDir(), flags.demo);

/** The log folder beside the database (the data folder). */
export const logDirFor = (flags: Flags): string => join(dirname(dbPathFor(flags)), 'logs');

/** The writer worker bundled beside this bundle (dist/cli); from the sources (tests) there is none and the host's thread does its work. */
function writerWorkerBeside(): { writerWorker?: string } {
  const script = join(__dirname, 'writer-worker.cjs');
  return existsSync(script) ? { writerWorker: script } : {};
}

/** The host of `serve` (in its worker) and of `doctor`: devices, sync and retention only for a running app. */
export function hostFor(flags: Flags, transport: 'electron' | 'browser', devices = true, central: CentralChoice = linkFromFlags(flags), log?: HostLog, chipSource?: ChipSource): Host {
  const root = appRoot();
  const dbPath = dbPathFor(flags);
  // The app's own data folder is owner-only with all it holds; a --db elsewhere gets a new folder made so, never a shared one changed.
  if (flags.db) mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  else ownerOnlyFolder(dataDir());
  return createHost({
    appRoot: root,
    dbPath,
    demo: flags.demo,
    transport,
    devices,
    sync: devices,
    ...(devices ? writerWorkerBeside() : {}),
    retention: devices,
    ...(central && 'link' in central ? { central: central.link } : {}),
    ...(central && 'enrol' in central ? { enrol: central.enrol } : {}),
    ...(flags.demo && central?.phone ? { demoPhone: central.phone } : {}),
    ...(chipSource ? { chipSource } : {}),
    // A thin client's "next to the app" is the folder holding bin/motcua.cjs.
    provisioningDirs: [root],
    version: appVersion(root),
    logError: log?.logError ?? ((channel, error) => console.error(`[${channel}]`, error)),
    log: log?.log ?? ((line) => console.error(line)),
  });
}
