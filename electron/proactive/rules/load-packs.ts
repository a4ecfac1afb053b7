import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { compareVersions, productionProblems, rulePack, type RulePack } from './pack-schema';

/**
 * A rule pack as found, not yet validated: a bundled file, a synced `rulepack` object, or a demo
 * pack (examples whose legal basis is not confirmed, loaded only in demo mode).
 */
export interface PackSource {
  origin: 'bundled' | 'synced' | 'demo';
  /** The file name, or the synced object's id (which is the pack's id). */
  name: string;
  /** The JSON text. */
  text: string;
}

export interface RejectedPack {
  origin: PackSource['origin'];
  name: string;
  reason: string;
}

export interface LoadedPacks {
  /** One per pack id: the highest version (bundled on a tie), sorted by id. */
  packs: RulePack[];
  /** Packs that are invalid or clash with another, and why: never an exception. */
  rejected: RejectedPack[];
}

export const RULES_DIR = join('resources', 'rules');
export const DEMO_RULES_DIR = join('resources', 'demo', 'rules');

function readPackDir(dir: string, origin: PackSource['origin']): PackSource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ origin, name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

export const readBundledPacks = (appRoot: string): PackSource[] => readPackDir(join(appRoot, RULES_DIR), 'bundled');
export const readDemoPacks = (appRoot: string): PackSource[] => readPackDir(join(appRoot, DEMO_RULES_DIR), 'demo');

export function readSyncedPacks(db: Db): PackSource[] {
  return db
    .prepare<[], { id: string; data: string }>("SELECT id, data FROM synced_objects WHERE type = 'rulepack' ORDER BY id")
    .all()
    .map((r) => ({ origin: 'synced', name: r.id, text: r.data }));
}

/** How packs are checked: a production machine refuses a legal basis without its source and date. */
export interface PackMode {
  demo: boolean;
}

function validate(source: PackSource, mode: PackMode): { pack: RulePack } | { reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch {
    return { reason: 'not JSON' };
  }
  // A synced object's id is the pack's id; its data may leave it out.
  if (source.origin === 'synced' && typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const given = (data as { id?: unknown }).id;
    if (given !== undefined && given !== source.name) return { reason: `id ${JSON.stringify(given)} is not the object id ${source.name}` };
    data = { ...data, id: source.name };
  }
  const parsed = rulePack.safeParse(data);
  if (!parsed.success) return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(pack)'}: ${i.message}`).join('; ') };
  const unconfirmed = mode.demo ? [] : productionProblems(parsed.data);
  return unconfirmed.length > 0 ? { reason: unconfirmed.join('; ') } : { pack: parsed.data };
}

/**
 * The packs to compile: of the valid sources, the highest version of each pack id (the bundled
 * one on a tie). A pack that does not validate, or whose rule ids another chosen pack already
 * uses, is rejected with its reason.
 */
export function selectPacks(sources: readonly PackSource[], mode: PackMode = { demo: false }): LoadedPacks {
  const rejected: RejectedPack[] = [];
  const best = new Map<string, { pack: RulePack; source: PackSource }>();
  for (const source of sources) {
    const result = validate(source, mode);
    if ('reason' in result) {
      rejected.push({ origin: source.origin, name: source.name, reason: result.reason });
      continue;
    }
    const held = best.get(result.pack.id);
    const order = held === undefined ? 1 : compareVersions(result.pack.version, held.pack.version);
    if (order > 0 || (order === 0 && source.origin !== 'synced')) best.set(result.pack.id, { pack: result.pack, source });
  }
  const packs: RulePack[] = [];
  const owner = new Map<string, string>();
  // On a clash the bundled pack keeps its rules: synced packs are checked after all bundled ones.
  const byOrigin = (x: { source: PackSource }) => (x.source.origin === 'synced' ? 1 : 0);
  const chosen = [...best.values()].sort((a, b) => byOrigin(a) - byOrigin(b) || (a.pack.id < b.pack.id ? -1 : 1));
  for (const { pack, source } of chosen) {
    const clash = pack.rules.find((r) => owner.has(r.id));
    if (clash) {
      rejected.push({ origin: source.origin, name: source.name, reason: `rule ${clash.id} is already in pack ${owner.get(clash.id)}` });
      continue;
    }
    pack.rules.forEach((r) => owner.set(r.id, pack.id));
    packs.push(pack);
  }
  return { packs: packs.sort((a, b) => (a.id < b.id ? -1 : 1)), rejected };
}

/**
 * Bundled packs from `resources/rules`, plus the synced ones when a database is given, plus in
 * demo mode the example packs from `resources/demo/rules` (never on a production machine).
 */
export function loadRulePacks(appRoot: string, db?: Db, mode: PackMode = { demo: false }): LoadedPacks {
  const demo = mode.demo ? readDemoPacks(appRoot) : [];
  return selectPacks([...readBundledPacks(appRoot), ...demo, ...(db ? readSyncedPacks(db) : [])], mode);
}
