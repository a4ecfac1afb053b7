import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ROLES, type Role } from '../../electron/contract';
import { createHost, type Host } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { makeTempDir } from '../support/temp-dir';
import { isoDate } from '../../electron/base/calendar-date';

const K = 'kiosk';
const O = 'officer';
const T = 'technician';
const ANYONE = [K, O, T] as const;
const CITIZEN_FACING = [K, O] as const;

/**
 * Who may use what, as the product owner states it, written out here rather than read
 * from the contract: widening a channel's roles in channels.ts fails this test until the table
 * agrees. Each channel has a minimal input of the right shape, so a permitted role reaches its
 * handler (whatever the handler then answers).
 */
const MATRIX: Record<string, { roles: readonly Role[]; input: unknown }> = {
  'app.info': { roles: ANYONE, input: {} },
  'session.get': { roles: ANYONE, input: {} },
  'session.unlockTechnician': { roles: ANYONE, input: { pin: '000000' } },
  'session.lock': { roles: ANYONE, input: {} },
  'auth.login': { roles: ANYONE, input: { username: 'nobody', password: 'not-a-password' } },
  'auth.logout': { roles: ANYONE, input: {} },
  'accounts.status': { roles: ANYONE, input: {} },
  'accounts.bootstrap': { roles: ANYONE, input: { username: 'first.tech', displayName: 'KTV', password: 'mười-ký-tự-trở-lên' } },
  'accounts.list': { roles: [T], input: {} },
  'accounts.create': { roles: [T], input: { username: 'matrix', displayName: 'Ma trận', role: 'officer', password: 'mười-ký-tự-trở-lên' } },
  'accounts.disable': { roles: [T], input: { username: 'nobody' } },
  'accounts.enable': { roles: [T], input: { username: 'nobody' } },
  'accounts.unlock': { roles: [T], input: { username: 'nobody' } },
  'accounts.resetPassword': { roles: [T], input: { username: 'nobody', password: 'mười-ký-tự-trở-lên' } },
  'citizen.open': { roles: CITIZEN_FACING, input: { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' } },
  'citizen.close': { roles: CITIZEN_FACING, input: {} },
  'identity.challenge': { roles: CITIZEN_FACING, input: {} },
  'identity.confirm': { roles: CITIZEN_FACING, input: {} },
  'identity.attest': { roles: [O], input: { checkedOriginal: true } },
  'identity.readChip': { roles: CITIZEN_FACING, input: {} },
  'identity.chipFace': { roles: [O], input: {} },
  'identity.demoPhone': { roles: CITIZEN_FACING, input: {} },
  'consent.notice': { roles: CITIZEN_FACING, input: { purpose: 'proactive-services' } },
  'consent.decide': { roles: CITIZEN_FACING, input: { purpose: 'proactive-services', accept: false } },
  'proactive.reminders': { roles: CITIZEN_FACING, input: {} },
  'print.reminders': { roles: CITIZEN_FACING, input: { paper: '80mm' } },
  'dossier.forms': { roles: CITIZEN_FACING, input: {} },
  'dossier.prepare': { roles: CITIZEN_FACING, input: { formId: 'none' } },
  'dossier.update': { roles: CITIZEN_FACING, input: { draftId: 'none', values: {} } },
  'dossier.print': { roles: CITIZEN_FACING, input: { draftId: 'none' } },
  'dossier.prepareLinked': { roles: CITIZEN_FACING, input: { procedureCode: 'LT.KS-TT-BHYT' } },
  'dossier.printLinked': { roles: CITIZEN_FACING, input: { draftIds: ['none', 'other'] } },
  'procedures.search': { roles: CITIZEN_FACING, input: { query: 'khai sinh' } },
  'recommend.outcomes': { roles: CITIZEN_FACING, input: {} },
  'recommend.compare': { roles: CITIZEN_FACING, input: { outcomeId: 'none', preference: 'balanced' } },
  'print.comparison': { roles: CITIZEN_FACING, input: { outcomeId: 'none', preference: 'balanced' } },
  'scan.classify': { roles: CITIZEN_FACING, input: { text: 'not a card' } },
  'devices.list': { roles: [T], input: {} },
  'devices.assign': { roles: [T], input: { key: 'none', role: 'none', profile: { mode: 'keyboard', layout: 'us', suffix: 'enter', interKeyGapMs: 30 } } },
  'devices.test': { roles: [T], input: { key: 'none', on: false } },
  'devices.replay': { roles: [T], input: { name: 'none' } },
  'devices.chipReaders': { roles: [T], input: {} },
  'devices.chipTest': { roles: [T], input: { reader: 'none' } },
  'devices.demoCard': { roles: [T], input: { present: false } },
  'sync.status': { roles: ANYONE, input: {} },
  'sync.now': { roles: [O, T], input: {} },
  'diagnostics.doctor': { roles: [T], input: {} },
  'counter.openHandoff': { roles: [O], input: { text: 'not a hand-off' } },
  'counter.checkOriginals': { roles: [O], input: { draftId: 'none', attachments: [], needsSupplement: false, supplementNote: '' } },
  'counter.submit': { roles: [O], input: { draftId: 'none' } },
  'counter.submission': { roles: [O], input: { submissionId: 1 } },
  'counter.attention': { roles: [O], input: {} },
  'counter.correct': { roles: [O], input: { submissionId: 1 } },
  'counter.sendAgain': { roles: [O], input: { submissionId: 1 } },
  'print.receipt': { roles: [O], input: { submissionId: 1 } },
  'print.oneStop': { roles: [O], input: { kind: 'control', draftId: 'none' } },
  'kiosk.publicKey': { roles: [T], input: {} },
  'kiosk.trustKey': { roles: [T], input: { pem: 'not a key' } },
  'kiosk.options': { roles: ANYONE, input: {} },
  'kiosk.setOptions': {
    roles: [T],
    input: { role: 'kiosk', idleSeconds: 60, defaultLanguage: 'vi', centreName: { vi: 'Trung tâm', en: 'Centre' }, openingHours: { vi: 'Giờ', en: 'Hours' }, saturdayMorning: false },
  },
  'cases.search': { roles: [O], input: { query: 'nguyen' } },
  'cases.get': { roles: [O], input: { receiptCode: 'NONE-0000' } },
  'cases.dueList': { roles: [O], input: {} },
  'cases.status': { roles: CITIZEN_FACING, input: { receiptCode: 'NONE-0000' } },
  'printers.list': { roles: [T], input: {} },
  'printers.choose': { roles: [T], input: { kind: 'slip-80mm', printer: null } },
  'printers.testPage': { roles: [T], input: { printer: 'MotCuaNoSuchQueue' } },
  'print.kept': { roles: [O, T], input: {} },
  'print.reprint': { roles: [O, T], input: { reprintId: '0000000000000-00000000' } },
  'central.status': { roles: [T], input: {} },
  'central.configure': { roles: [T], input: { endpoint: 'https://motcua.invalid/api', centralPublicKeyPem: 'not a key' } },
  'central.register': { roles: [T], input: { enrolmentCode: 'NONE-0000', centreCode: 'HN-01' } },
  'central.test': { roles: [T], input: {} },
  // The centre hub: citizens take numbers at the kiosk, officers call them, anyone sees the board.
  'hub.status': { roles: ANYONE, input: {} },
  'queue.services': { roles: ANYONE, input: {} },
  'queue.take': { roles: [K], input: { serviceId: 'none' } },
  'queue.printTicket': { roles: [K], input: { number: 'A001' } },
  'queue.callNext': { roles: [O], input: {} },
  'queue.callNumber': { roles: [O], input: { number: 'K2-017' } },
  'queue.callAgain': { roles: [O], input: {} },
  'queue.serve': { roles: [O], input: {} },
  'queue.skip': { roles: [O], input: {} },
  'queue.transfer': { roles: [O], input: { serviceId: 'none' } },
  'queue.current': { roles: [O], input: {} },
  'queue.board': { roles: ANYONE, input: {} },
  'help.request': { roles: [K], input: {} },
  'help.mine': { roles: [K], input: {} },
  'help.close': { roles: [K], input: {} },
  'help.list': { roles: [O], input: {} },
  'help.take': { roles: [O], input: { kiosk: 'K1' } },
  'queue.serviceSetup': { roles: [T], input: {} },
  'queue.setServiceSetup': { roles: [T], input: { services: [{ id: 'ho-tich', prefix: 'A', name: { vi: 'Hộ tịch', en: 'Civil status' }, procedures: [], counters: ['1'] }] } },
  'queue.day': { roles: [O, T], input: {} },
  'queue.dayCsv': { roles: [O, T], input: { day: '2026-03-02' } },
  'rating.target': { roles: [K], input: {} },
  'rating.submit': { roles: [K], input: { score: 'satisfied', reasons: [] } },
};

let tmp: ReturnType<typeof makeTempDir>;
let host: Host;

beforeAll(() => {
  tmp = makeTempDir('motcua-roles-');
  host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'm.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 't', today: () => isoDate('2026-11-23') });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

describe('the role matrix', () => {
  it('names every contract channel, and nothing else', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  const cases = CHANNEL_NAMES.flatMap((channel) => ROLES.map((role) => [channel, role] as const));
  it.each(cases)('%s as %s', async (channel, role) => {
    const entry = MATRIX[channel];
    expect(entry, `${channel} is missing from the matrix`).toBeDefined();
    // A fresh session each time: a call that signs in or out cannot change the next one's role.
    const result = await host.router.dispatch(newSession(role), channel, entry!.input);
    const code = result.ok ? null : result.error.code;
    if (entry!.roles.includes(role)) {
      expect(code, `${channel} must be open to ${role}`).not.toBe('FORBIDDEN');
      expect(code, `${channel}'s input in the matrix must have the channel's shape`).not.toBe('BAD_INPUT');
    } else {
      expect(code, `${channel} must be refused to ${role}`).toBe('FORBIDDEN');
    }
  });
});
