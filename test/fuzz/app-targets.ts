import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { decode } from '../../electron/cli/decode';
import { AppError, channels, citizenProfile, decodeProcedureCodes, dossierDraft, encodeProcedureCodes, ERROR_MESSAGES, kioskOptions, MAX_QR_PROCEDURES, type FormTemplate } from '../../electron/contract';
import type { SettingsRepository } from '../../electron/db/settings-repository';
import { centreCalendar } from '../../electron/host/centre-calendar';
import { KIOSK_SETTINGS, kioskOptionsHandlers } from '../../electron/host/kiosk-options-handlers';
import { parseProvisioning } from '../../electron/host/provisioning';
import { parseJobIds, parseLpstat, parseRequestId } from '../../electron/print/print-cups-parse';
import { parseJobs, parsePrinters } from '../../electron/print/print-windows-parse';
import { addWorkingDays } from '../../electron/base/calendar';
import { addDays, parseIsoDate } from '../../electron/base/calendar-date';
import { loadFormTemplates, prefillDraft } from '../../electron/proactive/dossier';
import { fromWire, toWire } from '../../electron/contract/draft-wire';
import { compileRules } from '../../electron/proactive/rules/engine';
import { readBundledPacks, selectPacks } from '../../electron/proactive/rules/load-packs';
import { parseProfile } from '../../electron/proactive/rules/profile-input';
import { buildDraftValidator } from '../../electron/contract';
import { canonicalJson, decodeHandoff, encodeHandoff, exportPublicKeyPem, HANDOFF_PREFIX, trustedKeys } from '../../electron/security/device-signing';
import { CARD, CENTRAL, ENTERED_CHILD, FORMS_DIR } from '../fixtures/dossier/citizen';
import { memorySettings, newDeviceKey } from '../fixtures/dossier/device-key';
import { ISSUE_PROFILE } from '../fixtures/profiles/issue-example';
import { assertLocalizedError, fuzzTarget, once, onlyThrows } from './fuzz-target';
import { fieldMutated, hostileText, mutatedJson } from './mutate';
import { APP_ROOT, MRZ_SAMPLES, QR_SAMPLES, TODAY } from './samples';

/** The signing kiosk, a draft it printed, and the counter that trusts it: made once, on first use. */
const handoff = once(() => {
    const key = newDeviceKey();
    const template = loadFormTemplates(FORMS_DIR).templates.get('birth-registration')!;
    const { draft } = prefillDraft(template, { central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, { id: 'draft-42' });
    const wireJson = canonicalJson(toWire(draft));
    const texts = [encodeHandoff(draft, key).text, encodeHandoff({ ...draft, id: 'x'.repeat(2000) }, key).text];
    /** Signs any body as the kiosk would: the checks behind the signature are reached. */
    const signed = (kind: number, body: Buffer) => {
      const bytes = Buffer.concat([Buffer.from([1, kind]), Buffer.from(key.keyId, 'hex'), body]);
      return HANDOFF_PREFIX + Buffer.concat([bytes, sign(null, bytes, key.privateKey)]).toString('base64url');
    };
    return { draft, wireJson, texts, signed, trusted: trustedKeys([exportPublicKeyPem(key)]) };
});

// Reading files and building validators costs more than one input: once per process.
const templates = once(() => [...loadFormTemplates(FORMS_DIR).templates.values()]);
const validators = once(() => new Map(templates().flatMap((t) => (['vi', 'en'] as const).map((lang) => [`${t.id}/${lang}`, buildDraftValidator(t, lang)] as const))));
const bundledPacks = once(() => readBundledPacks(APP_ROOT));
const issueProfile = once(() => citizenProfile.parse(ISSUE_PROFILE));

const LPSTAT = readFileSync(join(APP_ROOT, 'test', 'unit', 'print-cups-parse.test.ts'), 'utf8').match(/const LPSTAT = `([^`]*)`/)![1]!;
const WINDOWS_PRINTERS = '[{"Name":"Máy in A4","Status":"Normal","Default":true},{"Name":"EPSON","Status":"PaperOut, Offline","Default":false},{"Name":"Old","Status":"1040"}]';
const WINDOWS_JOBS = '[{"Id":12,"DocumentName":"a.pdf"},{"Id":13}]';

const PROVISIONING = [{ centralEndpoint: 'https://motcua.hanoi.gov.vn/api', role: 'kiosk', centreCode: 'H01.22', updateUrl: 'https://updates.hanoi.gov.vn/motcua' }, { centralEndpoint: 'http://127.0.0.1:8080', role: 'counter', centreCode: 'X' }];

const HOLIDAYS = JSON.parse(readFileSync(join(APP_ROOT, 'resources', 'calendar', 'holidays.json'), 'utf8')) as { years: Record<string, unknown> };
/** One year of the shipped file, the shape a technician's override has. */
const HOLIDAY_YEAR = { years: { '2026': HOLIDAYS.years['2026'] } };

const asSettings = (values: Record<string, string>) => {
  const settings = memorySettings();
  for (const [k, v] of Object.entries(values)) settings.set(k, v);
  return settings as unknown as SettingsRepository;
};

const isAppError = (e: unknown) => e instanceof AppError;

export const APP_TARGETS = [
  fuzzTarget({
    name: 'motcua decode --qr / --mrz (the JSON other tools read)',
    covers: ['decode', 'scanJson'],
    inputs: () => fc.tuple(fc.boolean(), hostileText([...QR_SAMPLES, ...MRZ_SAMPLES], 600)),
    check: ([asQr, text]) => {
      const json = decode(asQr ? { qr: text } : { mrz: text }, TODAY);
      if (json.ok) return;
      const error = json.error as { code: string; message: string };
      assert.ok(error.code !== 'INTERNAL' && error.code in ERROR_MESSAGES && error.message.includes(' / '), error.code);
    },
  }),
  fuzzTarget({
    name: 'dossier hand-off QR: scanned text (unsigned mutations)',
    covers: ['decodeHandoff'],
    inputs: () => hostileText(handoff().texts, 1500),
    check: (text) => {
      const kit = handoff();
      const decoded = decodeHandoff(text, kit.trusted);
      if (!decoded.ok) return assert.ok(decoded.code in ERROR_MESSAGES, decoded.code);
      // Never forged: whatever opens is what the kiosk signed.
      if (decoded.handoff.kind === 'draft') assert.deepEqual(decoded.handoff.draft.id, kit.draft.id);
      else assert.equal(decoded.handoff.draftId, 'x'.repeat(2000));
    },
  }),
  fuzzTarget({
    name: 'dossier hand-off QR: signed hostile bodies (inflate, JSON, wire schema)',
    covers: ['decodeHandoff', 'fromWire'],
    inputs: () =>
      fc.tuple(
        fc.constantFrom(1, 2, 3),
        fc.oneof(
          // The draft as printed, so the accepting path is checked too.
          fc.constant(null).map(() => deflateRawSync(Buffer.from(handoff().wireJson, 'utf8'))),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
          fc.constant(null).chain(() => mutatedJson([JSON.parse(handoff().wireJson)])).map((t) => deflateRawSync(Buffer.from(t, 'utf8'))),
          fc.json().map((t) => deflateRawSync(Buffer.from(t, 'utf8'))),
          fc.string({ maxLength: 80 }).map((t) => Buffer.from(t, 'utf8')),
        ),
      ),
    check: ([kind, body]) => {
      const decoded = decodeHandoff(handoff().signed(kind, body), handoff().trusted);
      if (!decoded.ok) return assert.ok(decoded.code in ERROR_MESSAGES, decoded.code);
      if (decoded.handoff.kind === 'draft') dossierDraft.parse(decoded.handoff.draft);
    },
  }),
  fuzzTarget({
    name: 'dossier wire form (fromWire)',
    covers: ['fromWire'],
    inputs: () => fc.oneof(fc.constant(null).chain(() => mutatedJson([JSON.parse(handoff().wireJson)])), fc.json()),
    check: (text) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return;
      }
      const draft = fromWire(value);
      if (draft !== null) dossierDraft.parse(draft);
    },
  }),
  fuzzTarget({
    name: 'reminder slip QR: procedure codes',
    covers: ['decodeProcedureCodes'],
    inputs: () => hostileText(['MOTCUA-TT:CC.CAP-DOI,1.001193,BHYT.TRE-EM-DUOI-6', 'MOTCUA-TT:1.001456'], 300),
    check: (text) => {
      const codes = decodeProcedureCodes(text);
      if (codes === null) return;
      // Only codes come out, each once, and they make the same QR again.
      assert.ok(codes.length >= 1 && codes.length <= MAX_QR_PROCEDURES && new Set(codes).size === codes.length);
      assert.deepEqual(decodeProcedureCodes(encodeProcedureCodes(codes)!), codes);
      for (const code of codes) assert.match(code, /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/);
    },
  }),
  fuzzTarget({
    name: 'provisioning file (motcua.provision.json)',
    covers: ['parseProvisioning', 'readProvisioning'],
    inputs: () => mutatedJson(PROVISIONING),
    check: (text) => {
      const read = parseProvisioning(text, 'motcua.provision.json');
      if (read.status === 'invalid') return assert.ok(read.problems.length > 0 && read.problems.every((p) => p.length > 0));
      assert.match(read.sha256, /^[0-9a-f]{64}$/);
      // https, or http to this machine only (contract/central.ts).
      const url = new URL(read.value.centralEndpoint);
      assert.ok(url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)), read.value.centralEndpoint);
    },
  }),
  fuzzTarget({
    name: "holiday overrides (a technician's JSON) into working days",
    covers: ['centreCalendar', 'holidayData', 'addWorkingDays'],
    inputs: () => fc.tuple(mutatedJson([HOLIDAY_YEAR, { years: {} }]), fc.integer({ min: 0, max: 120 })),
    check: ([raw, days]) => {
      const options = centreCalendar(APP_ROOT, asSettings({ 'calendar.holidayOverrides': raw }))();
      const due = addWorkingDays(TODAY, days, options);
      assert.ok(due >= TODAY, due);
    },
  }),
  fuzzTarget({
    name: 'printers: CUPS lpstat/lp output',
    covers: ['parseLpstat', 'parseRequestId', 'parseJobIds'],
    inputs: () => fc.oneof(hostileText([LPSTAT, 'request id is Slip80-12 (1 file(s))\n', 'Slip80-12 root 1024 Mon\n'], 1500), fieldMutated([LPSTAT], '\n'), fieldMutated([LPSTAT], ' ')),
    check: (text) => {
      const list = parseLpstat(text);
      for (const p of list.printers) assert.ok(p.name.length > 0 && !/\s/.test(p.name) && ['idle', 'printing', 'disabled'].includes(p.state));
      assert.ok(list.printers.filter((p) => p.isDefault).length <= 1);
      const id = parseRequestId(text);
      assert.ok(id === null || /^\S+-\d+$/.test(id));
      for (const job of parseJobIds(text)) assert.match(job, /^\S+-\d+$/);
    },
  }),
  fuzzTarget({
    name: 'printers: Windows print cmdlets JSON',
    covers: ['parsePrinters', 'parseJobs'],
    inputs: () => fc.oneof(mutatedJson([JSON.parse(WINDOWS_PRINTERS), JSON.parse(WINDOWS_JOBS)]), hostileText([WINDOWS_PRINTERS, `\uFEFF${WINDOWS_JOBS}`])),
    check: async (text) => {
      await onlyThrows(() => {
        for (const p of parsePrinters(text).printers) assert.ok(p.name.length > 0);
        for (const j of parseJobs(text)) assert.equal(typeof j.id, 'number');
      }, isAppError);
    },
  }),
  fuzzTarget({
    name: 'kiosk options read back from stored settings',
    covers: ['kioskOptionsHandlers'],
    inputs: () =>
      fc.record({
        [KIOSK_SETTINGS.idleSeconds]: hostileText(['90', '600', '30'], 30),
        [KIOSK_SETTINGS.role]: hostileText(['kiosk', 'counter'], 20),
        [KIOSK_SETTINGS.defaultLanguage]: hostileText(['vi', 'en'], 10),
        [KIOSK_SETTINGS.centreName]: mutatedJson([{ vi: 'Trung tâm', en: 'Centre' }]),
        [KIOSK_SETTINGS.openingHours]: mutatedJson([{ vi: '7:30–17:00', en: '7:30–17:00' }]),
      }),
    check: async (stored) => {
      const handlers = kioskOptionsHandlers({ settings: asSettings(stored), registeredCentreName: () => null });
      kioskOptions.parse(await handlers['kiosk.options']({}, undefined as never, undefined as never));
      channels['kiosk.options'].output.parse(await handlers['kiosk.options']({}, undefined as never, undefined as never));
    },
  }),
  fuzzTarget({
    name: 'form data validation (every bundled form)',
    covers: ['buildDraftValidator'],
    inputs: () =>
      fc.tuple(fc.constantFrom(...templates()), fc.constantFrom('vi' as const, 'en' as const), fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue(), { maxKeys: 4 }), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.jsonValue(), hostileText(['001099012345', '2020-01-31', 'Nguyễn Văn A'], 60))), { maxLength: 8 })),
    check: ([template, lang, extra, values]) => {
      const fields = (template as FormTemplate).sections.flatMap((s) => s.fields);
      const input: Record<string, unknown> = { ...extra };
      for (const [n, v] of values) input[fields[n % fields.length]!.id] = v;
      const checked = validators().get(`${template.id}/${lang}`)!.safeParse(input);
      if (!checked.success) for (const issue of checked.error.issues) assert.ok(issue.message.length > 0);
    },
  }),
  fuzzTarget({
    name: 'citizen profile file (motcua remind --profile)',
    covers: ['parseProfile'],
    inputs: () => mutatedJson([ISSUE_PROFILE, CENTRAL]),
    check: (text) => {
      const result = parseProfile(text);
      if (!result.ok) assertLocalizedError(result.error);
    },
  }),
  fuzzTarget({
    name: 'synced rule packs (selected, compiled, evaluated)',
    covers: ['selectPacks', 'compileRules'],
    inputs: () => fc.tuple(mutatedJson(bundledPacks().map((p) => JSON.parse(p.text) as unknown)), fc.string({ maxLength: 20 })),
    check: ([text, name]) => {
      // Whatever passes the pack schema must compile and evaluate (bundled packs are tested as shipped).
      const { packs } = selectPacks([{ origin: 'synced', name: name || 'p', text }]);
      compileRules(packs).evaluate(issueProfile(), TODAY);
    },
  }),
  fuzzTarget({
    name: 'calendar dates: parseIsoDate',
    covers: ['parseIsoDate'],
    inputs: () => hostileText(['2026-11-23', '2024-02-29', '1999-12-31'], 16),
    check: (text) => {
      const date = parseIsoDate(text);
      if (date === null) return;
      // A date it admits is a real day: it round-trips through the JS calendar and steps to the next one.
      assert.equal(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date);
      assert.ok(addDays(date, 1) > date);
    },
  }),
];
