import { join } from 'node:path';
import type { DossierView } from '../../electron/contract';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { createHost, DEMO_TECHNICIAN_PIN, type Host } from '../../electron/host/create-host';
import { DEMO_ACCOUNTS } from '../../electron/host/account-handlers';
import { newSession, type Session } from '../../electron/host/session';
import { encodeHandoff, loadOrCreateDeviceKey } from '../../electron/security/device-signing';
import { keyFileSecretStore, sealedSettings } from '../../electron/security/secret-store';
import { DB_FILE, draftValues, kioskOptionsFor, printedAs, secretFor, type Writer, type WriterContext } from './crash-ops';
import { DEMO_MOTHER } from './host-with-central';
import { referenceSized } from './kiosk-prints';

// Power-loss writers that go through the app as a screen does: createHost on the database file,
// a session, and the router's channels (validate, authorise, handler, audit).

function openHost(dir: string): Host {
  return createHost({ appRoot: process.cwd(), dbPath: join(dir, DB_FILE), demo: true, transport: 'browser', version: 'crash', devices: false, sync: false });
}

const caller = (host: Host) => async <T = unknown>(session: Session, channel: string, input: unknown): Promise<T> => {
  const r = await host.router.dispatch(session, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${JSON.stringify(r.error)}`);
  return r.value as T;
};

/** A kiosk citizen's turn up to the filled-in dossier (`reference`: too large for one QR); returns the draft. */
async function kioskDossier({ step }: WriterContext, call: ReturnType<typeof caller>, kiosk: Session, k: number, reference = false): Promise<DossierView['draft']> {
  await step({ op: 'open', k }, () => call(kiosk, 'citizen.open', DEMO_MOTHER));
  let prepared: DossierView['draft'] | undefined;
  await step({ op: 'prepare', k }, async () => (prepared = (await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'birth-registration' })).draft));
  const corrections = reference ? referenceSized(prepared!) : [];
  let draft: DossierView['draft'] | undefined;
  await step({ op: 'update', k }, async () => (draft = (await call<DossierView>(kiosk, 'dossier.update', { draftId: prepared!.id, values: draftValues(k), corrections })).draft));
  return draft!;
}

/** Kiosk dossiers: prepared, filled in, every other one printed (`printedAs`), then the session wipe. */
export const draftsWriter: Writer = async (ctx) => {
  const call = caller(openHost(ctx.dir));
  ctx.ready();
  for (let k = ctx.first; ; k++) {
    const kiosk = newSession('kiosk');
    const { id } = await kioskDossier(ctx, call, kiosk, k, printedAs(k) === 'reference');
    if (printedAs(k) !== null) await ctx.step({ op: 'print', k }, () => call(kiosk, 'dossier.print', { draftId: id }));
    await ctx.step({ op: 'close', k }, () => call(kiosk, 'citizen.close', {}));
  }
};

/** Consents: a citizen identified, a dossier begun, an acceptance and a refusal recorded, then the wipe of all three. */
export const consentWriter: Writer = async (ctx) => {
  const call = caller(openHost(ctx.dir));
  ctx.ready();
  for (let k = ctx.first; ; k++) {
    const kiosk = newSession('kiosk');
    await ctx.step({ op: 'open', k }, () => call(kiosk, 'citizen.open', DEMO_MOTHER));
    await ctx.step({ op: 'prepare', k }, () => call(kiosk, 'dossier.prepare', { formId: 'birth-registration' }));
    await ctx.step({ op: 'accept', k }, () => call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true }));
    await ctx.step({ op: 'decline', k }, () => call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: false }));
    await ctx.step({ op: 'close', k }, () => call(kiosk, 'citizen.close', {}));
  }
};

/** The counter: a kiosk dossier's QR opened by the officer, the originals checked, the dossier submitted (queued: no centre). */
export const counterWriter: Writer = async (ctx) => {
  const host = openHost(ctx.dir);
  const call = caller(host);
  const key = loadOrCreateDeviceKey(sealedSettings(new SettingsRepository(host.db), keyFileSecretStore(ctx.dir)));
  const officer = newSession('kiosk');
  const { username, password } = DEMO_ACCOUNTS[0];
  ctx.ready();
  await ctx.step({ op: 'login', k: ctx.first }, () => call(officer, 'auth.login', { username, password }));
  for (let k = ctx.first; ; k++) {
    const draft = await kioskDossier(ctx, call, newSession('kiosk'), k);
    await ctx.step({ op: 'handoff', k }, () => call(officer, 'counter.openHandoff', { text: encodeHandoff(draft, key).text }));
    const attachments = [{ id: 'birthCertificate', seen: true, note: `k=${k}` }, { id: 'marriageCertificate', seen: true, note: '' }];
    await ctx.step({ op: 'check', k }, () => call(officer, 'counter.checkOriginals', { draftId: draft.id, attachments, needsSupplement: false, supplementNote: '' }));
    await ctx.step({ op: 'submit', k }, () => call(officer, 'counter.submit', { draftId: draft.id }));
  }
};

/** Account changes by a technician: officers created, disabled, and every other one enabled again. */
export const accountsWriter: Writer = async (ctx) => {
  const call = caller(openHost(ctx.dir));
  const technician = newSession('kiosk');
  await call(technician, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
  ctx.ready();
  for (let k = ctx.first; ; k++) {
    const username = `crash${k}`;
    await ctx.step({ op: 'create', k }, () => call(technician, 'accounts.create', { username, displayName: `Cán bộ ${k}`, role: 'officer', password: 'mat-khau-dai-12' }));
    await ctx.step({ op: 'disable', k }, () => call(technician, 'accounts.disable', { username }));
    if (k % 2 === 0) await ctx.step({ op: 'enable', k }, () => call(technician, 'accounts.enable', { username }));
  }
};

/** Settings: the kiosk options a technician saves, and a secret sealed into the settings (as the device token is). */
export const settingsWriter: Writer = async (ctx) => {
  const host = openHost(ctx.dir);
  const call = caller(host);
  const sealed = sealedSettings(new SettingsRepository(host.db), keyFileSecretStore(ctx.dir));
  const technician = newSession('kiosk');
  await call(technician, 'session.unlockTechnician', { pin: DEMO_TECHNICIAN_PIN });
  ctx.ready();
  for (let k = ctx.first; ; k++) {
    await ctx.step({ op: 'options', k }, () => call(technician, 'kiosk.setOptions', kioskOptionsFor(k)));
    await ctx.step({ op: 'secret', k }, () => sealed.set(SECRET_SETTING, secretFor(k)));
  }
};

export const SECRET_SETTING = 'central.crashTestToken';
