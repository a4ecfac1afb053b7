import { z } from 'zod';
import { localizedText } from './localized';
import { printerQueue, printOutcome } from './printing';
import { appErrorSchema } from './errors';

/** A calendar date as `YYYY-MM-DD`; whether the day exists is checked by the service. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const citizenQuery = z.object({
  /** Checked digit by digit by the service, which says what is wrong. */
  personalNumber: z.string().max(32),
  birthDate: isoDate,
  /** Printed on the card; lets the 2-year rule be applied exactly. */
  cardIssueDate: isoDate.optional(),
});
export type CitizenQuery = z.infer<typeof citizenQuery>;

export const identity = z.object({
  personalNumber: z.string(),
  provinceCode: z.string(),
  /** Null when the code is not a province's (a birth registered abroad). */
  provinceName: z.string().nullable(),
  sex: z.enum(['male', 'female']),
  birthDate: isoDate,
  age: z.number().int().nonnegative(),
});
export type Identity = z.infer<typeof identity>;

export const printedDocument = z.object({
  fileName: z.string(),
  pages: z.number().int().positive(),
  pdfBase64: z.string(),
  /** Set when a printer is chosen for the document's kind: sent to it (the PDF is then not for saving). */
  print: printOutcome.optional(),
});
export type PrintedDocument = z.infer<typeof printedDocument>;

export const appInfo = z.object({
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  demo: z.boolean(),
  centre: z.object({ code: z.string(), name: localizedText }).nullable(),
  schemaVersion: z.number().int(),
  /** Whether this machine reads ID card chips (a reader is configured): the screens then offer it. */
  chipReader: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const doctorReport = z.object({
  node: z.object({ version: z.string() }),
  electron: z.object({ packageVersion: z.string().nullable(), binaryAvailable: z.boolean() }),
  database: z.object({ path: z.string(), schemaVersion: z.number().int(), knownSchemaVersion: z.number().int() }),
  hid: z.object({ backend: z.enum(['ok', 'unavailable']), devices: z.number().int(), error: z.string().optional() }),
  printers: z.object({
    found: z.array(z.string()),
    error: z.string().optional(),
    /** Optional so earlier readers and reports stay valid. */
    queues: z.array(printerQueue).optional(),
    defaultPrinter: z.string().nullable().optional(),
    /** The printer chosen per document kind (null: the system default). */
    chosen: z.record(z.string(), z.string().nullable()).optional(),
  }),
  central: z.object({
    configured: z.boolean(),
    reachable: z.boolean().nullable(),
    url: z.string().nullable(),
    /** Optional so earlier reports stay valid. tokenReadable null: no token, or sealed by another process's store. */
    keyPinned: z.boolean().optional(),
    registered: z.boolean().optional(),
    deviceId: z.string().nullable().optional(),
    tokenReadable: z.boolean().nullable().optional(),
    secretStore: z.enum(['os', 'key-file']).optional(),
  }),
  /** The `motcua.provision.json` next to the app, if any. */
  provisioning: z.object({ status: z.enum(['absent', 'ok', 'invalid']), path: z.string().optional(), problems: z.array(z.string()).optional() }).optional(),
  fonts: z.object({ dir: z.string(), missing: z.array(z.string()) }).optional(),
  disk: z.object({ path: z.string(), freeBytes: z.number().nullable() }).optional(),
  /** The audit log's shipping to the centre: entries held here, shipped (through which id), and a refusal's code. */
  audit: z.object({ unshipped: z.number().int(), shipped: z.number().int(), shippedThrough: z.number().int(), error: z.string().nullable() }).optional(),
  /** One line per problem, Vietnamese / English; empty when the machine is ready. */
  problems: z.array(z.string()).optional(),
});
export type DoctorReport = z.infer<typeof doctorReport>;

export const deviceRole = z.enum(['id-reader', 'barcode-scanner', 'none']);
export type DeviceRole = z.infer<typeof deviceRole>;

/** How a device's reports are read: boot keyboard (with layout, suffix and gap) or HID-POS. */
export const deviceProfile = z.object({
  mode: z.enum(['keyboard', 'pos']),
  layout: z.enum(['us']),
  suffix: z.enum(['enter', 'tab', 'none']),
  interKeyGapMs: z.number().int().min(10).max(2000),
});
export type DeviceProfile = z.infer<typeof deviceProfile>;

export const deviceView = z.object({
  key: z.string(),
  path: z.string().nullable(),
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int().nullable(),
  product: z.string(),
  serialNumber: z.string().nullable(),
  connected: z.boolean(),
  role: deviceRole,
  profile: deviceProfile,
  testing: z.boolean(),
});
export type DeviceView = z.infer<typeof deviceView>;

export const devicesOverview = z.object({
  backend: z.object({ status: z.enum(['ok', 'unavailable']), error: z.string().optional() }),
  devices: z.array(deviceView),
  /** Recorded streams the technician can replay to test without hardware. */
  replays: z.array(z.string()),
});

/** What screens show of the link to the central system; no personal data. */
export const syncStatus = z.object({
  configured: z.boolean(),
  state: z.enum(['not-configured', 'idle', 'syncing', 'offline', 'error']),
  cursor: z.number().int(),
  /** The centre's newest change, when last heard of. */
  headSeq: z.number().int().nullable(),
  lag: z.number().int().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Share of the feed held locally while catching up (0–1); null when unknown. */
  progress: z.number().min(0).max(1).nullable(),
  /** Submissions waiting to be sent, and those an officer must look at. */
  outbox: z.object({ pending: z.number().int(), attention: z.number().int() }),
  /** The audit log shipped to the centre: entries held here, entries shipped (through which id), and a refusal to show (vi/en). */
  audit: z.object({ unshipped: z.number().int(), shipped: z.number().int(), shippedThrough: z.number().int(), error: appErrorSchema.nullable() }),
});
export type SyncStatus = z.infer<typeof syncStatus>;
