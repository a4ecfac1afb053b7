import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection';
import { SettingsRepository } from '../db/settings-repository';
import { databaseStats } from '../db/stats';
import { appVersion, defaultDbPath } from '../host/app-files';
import { saveCentralLink } from '../host/central-link';
import type { DoctorReport } from '../contract';
import { diagnosticsBundle } from '../host/diagnostics-bundle';
import { createHost } from '../host/create-host';
import { findElectron } from '../host/electron-binary';
import { newSession } from '../host/session';
import { startWebHost } from '../host/web-host';
import { CHANGES_FEED } from '../sync/apply-batch';
import type { CentralLink } from '../sync/sync-service';
import { auditVerify } from './audit';
import { calendarCommand } from './calendar';
import { decode } from './decode';
import { startDemoCentral } from './demo-central';
import { openInChromium } from './open-browser';
import { remind } from './remind';
import { appRoot, dataDir } from './paths';
import { recommendCommand } from './recommend';
import { searchCommand } from './search';
import { runSync } from './sync';
import { workdaysCommand } from './workdays';

const USAGE = `motcua — một cửa kiosk / counter workstation

  motcua start  [--demo] [--kiosk] [--db PATH]        Electron where its binary exists, else browser mode
  motcua serve  [--port N] [--db PATH] [--demo] [--open] [--kiosk] [--central URL --token T --central-key PEM_FILE]
                                                      browser mode on 127.0.0.1; prints the URL with its token
  motcua doctor [--json] [--db PATH] [--bundle FILE]  runtime, database, HID, printers, central link, fonts, disk;
                                                      exit 1 with one line per problem; --bundle writes a diagnostics
                                                      bundle without personal data or secrets
  motcua remind --profile FILE [--today YYYY-MM-DD] [--json]
                                                      a citizen's reminders with legal basis, most urgent first
  motcua audit verify --db PATH [--json]              checks the audit log's hash chain; exit 1 names the first broken row
  motcua calendar --year YYYY [--json]                lunar new year and the public holidays (days off) of a year
  motcua workdays --from YYYY-MM-DD --add N [--saturday-morning] [--json]
                                                      the day a result is ready after N working days
  motcua recommend --list [--json]                    the outcomes the catalogue compares
  motcua recommend --outcome ID --prefer cheapest|fastest|fewest-visits|balanced [--profile FILE] [--today YYYY-MM-DD] [--json]
                                                      every option compared, one recommended and why
  motcua search --db PATH --query TEXT [--limit N] [--json]
                                                      synced cases by receipt code, personal number or name; urgent first
`;

const OPTIONS = {
  port: { type: 'string' },
  db: { type: 'string' },
  demo: { type: 'boolean', default: false },
  open: { type: 'boolean', default: false },
  kiosk: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  qr: { type: 'string' },
  mrz: { type: 'string' },
  reports: { type: 'string' },
  mode: { type: 'string' },
  layout: { type: 'string' },
  central: { type: 'string' },
  token: { type: 'string' },
  'central-key': { type: 'string' },
  once: { type: 'boolean', default: false },
  profile: { type: 'string' },
  today: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  add: { type: 'string' },
  'saturday-morning': { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  outcome: { type: 'string' },
  prefer: { type: 'string' },
  query: { type: 'string' },
  limit: { type: 'string' },
  bundle: { type: 'string' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** `--central URL --token T --central-key FILE` on serve/start: the centre to sync with. */
function centralFromFlags(flags: Flags): CentralLink | undefined {
  if (!flags.central || !flags.token || !flags['central-key']) return undefined;
  return { url: flags.central, token: flags.token, publicKeyPem: readFileSync(flags['central-key'], 'utf8') };
}

function hostFor(flags: Flags, transport: 'electron' | 'browser', devices = true, central = centralFromFlags(flags)) {
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
    ...(central ? { central } : {}),
    version: appVersion(root),
    logError: (channel, error) => console.error(`[${channel}]`, error),
  });
}

async function serve(flags: Flags, central?: CentralLink): Promise<void> {
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${flags.port}`);
  const host = hostFor(flags, 'browser', true, central ?? centralFromFlags(flags));
  const web = await startWebHost({ router: host.router, events: host.events, staticDir: join(appRoot(), 'dist', 'renderer'), port });
  console.log(web.url);
  if (flags.open && !openInChromium(web.url, flags.kiosk)) {
    console.error('Không mở được Chromium (không có /usr/bin/chromium hoặc màn hình) / Chromium not opened (no /usr/bin/chromium or no display)');
  }
  const stop = () => void web.close().then(() => host.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function start(flags: Flags): Promise<void> {
  const root = appRoot();
  const electron = findElectron(root);
  // The demo brings its own centre, so sync works with no configuration.
  const central = centralFromFlags(flags) ?? (flags.demo ? (await startDemoCentral(root, dataDir()))?.link : undefined);
  if (central) console.log(`Central: ${central.url}`);
  if (electron.binary) {
    if (central) {
      const db = openDatabase(flags.db ?? defaultDbPath(dataDir(), flags.demo), join(root, 'electron', 'db', 'migrations')).db;
      saveCentralLink(new SettingsRepository(db), central);
      db.close();
    }
    const args = [join(root, 'dist', 'electron', 'main.cjs'), ...(flags.demo ? ['--demo'] : []), ...(flags.kiosk ? ['--kiosk'] : [])];
    if (flags.db) args.push('--db', flags.db);
    const child = spawn(electron.binary, args, { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log('Electron binary not available here (Không có Electron): serving browser mode.');
  await serve({ ...flags, open: true }, central);
}

async function doctor(flags: Flags): Promise<void> {
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

/** Commands that work on a database file alone: no host, no demo, no devices. */
function openDb(flags: Flags) {
  if (!flags.db) throw new Error('--db PATH is required');
  return openDatabase(flags.db, join(appRoot(), 'electron', 'db', 'migrations')).db;
}

async function syncCommand(flags: Flags): Promise<void> {
  const db = openDb(flags);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  try {
    process.exitCode = await runSync(db, { central: flags.central, token: flags.token, centralKey: flags['central-key'], once: flags.once }, stop.signal);
  } finally {
    db.close();
  }
}

async function auditCommand(flags: Flags, sub: string | undefined): Promise<void> {
  if (sub !== 'verify') throw new Error(`unknown audit command: ${sub ?? ''}\n${USAGE}`);
  const db = openDb(flags);
  try {
    process.exitCode = auditVerify(db, flags.json);
  } finally {
    db.close();
  }
}

async function dbCommand(flags: Flags, sub: string | undefined): Promise<void> {
  if (sub !== 'stats') throw new Error(`unknown db command: ${sub ?? ''}\n${USAGE}`);
  const db = openDb(flags);
  try {
    const stats = databaseStats(db, CHANGES_FEED);
    console.log(flags.json ? JSON.stringify(stats) : JSON.stringify(stats, null, 2));
  } finally {
    db.close();
  }
}

async function decodeCommand(flags: Flags): Promise<void> {
  const result = decode(flags);
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

async function remindCommand(flags: Flags): Promise<void> {
  const result = remind(flags, appRoot());
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

function formatDoctor({ problems: _problems, ...report }: DoctorReport): string {
  return Object.entries(report)
    .map(([section, value]) => `${section.padEnd(10)} ${JSON.stringify(value)}`)
    .join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const command = positionals[0];
  if (values.help || command === undefined) return void process.stdout.write(USAGE);
  const commands: Record<string, (flags: Flags) => Promise<void>> = {
    start,
    serve,
    doctor,
    decode: decodeCommand,
    remind: remindCommand,
    sync: syncCommand,
    db: (flags) => dbCommand(flags, positionals[1]),
    audit: (flags) => auditCommand(flags, positionals[1]),
    calendar: (flags) => calendarCommand(flags, appRoot()),
    workdays: (flags) => workdaysCommand(flags, appRoot()),
    recommend: (flags) => recommendCommand(flags, appRoot()),
    search: (flags) => searchCommand(flags, () => openDb(flags)),
  };
  const run = commands[command];
  if (!run) throw new Error(`unknown command: ${command}\n${USAGE}`);
  await run(values);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
