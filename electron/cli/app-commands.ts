import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DoctorReport } from '../contract';
import { DatabaseKeyError } from '../db/database-key';
import { appVersion } from '../host/app-files';
import { CENTRAL_ENV } from '../host/central-env';
import { diagnosticsBundle } from '../host/diagnostics-bundle';
import { findElectron } from '../host/electron-binary';
import { newSession } from '../host/session';
import { startWebHost } from '../host/web-host';
import { startDemoCentral } from './demo-central';
import type { Flags } from './flags';
import { centralFromFlags, dbPathFor, hostFor, linkFromFlags, logDirFor, type CentralChoice } from './host-for';
import { CURRENT_LOG } from '../host/host-log';
import { startHostThread } from './host-thread';
import { openInChromium } from './open-browser';
import { appRoot, dataDir } from './paths';

// The commands that run the whole app (host, web host, devices): start, serve, doctor.

export async function serve(flags: Flags, central?: CentralChoice): Promise<void> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${flags.port}`);
  const host = startHostThread(flags, central ?? linkFromFlags(flags));
  const web = await startWebHost({ router: host.router, events: host.events, staticDir: join(appRoot(), 'dist', 'renderer'), port });
  console.log(web.url);
  if (flags.open && !openInChromium(web.url, flags.kiosk)) {
    console.error('Không mở được Chromium (không có /usr/bin/chromium hoặc màn hình) / Chromium not opened (no /usr/bin/chromium or no display)');
  }
  const stop = () => void web.close().then(() => host.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function start(flags: Flags): Promise<void> {
  const root = appRoot();
  const electron = findElectron(root);
  // The demo brings its own centre, so sync works with no configuration.
  const demo = !centralFromFlags(flags) && flags.demo ? await startDemoCentral(root, dataDir()) : null;
  const central: CentralChoice = demo ? { enrol: demo.enrol, phone: demo.phone } : linkFromFlags(flags);
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
  let host: ReturnType<typeof hostFor>;
  try {
    host = hostFor(flags, 'browser', false);
  } catch (error) {
    if (!(error instanceof DatabaseKeyError)) throw error;
    return keyProblem(flags, error);
  }
  try {
    const result = await host.router.dispatch(newSession('technician'), 'diagnostics.doctor', {});
    if (!result.ok) throw new Error(result.error.message.en);
    const report = result.value as DoctorReport;
    if (flags.bundle) {
      const bundle = diagnosticsBundle({ db: host.db, doctor: report, version: appVersion(appRoot()), logDir: logDirFor(flags) });
      writeFileSync(flags.bundle, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
    }
    console.log(flags.json ? JSON.stringify({ ...report, logs: logDirFor(flags) }, null, 2) : `${formatDoctor(report)}\nlogs       ${logDirFor(flags)} (the host's log, newest in ${CURRENT_LOG})`);
    // One line per problem on stderr, and a failing exit, so a script or a technician sees what to fix.
    for (const problem of report.problems ?? []) console.error(problem);
    if (report.problems?.length) process.exitCode = 1;
  } finally {
    await host.close();
  }
}

/**
 * The database's key cannot be opened: nothing else can be checked, and nothing is wrong with the
 * data. Said as the one problem, with what to do, and exit 1; the database is left as it is.
 */
function keyProblem(flags: Flags, error: DatabaseKeyError): void {
  const problem = `database: ${error.vi} / ${error.en}`;
  const report = { database: { path: dbPathFor(flags), key: error.code }, problems: [problem] };
  console.log(flags.json ? JSON.stringify(report, null, 2) : `database   ${JSON.stringify(report.database)}`);
  console.error(problem);
  process.exitCode = 1;
}

function formatDoctor({ problems: _problems, ...report }: DoctorReport): string {
  return Object.entries(report)
    .map(([section, value]) => `${section.padEnd(10)} ${JSON.stringify(value)}`)
    .join('\n');
}

