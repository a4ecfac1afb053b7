import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoDate } from '../../electron/base/calendar-date';
import { parseFixture, type ReplayDevice } from '../../drivers/hid/replay-transport';

// Valid inputs from test/fixtures and resources/demo: the seeds mutations start from.

export const APP_ROOT = join(__dirname, '..', '..');
const FIXTURES = join(APP_ROOT, 'test', 'fixtures');
/** The day the fixtures' cards are read on. */
export const TODAY = isoDate('2026-11-23');

const filesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((f) => readFileSync(join(dir, f), 'utf8'));

const idcard = filesIn(join(FIXTURES, 'idcard'), '.txt').map((t) => t.trim());
export const QR_SAMPLES = idcard.filter((t) => t.includes('|'));
export const MRZ_SAMPLES = idcard.filter((t) => !t.includes('|'));
export const PERSONAL_NUMBERS = ['001099012345', '079301000123', '001190012345', '001088054321', '096205000001', '999099012345'];
export const RECEIPT_CODES = ['H01.01-261123-0001', 'HS-2024-000123'];

export const HID_FILES = [...filesIn(join(FIXTURES, 'hid'), '.hex'), ...filesIn(join(APP_ROOT, 'resources', 'demo', 'hid'), '.hex')];
const devices = HID_FILES.map((text) => parseFixture(text, 'fixture')).filter((d): d is ReplayDevice => 'reports' in d);
export const reportsOf = (mode: ReplayDevice['mode']): Uint8Array[][] => devices.filter((d) => d.mode === mode).map((d) => d.reports);
