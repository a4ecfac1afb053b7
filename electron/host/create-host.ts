import { dirname, join } from 'node:path';
import type { AppInfo } from '../contract';
import { AuditRepository } from '../db/audit-repository';
import { CatalogueRepository } from '../db/catalogue-repository';
import { openDatabase, type Db } from '../db/connection';
import { seedDemo } from '../db/demo-seed';
import { schemaVersion } from '../db/migrations';
import { SettingsRepository } from '../db/settings-repository';
import { todayInVietnam, type IsoDate } from '../base/calendar-date';
import { readFontFiles } from '../print/fonts';
import { AUDIT_SUBJECT_KEY, AuditLog } from '../security/audit';
import { TechnicianPin } from '../security/technician-pin';
import { runDoctor } from './doctor';
import { classifyScan } from '../../drivers/idcard/classify';
import { IDENTIFICATION } from '../contract';
import { demoPhoneAt, type DemoPhoneControl } from './demo-phone';
import { chipReaderHandlers } from './chip-reader-handlers';
import { sourceDemoCard, type DemoCard } from './demo-card';
import { noChipReaders, pcscInspector, type ChipReaderInspector } from '../devices/chip-readers';
import { toScanResult } from '../devices/scan-results';
import { Outbox } from '../sync/outbox';
import { AuditShipper } from '../sync/audit-shipper';
import { SyncService, type CentralLink } from '../sync/sync-service';
import { keyFileSecretStore, openingAlso, sealClearSetting, sealedSettings, type SecretStore } from '../security/secret-store';
import { centralHost, type AutoEnrolment } from './central-host';
import { createDevices } from './devices';
import { EventBus } from './event-bus';
import { createRouter, type Router } from './router';
import { CitizenSessions } from './citizen-sessions';
import { citizenHandlers } from './citizen-handlers';
import { identityHandlers } from './identity-handlers';
import type { ChipSource } from '../devices/chip-source';
import { dossierHandlers } from './dossier-handlers';
import { reminderHandlers } from './reminder-handlers';
import { cachedBySync } from './synced-cache';
import { recommendHandlers } from './recommend-handlers';
import { procedureHandlers } from './procedure-handlers';
import { centreCalendar } from './centre-calendar';
import { loadCatalogue, type Catalogue } from '../proactive/recommend';
import { renderComparisonSheet } from '../print/comparison-sheet';
import { formsFor } from './form-for';
import { renderDossierPdf } from '../print/dossier-pdf';
import { encodeHandoff, loadOrCreateDeviceKey, PRIVATE_KEY_SETTING, type DeviceKey } from '../security/device-signing';
import { compileRules } from '../proactive/rules/engine';
import { loadRulePacks } from '../proactive/rules/load-packs';
import { renderReminderSheet } from '../print/reminder-sheet';
import { casesOf } from '../db/citizen-cases';
import { loadFormTemplates } from '../proactive/dossier';
import { ConsentRegistry } from '../security/consent';
import { ConsentRepository } from '../db/consent-repository';
import { DraftRepository } from '../db/draft-repository';
import { citizenTurnEnd } from './citizen-turn';
import { counterHost } from './counter-host';
import { accountHost } from './account-handlers';
import { CaseSearch } from '../db/case-search';
import { startCaseIndexDriver } from './case-index-driver';
import { startWriterThread } from './writer-thread';
import { kioskOptionsHandlers } from './kiosk-options-handlers';
import { createPrinting } from '../print/printers';
import { printerHandlers, withPrinting } from './print-handlers';
import { hubHost } from './hub-host';
import { realClock, runRetention, scheduleRetention, type RetentionClock } from '../security/retention';

/** The demo machine's technician PIN, given in the README: a demo has no secrets. */
export const DEMO_TECHNICIAN_PIN = '246810';

export interface HostConfig {
  /** The central system to sync with; remembered in settings, so later starts need not repeat it. */
  central?: CentralLink;
  /** The demo's centre, enrolled with on its own at start. */
  enrol?: AutoEnrolment;
  /** Seals the device token and keys: Electron's safeStorage, given by electron/app; else a key file beside the database. */
  secrets?: SecretStore;
  /** Folders a `motcua.provision.json` may be in (next to the app). */
  provisioningDirs?: readonly string[];
  /** Pull the central feed (off in tests that do not need it). */
  sync?: boolean;
  /** The bundled writer worker (writer-worker.cjs): the sync's pulls and the case index's catch-up run in that thread; without it, in the host's. */
  writerWorker?: string;
  /** Read HID devices (off in tests that do not need them: no polling timers). */
  devices?: boolean;
  /** Folder holding `resources/` and `electron/db/migrations/` (the repo, or the packaged app). */
  appRoot: string;
  dbPath: string;
  demo: boolean;
  transport: AppInfo['transport'];
  version: string;
  /** The host's wall clock (a test's fixed one): today's date and the retention purge's "now" come from it. */
  clock?: { now(): Date };
  today?: () => IsoDate;
  logError?: (channel: string, error: unknown) => void;
  /** Informational lines (the retention purge's counts). */
  log?: (line: string) => void;
  /** Purge by the retention policy at start and daily (off for one-shot commands such as `doctor`). */
  retention?: boolean;
  /** The retention schedule's clock and timers (a test's fake ones); else the host's clock with real timers. */
  retentionClock?: RetentionClock;
  /** The ID card chip reader (PC/SC); absent: the chip level is not offered. */
  chipSource?: ChipSource;
  /** Demo mode only: the demo centre's "phone" (its control routes), so the holder confirmation can be walked without one. */
  demoPhone?: DemoPhoneControl;
  /** The chip readers the Devices panel lists and tests; PC/SC by default (none with `devices: false`). */
  chipReaders?: ChipReaderInspector;
  /** Demo mode only: the demo card for the virtual reader; by default the source checkout's, where there is one (none with `devices: false`). */
  demoCard?: DemoCard;
}

export interface Host {
  db: Db;
  router: Router;
  events: EventBus;
  audit: AuditLog;
  /** Whether a citizen is being served at this moment (an update never installs then). */
  servingCitizen(): boolean;
  /** Where updates are looked for (settings or provisioning); null: no checks. */
  updateUrl(): string | null;
  /** The centre hub: pairing on first start, and this machine's link to it. */
  hub: Pick<ReturnType<typeof hubHost>, 'join' | 'status' | 'settle'>;
  close(): Promise<void>;
}

/** The composition root: opens the database, builds the services, wires the router. */
export function createHost(config: HostConfig): Host {
  // Seals the device token and keys, the data key of personal fields and the audit's subject key.
  const keyFile = keyFileSecretStore(dirname(config.dbPath));
  const secrets = config.secrets ? openingAlso(config.secrets, keyFile) : keyFile;
  const { db, migrations } = openDatabase(config.dbPath, join(config.appRoot, 'electron', 'db', 'migrations'), { secrets });
  if (config.demo) seedDemo(db, join(config.appRoot, 'resources', 'demo'));
  const settings = new SettingsRepository(db);
  const catalogue = new CatalogueRepository(db);
  sealClearSetting(settings, secrets, AUDIT_SUBJECT_KEY);
  const audit = new AuditLog(new AuditRepository(db), sealedSettings(settings, secrets));
  const wallClock = config.clock ?? realClock;
  const today = config.today ?? (() => todayInVietnam(wallClock.now()));
  const events = new EventBus();
  // Peripherals off (tests, one-shot commands): no demo card process and no PC/SC calls unless given.
  const peripherals = config.devices !== false;
  const demoCard = config.demo ? (config.demoCard ?? (peripherals ? sourceDemoCard(config.appRoot) : undefined)) : undefined;
  const technicianPin = new TechnicianPin(settings);
  const devices = createDevices({
    db,
    replayDir: join(config.appRoot, 'resources', 'demo', 'hid'),
    today,
    onScan: (key, result) => {
      if (result.kind === 'identity') {
        audit.record({
          session: `device:${key}`,
          role: 'kiosk',
          channel: 'device.scan',
          purpose: IDENTIFICATION.purpose,
          legalBasis: IDENTIFICATION.legalBasis,
          subject: result.identity.personalNumber,
          outcome: 'ok',
          // A scanned card is its QR or MRZ: printed, so no more than the qr level.
          assurance: 'qr',
        });
      }
      events.publish('scan', { device: key, result });
    },
    onLive: (live) => events.publish('devices.live', live),
    onChanged: () => events.publish('devices.changed', {}),
  });
  if (config.devices !== false) devices.start();
  const onIndexError = (error: unknown) => config.logError?.('case-index', error);
  const writer = config.writerWorker ? startWriterThread(config.writerWorker, db, onIndexError) : null;
  // The central link (sealed token, provisioning, registration) and the sync service that uses it.
  sealClearSetting(settings, secrets, PRIVATE_KEY_SETTING);
  // The machine's signing key, made on first use: it signs the QR of every printed dossier and the
  // identity evidence sent with a profile request, and is the key registered with the centre.
  let signingKey: DeviceKey | undefined;
  const deviceKey = () => (signingKey ??= loadOrCreateDeviceKey(sealedSettings(settings, secrets)));
  const sync = centralHost({
    db,
    secrets,
    deviceKey,
    makeSync: (link) =>
      new SyncService({
        db,
        outbox: new Outbox(db),
        link,
        onStatus: (status) => events.publish('sync.status', status),
        ...(writer ? { pull: writer.pull } : {}),
      }),
    startSync: config.sync !== false,
    ...(config.central ? { link: config.central } : {}),
    ...(config.enrol ? { enrol: config.enrol } : {}),
    ...(config.provisioningDirs ? { provisioningDirs: config.provisioningDirs } : {}),
    ...(config.logError ? { logError: config.logError } : {}),
  });
  audit.onRecorded(() => sync.auditRecorded());
  const caseIndex = writer ? null : startCaseIndexDriver(CaseSearch.of(db), { onError: onIndexError });
  // Retention: the purge runs right after start, then daily.
  const clock = config.retentionClock ?? { ...realClock, now: () => wallClock.now() };
  const retention =
    config.retention === false
      ? null
      : scheduleRetention(
          () => runRetention({ db, settings, audit, now: () => clock.now(), log: config.log ?? (() => {}), via: 'schedule' }),
          (error) => config.logError?.('retention', error),
          clock,
        );
  if (config.demo && !technicianPin.isSet()) technicianPin.set(DEMO_TECHNICIAN_PIN);
  const fonts = readFontFiles(join(config.appRoot, 'resources', 'fonts'));
  const citizens = new CitizenSessions();
  let outcomes: Catalogue | undefined;
  const outcomeCatalogue = () => (outcomes ??= loadCatalogue(config.appRoot));
  const ruleEngine = cachedBySync(db, 'rulepack', () => {
    const { packs, rejected } = loadRulePacks(config.appRoot, db, { demo: config.demo });
    for (const r of rejected) config.logError?.('rules', new Error(`rule pack ${r.name} rejected: ${r.reason}`));
    return compileRules(packs);
  });
  const formTemplates = cachedBySync(db, 'form', () => {
    const { templates, rejected } = loadFormTemplates(join(config.appRoot, 'resources', 'forms'), db);
    for (const r of rejected) config.logError?.('forms', new Error(`form template ${JSON.stringify(r.origin)} rejected: ${r.reason}`));
    return templates;
  });
  const drafts = new DraftRepository(db);
  const endTurn = citizenTurnEnd({ db, citizens, drafts, consents: new ConsentRepository(db) });
  const accounts = accountHost({ db, settings, audit, endCitizenTurn: endTurn });
  if (config.demo) accounts.seedDemo();

  // CUPS (or the Windows spooler); documents that fail to print are kept next to the database.
  const printing = createPrinting(settings, dirname(config.dbPath));

  const hub = hubHost({
    settings,
    deviceKey,
    events,
    fonts,
    centreName: () => catalogue.centre()?.name.vi ?? null,
    centralLink: () => sync.central.link(),
    listen: config.sync !== false,
    ...(config.logError ? { logError: config.logError } : {}),
  });

  const router = createRouter({
    audit,
    logError: config.logError,
    touch: accounts.touch,
    transaction: (work) => (writer ? writer.hostWrite(() => db.transaction(work).immediate()) : db.transaction(work).immediate()),
    subjectOf: (session) => citizens.current(session.id)?.identity.personalNumber ?? null,
    assuranceOf: (session) => citizens.current(session.id)?.proof.level ?? null,
    handlers: withPrinting(printing, {
      ...printerHandlers({ printing, fonts }),
      ...accounts.handlers,
      ...citizenHandlers({
        citizens,
        consents: new ConsentRegistry(new ConsentRepository(db), audit),
        centralLink: () => sync.central.link(),
        deviceKey,
        endTurn,
        today,
        logError: config.logError,
      }),
      ...identityHandlers({
        citizens,
        centralLink: () => sync.central.link(),
        today,
        ...(config.chipSource ? { chipSource: config.chipSource } : {}),
        ...(config.demo && config.demoPhone ? { demoPhone: demoPhoneAt(config.demoPhone) } : {}),
      }),
      ...reminderHandlers({
        citizens,
        evaluate: (profile, day) => ruleEngine().evaluate(profile, day),
        casesOf: (pin) => casesOf(db, pin),
        renderSheet: (data, centre, paper) => renderReminderSheet(data, centre, fonts, paper),
        centre: () => catalogue.centre(),
        procedure: (code) => catalogue.procedure(code),
        outcomeFor: (code) => outcomeCatalogue().outcomes.find((o) => o.options.some((x) => x.procedureCodes.includes(code)))?.id ?? null,
        formsFor: (code) => formsFor(code, formTemplates(), outcomeCatalogue()),
        today,
      }),
      ...procedureHandlers({ procedures: cachedBySync(db, 'procedure', () => catalogue.procedures()), templates: formTemplates, catalogue: outcomeCatalogue }),
      ...recommendHandlers({
        citizens,
        catalogue: outcomeCatalogue,
        calendar: centreCalendar(config.appRoot, settings, config.logError),
        renderSheet: (data) => renderComparisonSheet(data, catalogue.centre(), fonts),
        today,
      }),
      ...dossierHandlers({
        citizens,
        drafts,
        templates: formTemplates,
        subjectHash: (pin) => audit.subjectHash(pin),
        formsFor: (code) => formsFor(code, formTemplates(), outcomeCatalogue()),
        renderPdf: async (draft, template) => {
          const handoff = encodeHandoff(draft, deviceKey());
          const place = catalogue.centre()?.address.split(',').at(-1)?.trim();
          return { ...(await renderDossierPdf({ template, draft, handoff: handoff.text, fonts, date: today(), place })), handoff: handoff.kind };
        },
      }),
      ...counterHost({ db, settings, citizens, templates: formTemplates, ruleEngine, deviceKey, subjectHash: (pin) => audit.subjectHash(pin), sendNow: () => sync.syncNow(), calendar: centreCalendar(config.appRoot, settings, config.logError), fonts, today, logError: config.logError }),
      ...hub.handlers,
      ...kioskOptionsHandlers({ settings, registeredCentreName: () => catalogue.centre()?.name ?? null }),
      'app.info': () => ({
        version: config.version,
        transport: config.transport,
        demo: config.demo,
        centre: catalogue.centre(),
        schemaVersion: schemaVersion(db),
        chipReader: config.chipSource !== undefined,
      }),
      'session.get': (_input, session) => ({ role: session.role, displayName: session.displayName }),
      'session.unlockTechnician': ({ pin }, session) => {
        technicianPin.verify(pin);
        session.role = 'technician';
        return { role: session.role };
      },
      'session.lock': (_input, session) => {
        accounts.logOut(session);
        return { role: session.role };
      },
      'scan.classify': ({ text, asciiOnly }) => toScanResult(classifyScan(text, today()), asciiOnly),
      'devices.list': () => devices.overview(),
      'devices.assign': ({ key, role, profile }) => devices.assign(key, role, profile),
      'devices.test': ({ key, on }) => devices.test(key, on),
      'devices.replay': ({ name }) => devices.replay(name),
      ...chipReaderHandlers({ inspector: config.chipReaders ?? (peripherals ? pcscInspector : noChipReaders), ...(demoCard ? { demoCard } : {}) }),
      ...sync.handlers,
      'sync.status': () => sync.current(),
      'sync.now': () => sync.retryNow(),
      'diagnostics.doctor': () =>
        runDoctor({
          appRoot: config.appRoot,
          dbPath: config.dbPath,
          schemaVersion: schemaVersion(db),
          knownSchemaVersion: migrations.length,
          settings,
          central: sync.central,
          provisioning: sync.provisioning,
          audit: new AuditShipper(db).status(),
        }),
    }),
  });
  return {
    db,
    router,
    events,
    audit,
    servingCitizen: () => citizens.serving(),
    updateUrl: () => sync.central.updateUrl(),
    hub,
    close: async () => {
      hub.close();
      caseIndex?.stop();
      retention?.stop();
      await Promise.all([devices.stop(), sync.stop(), demoCard?.remove()]);
      await writer?.close();
      db.close();
    },
  };
}
