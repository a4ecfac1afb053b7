import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DoctorReport } from '../contract';
import { appVersion, defaultDbPath } from '../host/app-files';
import type { AutoEnrolment } from '../host/central-host';
import { CENTRAL_ENV } from '../host/central-env';
import { createHost, type Host } from '../host/create-host';
import { AppError } from '../contract';
import { diagnosticsBundle } from '../host/diagnostics-bundle';
import { findElectron } from '../host/electron-binary';
import { newSession } from '../host/session';
import { startWebHost } from '../host/web-host';
import type { CentralLink } from '../sync/sync-service';
import { startDemoCentral } from './demo-central';
import type { Flags } from './flags';
import { openInChromium } from './open-browser';
import { appRoot, dataDir } from './paths';

// The commands that run the whole app (host, web host, devices): start, serve, doctor.

/** `--central URL --token T --central-key FILE` on serve/start: the centre to sync with. */
function centralFromFlags(flags: Flags): CentralLink | undefined {
  if (!flags.central || !flags.token || !flags['central-key']) return undefined;
  return { url: flags.central, token: flags.token, publicKeyPem: readFileSync(flags['central-key'], 'utf8') };
}

/** The centre a started app links to: one given whole by flags, or the demo's, enrolled with at start. */
type CentralChoice = { link: CentralLink } | { enrol: AutoEnrolment } | undefined;

function hostFor(flags: Flags, transport: 'electron' | 'browser', devices = true, central: CentralChoice = linkFromFlags(flags)) {
  const root = appRoot();
  const dbPath = flags.db ?? defaultDbPath(dataDir(), flags.demo);
  mkdirSync(dirname(dbPath), { recursive: true });
  return createHost({
    appRoot: root,
    dbPath,
    demo: flags.demo,
    transport,
    devices,
    sync: devices,
    retention: devices,
    ...(central && 'link' in central ? { central: central.link } : {}),
    ...(central && 'enrol' in central ? { enrol: central.enrol } : {}),
    // A thin client's "next to the app" is the folder holding bin/motcua.cjs.
    provisioningDirs: [root],
    version: appVersion(root),
    logError: (channel, error) => console.error(`[${channel}]`, error),
    log: (line) => console.error(line),
  });
}

function linkFromFlags(flags: Flags): CentralChoice {
  const link = centralFromFlags(flags);
  return link ? { link } : undefined;
}

export async function serve(flags: Flags, central?: CentralChoice): Promise<void> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${flags.port}`);
  const host = hostFor(flags, 'browser', true, central ?? linkFromFlags(flags));
  const web = await startWebHost({ router: host.router, events: host.events, staticDir: join(appRoot(), 'dist', 'renderer'), port });
  console.log(web.url);
  if (flags.hub) await joinHub(host, flags);
  if (flags.open && !openInChromium(web.url, flags.kiosk)) {
    console.error('Không mở được Chromium (không có /usr/bin/chromium hoặc màn hình) / Chromium not opened (no /usr/bin/chromium or no display)');
  }
  const stop = () => void web.close().then(() => host.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const MACHINE_ROLES = ['kiosk', 'counter', 'display', 'rating'] as const;

/** `--hub URL --hub-code CODE --role R`: pairs with the centre hub on first start; a failure is said and the machine serves on. */
async function joinHub(host: Host, flags: Flags): Promise<void> {
  const role = MACHINE_ROLES.find((r) => r === (flags.role ?? 'kiosk'));
  if (!role) throw new Error(`--role: one of ${MACHINE_ROLES.join(', ')}`);
  try {
    const status = await host.hub.join({ url: flags.hub!, code: flags['hub-code'] ?? '', role });
    console.error(`Trạm điều phối / Hub: ${flags.hub} (${status.role} ${status.label})`);
  } catch (error) {
    console.error(`Chưa ghép nối được với trạm điều phối / Not paired with the hub: ${error instanceof AppError ? error.data.message.en : String(error)}`);
  }
}

export async function start(flags: Flags): Promise<void> {
  const root = appRoot();
  const electron = findElectron(root);
  // The demo brings its own centre, so sync works with no configuration.
  const demo = !centralFromFlags(flags) && flags.demo ? await startDemoCentral(root, dataDir()) : null;
  const central: CentralChoice = demo ? { enrol: demo.enrol } : linkFromFlags(flags);
  if (central) console.log(`Central: ${'link' in central ? central.link.url : central.enrol.url}`);
  if (electron.binary) {
    const args = [join(root, 'dist', 'electron', 'main.cjs'), ...(flags.demo ? ['--demo'] : []), ...(flags.kiosk ? ['--kiosk'] : [])];
    if (flags.db) args.push('--db', flags.db);
    // The Electron app seals secrets with the OS keyring, which only it can open: it stores the link itself.
    const env = central ? { ...process.env, [CENTRAL_ENV]: JSON.stringify(central) } : process.env;
    const child = spawn(electron.binary, args, { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log('Electron binary not available here (Không có Electron): serving browser mode.');
  await serve({ ...flags, open: true }, central);
}

export async function doctor(flags: Flags): Promise<void> {
  const host = hostFor(flags, 'browser', false);
  try {
    const result = await host.router.dispatch(newSession('technician'), 'diagnostics.doctor', {});
    if (!result.ok) throw new Error(result.error.message.en);
    const report = result.value as DoctorReport;
    if (flags.bundle) {
      const bundle = diagnosticsBundle({ db: host.db, doctor: report, version: appVersion(appRoot()) });
      writeFileSync(flags.bundle, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
    }
    console.log(flags.json ? JSON.stringify(report, null, 2) : formatDoctor(report));
    // One line per problem on stderr, and a failing exit, so a script or a technician sees what to fix.
    for (const problem of report.problems ?? []) console.error(problem);
    if (report.problems?.length) process.exitCode = 1;
  } finally {
    await host.close();
  }
}

function formatDoctor({ problems: _problems, ...report }: DoctorReport): string {
  return Object.entries(report)
    .map(([section, value]) => `${section.padEnd(10)} ${JSON.stringify(value)}`)
    .join('\n');
}

