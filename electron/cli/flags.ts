import type { parseArgs } from 'node:util';

/** Every flag of every command, parsed once by motcua.ts. */
export const OPTIONS = {
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
  role: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  profile: { type: 'string' },
  today: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  add: { type: 'string' },
  'saturday-morning': { type: 'boolean', default: false },
  list: { type: 'boolean', default: false },
  outcome: { type: 'string' },
  prefer: { type: 'string' },
  query: { type: 'string' },
  limit: { type: 'string' },
  bundle: { type: 'string' },
} as const;

export type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
