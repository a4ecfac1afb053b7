import { parseArgs } from 'node:util';

export interface LaunchFlags {
  demo: boolean;
  kiosk: boolean;
  /** null: the default database in the user-data folder. */
  db: string | null;
}

/** `--demo`, `--kiosk`, `--db <path>` from the command line that started Electron. */
export function parseLaunchFlags(args: readonly string[]): LaunchFlags {
  // Not strict: Chromium switches (--no-sandbox, --enable-logging …) and the script path share
  // the command line with ours.
  const { values } = parseArgs({
    args: [...args],
    options: { demo: { type: 'boolean' }, kiosk: { type: 'boolean' }, db: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  if (values.db === true || values.db === '') throw new Error('--db needs a path');
  return { demo: values.demo === true, kiosk: values.kiosk === true, db: typeof values.db === 'string' ? values.db : null };
}
