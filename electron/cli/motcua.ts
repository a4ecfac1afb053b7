import { parseArgs } from 'node:util';
import { OPTIONS, type Flags } from './flags';
import { appRoot } from './paths';

const USAGE = `motcua — một cửa kiosk / counter workstation

  motcua start  [--demo] [--kiosk] [--db PATH]        Electron where its binary exists, else browser mode
  motcua serve  [--port N] [--db PATH] [--demo] [--open] [--kiosk] [--central URL --token T --central-key PEM_FILE]
                                                      browser mode on 127.0.0.1; prints the URL with its token
  motcua doctor [--json] [--db PATH] [--bundle FILE]  runtime, database, HID, printers, central link, fonts, disk;
                                                      exit 1 with one line per problem; --bundle writes a diagnostics
                                                      bundle without personal data or secrets
  motcua remind --profile FILE [--today YYYY-MM-DD] [--demo] [--json]
                                                      a citizen's reminders with legal basis, most urgent first
  motcua sync --central URL --token T --central-key PEM_FILE --db PATH [--once]
                                                      pulls the central change feed; --once drains it and exits
  motcua db stats --db PATH [--json]                  schema, row counts, the feed cursor, the outbox by state
  motcua db backup --db PATH --to FILE                a consistent, encrypted copy while the app runs, checked; its key in FILE.key
  motcua db restore --db PATH --from FILE             puts a checked backup back (needs FILE.key and this machine's
                                                      secret store); the state it replaces is kept beside it
  motcua db rekey --db PATH                           moves the database to a new random key (the app stopped)
  motcua db purge --db PATH [--dry-run] [--json]      applies the retention policy now (counts; --dry-run changes nothing)
  motcua audit verify --db PATH [--json]              checks the audit log's hash chain; exit 1 names the first broken row
  motcua calendar --year YYYY [--json]                lunar new year and the public holidays (days off) of a year
  motcua workdays --from YYYY-MM-DD --add N [--saturday-morning] [--json]
                                                      the day a result is ready after N working days
  motcua recommend --list [--json]                    the outcomes the catalogue compares
  motcua recommend --outcome ID --prefer cheapest|fastest|fewest-visits|balanced [--profile FILE] [--today YYYY-MM-DD] [--json]
                                                      every option compared, one recommended and why
  motcua search --db PATH --query TEXT [--limit N] [--json]
                                                      synced cases by receipt code, personal number or name; urgent first
  motcua chip readers --json                          PC/SC readers attached now
  motcua chip read --reader NAME (--mrz TEXT | --number N --birth YYYY-MM-DD --expiry YYYY-MM-DD) [--trust DIR] --json
                                                      reads and verifies an ID card's chip (motcua chip --help)
`;

// Each command's module is loaded only when it runs: `motcua sync` does not pay for the host,
// fonts and renderer that `motcua start` needs.
async function decodeCommand(flags: Flags): Promise<void> {
  const result = (await import('./decode')).decode(flags);
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

async function remindCommand(flags: Flags): Promise<void> {
  const result = (await import('./remind')).remind(flags, appRoot());
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const command = positionals[0];
  if (command === undefined || (values.help && command !== 'chip')) return void process.stdout.write(USAGE);
  const commands: Record<string, (flags: Flags) => Promise<void>> = {
    start: async (flags) => (await import('./app-commands')).start(flags),
    serve: async (flags) => (await import('./app-commands')).serve(flags),
    doctor: async (flags) => (await import('./app-commands')).doctor(flags),
    decode: decodeCommand,
    remind: remindCommand,
    sync: async (flags) => (await import('./db-commands')).syncCommand(flags),
    db: async (flags) => (await import('./db-commands')).dbCommand(flags, positionals[1], USAGE),
    audit: async (flags) => (await import('./db-commands')).auditCommand(flags, positionals[1], USAGE),
    calendar: async (flags) => (await import('./calendar')).calendarCommand(flags, appRoot()),
    workdays: async (flags) => (await import('./workdays')).workdaysCommand(flags, appRoot()),
    recommend: async (flags) => (await import('./recommend')).recommendCommand(flags, appRoot()),
    chip: async (flags) => (await import('./chip')).chipCommand(flags, positionals[1]),
    search: async (flags) => {
      const { openDb } = await import('./db-commands');
      await (await import('./search')).searchCommand(flags, () => openDb(flags));
    },
  };
  const run = commands[command];
  if (!run) throw new Error(`unknown command: ${command}\n${USAGE}`);
  await run(values);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
