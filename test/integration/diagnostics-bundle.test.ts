import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { schemaVersion } from '../../electron/db/migrations';
import { CentralSettings } from '../../electron/host/central-link';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { createHost, type Host } from '../../electron/host/create-host';
import { diagnosticsBundle } from '../../electron/host/diagnostics-bundle';
import { runDoctor } from '../../electron/host/doctor';
import { loadOrCreateDeviceKey } from '../../electron/security/device-signing';
import { TechnicianPin } from '../../electron/security/technician-pin';
import type { PrinterSystem } from '../../electron/print/print-types';
import { makeTempDir } from '../support/temp-dir';

/** Citizens as a centre holds them: real-looking Vietnamese names and 12-digit personal numbers. */
const CITIZENS = [
  { name: 'Nguyễn Thị Minh Khai', number: '001190012345' },
  { name: 'Trần Văn Đức', number: '079087004321' },
  { name: 'Lê Hoàng Yến Nhi', number: '048305000077' },
  { name: 'Phạm Quốc Bảo', number: '031099123456' },
];
const TOKEN = 'device-token-s3cret-4f9a';
const TECHNICIAN_PIN = '135790';

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;
let serialised: string;

const noPrinters: PrinterSystem = {
  list: async () => ({ printers: [], defaultPrinter: null }),
  submit: async () => 'x-1',
  jobs: async () => [],
  cancel: async () => undefined,
};

beforeAll(async () => {
  tmp = makeTempDir('motcua-bundle-');
  const dbPath = join(tmp.dir, 'motcua.sqlite');
  const now = '2026-11-23T08:00:00.000Z';
  // The rows below are dated `now`: the host's retention purge must see the same day, whatever the date of the run.
  host = createHost({ appRoot: process.cwd(), dbPath, demo: false, transport: 'browser', version: 'test', devices: false, sync: false, clock: { now: () => new Date(now) } });
  const { db } = host;
  const settings = new SettingsRepository(db);
  const central = new CentralSettings(settings, keyFileSecretStore(tmp.dir));
  central.saveLink({ url: `https://user:${TOKEN}@motcua.example.gov.vn/api?token=${TOKEN}`, token: TOKEN, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample\n-----END PUBLIC KEY-----' });
  new TechnicianPin(settings).set(TECHNICIAN_PIN);
  loadOrCreateDeviceKey(settings);
  CITIZENS.forEach((c, i) => {
    db.prepare(
      `INSERT INTO cases (id, receipt_code, procedure_code, applicant_personal_number, applicant_full_name, status, received_at, due_at, updated_at, timeline, seq)
       VALUES (?, ?, '1.001234', ?, ?, 'processing', ?, ?, ?, ?, ?)`,
    ).run(`c${i}`, `HS-2026-${i}`, c.number, c.name, now, now, now, JSON.stringify([{ at: now, status: 'received', note: `Tiếp nhận hồ sơ của ${c.name}` }]), i + 1);
    const subject = host.audit.subjectHash(c.number);
    db.prepare(`INSERT INTO consents VALUES (?, 's1', ?, 'proactive-services', ?, 'Luật 91/2025/QH15', 1, ?, ?)`).run(`k${i}`, subject, JSON.stringify({ name: c.name }), now, now);
    db.prepare(`INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at) VALUES (?, 's1', ?, 'birth-registration', 'draft', ?, ?, ?)`).run(`d${i}`, subject, JSON.stringify({ fullName: c.name, personalNumber: c.number }), now, now);
    db.prepare(`INSERT INTO outbox (idempotency_key, body, state, attempts, last_error, created_at, updated_at) VALUES (?, ?, 'attention', 3, ?, ?, ?)`).run(
      `key-${i}`,
      JSON.stringify({ applicant: { fullName: c.name, personalNumber: c.number } }),
      `422 for ${c.number}`,
      now,
      now,
    );
    host.audit.record({ session: 's1', role: 'kiosk', channel: 'reminders.forCitizen', purpose: 'reminders', legalBasis: 'Luật Căn cước 2023', subject: c.number, outcome: i % 2 ? 'ok' : 'PIN_BIRTH_YEAR' });
  });
  db.prepare(`INSERT INTO sync_state (feed, cursor, last_error, last_error_at) VALUES ('changes', 42, 'central unreachable: ECONNREFUSED', ?)`).run(now);
  const doctor = await runDoctor({ appRoot: process.cwd(), dbPath, schemaVersion: schemaVersion(db), knownSchemaVersion: schemaVersion(db), settings, central, provisioning: { status: 'absent' }, printers: noPrinters });
  serialised = JSON.stringify(diagnosticsBundle({ db, doctor, version: 'test' }));
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

describe('diagnostics bundle', () => {
  it('carries versions, sync state, the last errors by channel and code, counts and printers', () => {
    const bundle = JSON.parse(serialised);
    expect(bundle.versions).toMatchObject({ app: 'test', node: process.versions.node });
    expect(bundle.sync.feeds).toEqual([expect.objectContaining({ feed: 'changes', cursor: 42 })]);
    expect(bundle.lastErrors).toEqual([expect.objectContaining({ channel: 'reminders.forCitizen', outcome: 'PIN_BIRTH_YEAR' }), expect.anything()]);
    expect(bundle.counts).toMatchObject({ cases: 4, drafts: 4, consents: 4, auditRows: 4 });
    expect(bundle.config.settings).toMatchObject({ 'central.url': 'https://motcua.example.gov.vn/api' });
    expect(bundle.config.withheld).toEqual(expect.arrayContaining(['central.token.sealed', 'technician.pin', 'device.signing.privateKeyPkcs8', 'audit.subjectKey']));
    expect(bundle.doctor.problems).toEqual(expect.arrayContaining([expect.stringMatching(/no printer chosen for slip-80mm/)]));
  });

  it.each(CITIZENS)('holds nothing of $name ($number)', ({ name, number }) => {
    expect(serialised).not.toContain(number);
    for (const form of [name, name.normalize('NFD'), name.toUpperCase()]) expect(serialised).not.toContain(form);
    // Not even a family or given name on its own (every part of three letters or more).
    for (const part of name.split(' ').filter((p) => p.length >= 3)) expect(serialised).not.toContain(part);
  });

  it('holds no personal number at all, and no secret: token, PIN hash, private key, audit key', () => {
    expect(serialised).not.toMatch(/(?<!\d)0\d{11}(?!\d)/);
    const settings = new SettingsRepository(host.db);
    for (const key of ['central.token.sealed', 'technician.pin', 'device.signing.privateKeyPkcs8', 'audit.subjectKey']) {
      const secret = settings.get(key)!;
      expect(secret.length).toBeGreaterThan(5);
      expect(serialised).not.toContain(secret);
    }
    expect(serialised).not.toContain(TOKEN);
    for (const subject of CITIZENS.map((c) => host.audit.subjectHash(c.number))) expect(serialised).not.toContain(subject);
  });
});
