import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { centralEndpoint, centreCode, machineRole } from '../contract';
import type { CentralSettings } from './central-link';

/** The file a technician drops next to the installed app to point it at its centre. */
export const PROVISION_FILE = 'motcua.provision.json';

export const provisioningSchema = z
  .object({
    /** The centre's one-stop system (the central API's base URL). */
    centralEndpoint,
    role: machineRole,
    /** The service centre's code, as the central system knows it. */
    centreCode,
    /** Where the app looks for updates (electron-builder's generic provider); absent: no checks. */
    updateUrl: centralEndpoint.optional(),
  })
  .strict();
export type Provisioning = z.infer<typeof provisioningSchema>;

export type ProvisioningRead =
  | { status: 'absent' }
  | { status: 'ok'; path: string; value: Provisioning; sha256: string }
  | { status: 'invalid'; path: string; problems: string[] };

/**
 * Where "next to the app" is: the executable's folder (Windows install dir, /opt/MotCua for the
 * deb) and, for an AppImage, the folder holding the .AppImage file (its executable lives in a
 * temporary mount).
 */
export function provisioningDirs(exePath: string, env: NodeJS.ProcessEnv = process.env): string[] {
  return [...(env.APPIMAGE ? [dirname(env.APPIMAGE)] : []), dirname(exePath)];
}

/** The first provisioning file found in `dirs`, checked; never throws. */
export function readProvisioning(dirs: readonly string[]): ProvisioningRead {
  for (const dir of dirs) {
    const path = join(dir, PROVISION_FILE);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    return parseProvisioning(text, path);
  }
  return { status: 'absent' };
}

/** A provisioning file's text, checked; never throws. */
export function parseProvisioning(text: string, path: string): Exclude<ProvisioningRead, { status: 'absent' }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { status: 'invalid', path, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = provisioningSchema.safeParse(json);
  if (!parsed.success) return { status: 'invalid', path, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  return { status: 'ok', path, value: parsed.data, sha256: createHash('sha256').update(text).digest('hex') };
}

const APPLIED = 'provisioning.sha256';

/**
 * Writes a provisioning file's values into settings once per version of the file, so a
 * technician's later change in the console is not undone at every start. Returns whether it did.
 */
export function applyProvisioning(central: CentralSettings, read: Extract<ProvisioningRead, { status: 'ok' }>): boolean {
  const settings = central.settings;
  if (settings.get(APPLIED) === read.sha256) return false;
  central.setEndpoint(read.value.centralEndpoint);
  central.setRole(read.value.role);
  settings.set('centre.code', read.value.centreCode);
  if (read.value.updateUrl !== undefined) central.setUpdateUrl(read.value.updateUrl);
  settings.set(APPLIED, read.sha256);
  return true;
}

/** At start: a valid file next to the app is applied (once per version); an invalid one is logged, and kept for the doctor. */
export function provisionAtStart(central: CentralSettings, dirs: readonly string[], logError?: (channel: string, error: unknown) => void): ProvisioningRead {
  const read = readProvisioning(dirs);
  if (read.status === 'ok') applyProvisioning(central, read);
  if (read.status === 'invalid') logError?.('provisioning', new Error(`${read.path}: ${read.problems.join('; ')}`));
  return read;
}
