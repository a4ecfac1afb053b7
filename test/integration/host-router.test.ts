import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, appError, CHANNEL_NAMES, channels, ERROR_MESSAGES, type RuleReminder } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import { loadMigrations } from '../../electron/db/migrations';
import { createHost, type Host } from '../../electron/host/create-host';
import { createRouter, type Handlers } from '../../electron/host/router';
import { newSession } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const TODAY = isoDate('2026-11-23');
const KNOWN_SCHEMA = loadMigrations(join(process.cwd(), 'electron', 'db', 'migrations')).length;
const CITIZEN = { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' as const };

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

function startHost(demo = true): Host {
  return createHost({
    appRoot: process.cwd(),
    dbPath: join(tmp.dir, `motcua-${demo ? 'demo' : 'plain'}.sqlite`),
    demo,
    transport: 'browser',
    version: 'test',
    today: () => TODAY,
  });
}

beforeEach(() => {
  tmp = makeTempDir('motcua-host-');
  host = startHost();
});
afterEach(async () => {
  await host.close();
  tmp.cleanup();
});

const kiosk = () => newSession('kiosk');
const auditRows = () => new AuditRepository(host.db).all();

describe('router: refusals', () => {
  it('an unknown channel is UNKNOWN_CHANNEL', async () => {
    expect(await host.router.dispatch(kiosk(), 'files.delete', {})).toEqual({ ok: false, error: appError('UNKNOWN_CHANNEL') });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('%j is not a channel', async (name) => {
    expect(await host.router.dispatch(kiosk(), name, {})).toEqual({ ok: false, error: appError('UNKNOWN_CHANNEL') });
  });

  it('a malformed birth date is BAD_INPUT naming the field', async () => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', { ...CITIZEN, birthDate: 'abc' });
    expect(result).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: ERROR_MESSAGES.BAD_INPUT, fields: ['birthDate'] } });
  });

  it('missing and wrongly typed fields are all named', async () => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', { birthDate: 19990501, cardIssueDate: 'soon', source: 'typed' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect([...(result.error.fields ?? [])].sort()).toEqual(['birthDate', 'cardIssueDate', 'personalNumber']);
  });

  it.each([null, undefined, 'text', 42, [CITIZEN]])('a non-object input (%j) is BAD_INPUT, not a crash', async (input) => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('an unexpected field on a no-input channel is BAD_INPUT', async () => {
    expect(await host.router.dispatch(kiosk(), 'app.info', { admin: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('an overlong personal number is refused before reaching the service', async () => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', { ...CITIZEN, personalNumber: '1'.repeat(33) });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', fields: ['personalNumber'] } });
  });

  it('a kiosk session may not run diagnostics.doctor: FORBIDDEN', async () => {
    expect(await host.router.dispatch(kiosk(), 'diagnostics.doctor', {})).toEqual({ ok: false, error: appError('FORBIDDEN') });
    expect(await host.router.dispatch(newSession('officer'), 'diagnostics.doctor', {})).toEqual({ ok: false, error: appError('FORBIDDEN') });
  });

  it('a technician may not look up citizens: FORBIDDEN, and nothing is audited', async () => {
    expect(await host.router.dispatch(newSession('technician'), 'citizen.open', CITIZEN)).toEqual({ ok: false, error: appError('FORBIDDEN') });
    expect(auditRows()).toHaveLength(0);
  });

  it('a technician runs diagnostics.doctor and sees the database schema', async () => {
    const result = await host.router.dispatch(newSession('technician'), 'diagnostics.doctor', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ database: { schemaVersion: KNOWN_SCHEMA, knownSchemaVersion: KNOWN_SCHEMA }, node: { version: process.versions.node } });
  });
});

describe('router: typed service errors', () => {
  it('a malformed number crosses as PIN_FORMAT with both messages and no stack', async () => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', { ...CITIZEN, personalNumber: '00309901234x' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'PIN_FORMAT', message: { vi: ERROR_MESSAGES.PIN_FORMAT.vi, en: ERROR_MESSAGES.PIN_FORMAT.en }, fields: ['personalNumber'] },
    });
    const json = JSON.stringify(result);
    expect(json).not.toMatch(/stack|at .*\.ts:\d+|AppError/);
    expect(Object.getPrototypeOf((result as { error: object }).error)).toBe(Object.prototype);
  });

  it('a date of birth in the future is BIRTH_DATE_FUTURE against the host’s today', async () => {
    const result = await host.router.dispatch(kiosk(), 'citizen.open', { ...CITIZEN, personalNumber: '001226000001', birthDate: '2026-11-24' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BIRTH_DATE_FUTURE', fields: ['birthDate'] } });
  });
});

describe('router: services', () => {
  it('session.get returns the role', async () => {
    expect(await host.router.dispatch(newSession('officer'), 'session.get', {})).toEqual({ ok: true, value: { role: 'officer' } });
  });

  it('app.info describes this host and the demo centre from SQLite', async () => {
    expect(await host.router.dispatch(kiosk(), 'app.info', {})).toEqual({
      ok: true,
      value: {
        version: 'test',
        transport: 'browser',
        demo: true,
        centre: { code: 'DEMO-TTHCC-01', name: { vi: 'Trung tâm Phục vụ hành chính công (bản trình diễn)', en: 'Public Administration Service Centre (demo)' } },
        schemaVersion: KNOWN_SCHEMA,
        chipReader: false,
      },
    });
  });

  it('proactive.reminders, after citizen.open, reminds the ID card renewal from the card alone', async () => {
    const session = kiosk();
    await host.router.dispatch(session, 'citizen.open', { ...CITIZEN, cardIssueDate: '2021-10-10' });
    const result = await host.router.dispatch(session, 'proactive.reminders', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { identity: { age: number; provinceName: string }; reminders: RuleReminder[]; today: string; usedCentral: boolean };
    expect(value.today).toBe(TODAY);
    expect(value.usedCentral).toBe(false);
    expect(value.identity).toMatchObject({ age: 27, provinceName: 'Hà Nội', sex: 'male' });
    const renewal = value.reminders.find((r) => r.ruleId === 'id-card-renewal');
    // issued at 22, more than 2 years before 25: due on the 25th birthday
    expect(renewal).toMatchObject({ severity: 'obligation', dueDate: '2024-05-01', procedureCode: 'CC.CAP-DOI', formId: 'id-card-cc01' });
    expect(renewal!.legalBasis.map((b) => b.document).join(' ')).toContain('26/2023/QH15');
  });

  it('a card issued after 25 holds until 40: no renewal is reminded 13 years ahead', async () => {
    const session = kiosk();
    await host.router.dispatch(session, 'citizen.open', { ...CITIZEN, cardIssueDate: '2024-06-01' });
    const result = await host.router.dispatch(session, 'proactive.reminders', {});
    expect(result.ok && (result.value as { reminders: RuleReminder[] }).reminders.map((r) => r.ruleId)).toEqual([]);
  });

  it('no reminders before a citizen is identified in the session', async () => {
    expect(await host.router.dispatch(kiosk(), 'proactive.reminders', {})).toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  });

  it('without demo mode there is no centre', async () => {
    const plain = startHost(false);
    try {
      expect(await plain.router.dispatch(kiosk(), 'app.info', {})).toMatchObject({ ok: true, value: { demo: false, centre: null } });
    } finally {
      await plain.close();
    }
  });

  it('the demo is seeded once: reopening the same file keeps local edits', async () => {
    host.db.prepare("UPDATE procedures SET name_vi = 'Sửa tại chỗ' WHERE code = 'CC.CAP-DOI'").run();
    await host.close();
    host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua-demo.sqlite'), demo: true, transport: 'browser', version: 'test', today: () => TODAY });
    expect(host.db.prepare("SELECT name_vi FROM procedures WHERE code = 'CC.CAP-DOI'").pluck().get()).toBe('Sửa tại chỗ');
  });
});

describe('router: audit of personal data', () => {
  it('records purpose, legal basis and a hashed subject for each personal-data channel', async () => {
    const session = kiosk();
    await host.router.dispatch(session, 'citizen.open', CITIZEN);
    await host.router.dispatch(session, 'proactive.reminders', {});
    const rows = auditRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      channel: 'citizen.open',
      role: 'kiosk',
      purpose: channels['citizen.open'].personalData && channels['citizen.open'].personalData.purpose,
      outcome: 'ok',
    });
    expect(rows[0]!.purpose).toBe('identify-citizen');
    expect(rows[0]!.legal_basis).toContain('Luật Căn cước 2023');
    expect(rows[1]).toMatchObject({ channel: 'proactive.reminders', purpose: 'proactive-services', outcome: 'ok' });
    expect(rows[1]!.legal_basis).toContain('91/2025/QH15');
    for (const row of rows) {
      expect(row.subject).toBe(host.audit.subjectHash(CITIZEN.personalNumber));
      expect(row.subject).not.toContain(CITIZEN.personalNumber);
    }
    expect(host.audit.verify()).toEqual({ ok: true, rows: 2, shipped: 0, shippedThrough: 0 });
  });

  it('records a refused identity with its error code as the outcome', async () => {
    await host.router.dispatch(kiosk(), 'citizen.open', { ...CITIZEN, personalNumber: '00309901234x' });
    expect(auditRows()).toMatchObject([{ channel: 'citizen.open', outcome: 'PIN_FORMAT' }]);
  });

  it('the session id ties the rows of one screen together', async () => {
    const session = kiosk();
    await host.router.dispatch(session, 'citizen.open', CITIZEN);
    await host.router.dispatch(session, 'proactive.reminders', {});
    await host.router.dispatch(kiosk(), 'citizen.open', CITIZEN);
    const rows = auditRows();
    expect(rows[0]!.session).toBe(session.id);
    expect(rows[1]!.session).toBe(session.id);
    expect(rows[2]!.session).not.toBe(session.id);
  });

  it('channels without personal data add no audit row', async () => {
    await host.router.dispatch(kiosk(), 'app.info', {});
    await host.router.dispatch(kiosk(), 'session.get', {});
    await host.router.dispatch(newSession('technician'), 'diagnostics.doctor', {});
    expect(auditRows()).toHaveLength(0);
  });

  it('every channel that takes a personal number declares personal data', () => {
    for (const name of CHANNEL_NAMES) {
      const def = channels[name];
      const shape = (def.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      if ('personalNumber' in shape) expect(def.personalData, name).not.toBe(false);
    }
  });
});

describe('createRouter: unexpected failures', () => {
  function handlers(overrides: Partial<Handlers>): Handlers {
    const unused = () => {
      throw new Error('not used in this test');
    };
    return {
      'app.info': unused,
      'session.get': unused,
      'citizen.open': unused,
      'proactive.reminders': unused,
      'diagnostics.doctor': unused,
      ...overrides,
    } as Handlers;
  }

  it('an exception in a handler becomes INTERNAL without its message, and is logged', async () => {
    const logError = vi.fn();
    const secret = new Error('SQLITE_CORRUPT at /var/lib/motcua/secret.sqlite');
    const router = createRouter({
      handlers: handlers({ 'app.info': () => { throw secret; } }),
      audit: { record: vi.fn() },
      logError,
    });
    const result = await router.dispatch(kiosk(), 'app.info', {});
    expect(result).toEqual({ ok: false, error: appError('INTERNAL') });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret|var\/lib/);
    expect(logError).toHaveBeenCalledWith('app.info', secret);
  });

  it('a rejected promise becomes INTERNAL too', async () => {
    const router = createRouter({
      handlers: handlers({ 'app.info': () => Promise.reject(new TypeError('x is undefined')) }),
      audit: { record: vi.fn() },
    });
    expect(await router.dispatch(kiosk(), 'app.info', {})).toEqual({ ok: false, error: appError('INTERNAL') });
  });

  it('an output that breaks the contract becomes INTERNAL and is logged, not sent', async () => {
    const logError = vi.fn();
    const router = createRouter({
      handlers: handlers({ 'session.get': () => ({ role: 'root', token: 'abc' }) as never }),
      audit: { record: vi.fn() },
      logError,
    });
    expect(await router.dispatch(kiosk(), 'session.get', {})).toEqual({ ok: false, error: appError('INTERNAL') });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('an AppError thrown by a handler keeps its code and fields', async () => {
    const router = createRouter({
      handlers: handlers({ 'citizen.open': () => { throw new AppError('BIRTH_DATE_FUTURE', ['birthDate']); } }),
      audit: { record: vi.fn() },
    });
    expect(await router.dispatch(kiosk(), 'citizen.open', CITIZEN)).toEqual({ ok: false, error: appError('BIRTH_DATE_FUTURE', ['birthDate']) });
  });

  it('a crash in a personal-data channel is still audited, as INTERNAL', async () => {
    const record = vi.fn();
    const router = createRouter({
      handlers: handlers({ 'citizen.open': () => { throw new Error('boom'); } }),
      audit: { record },
    });
    await router.dispatch(kiosk(), 'citizen.open', CITIZEN);
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'citizen.open', outcome: 'INTERNAL', subject: CITIZEN.personalNumber, purpose: 'identify-citizen' }),
    );
  });

  it('the handler gets the parsed input, the session and its commit; refused calls never reach it', async () => {
    const identity = { personalNumber: '001099012345', provinceCode: '001', provinceName: 'Hà Nội', sex: 'male' as const, birthDate: '1999-05-01', age: 27 };
    const open = vi.fn(() => ({ identity, fullName: 'Nguyễn Văn An', assurance: 'qr' as const }));
    const router = createRouter({ handlers: handlers({ 'citizen.open': open }), audit: { record: vi.fn() } });
    const session = kiosk();
    await router.dispatch(session, 'citizen.open', { ...CITIZEN, fullName: '  Nguyễn Văn An ' });
    expect(open).toHaveBeenCalledWith({ ...CITIZEN, fullName: 'Nguyễn Văn An' }, session, { commit: expect.any(Function) });
    await router.dispatch(newSession('technician'), 'citizen.open', CITIZEN);
    await router.dispatch(session, 'citizen.open', { ...CITIZEN, extra: 'refused' });
    await router.dispatch(session, 'citizen.open', { personalNumber: 1 });
    expect(open).toHaveBeenCalledOnce();
  });
});
