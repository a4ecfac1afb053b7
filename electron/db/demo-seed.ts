import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { localizedText } from '../contract';
import { CatalogueRepository } from './catalogue-repository';
import type { Db } from './connection';
import { SettingsRepository } from './settings-repository';

const centreFile = z.object({ code: z.string(), name: localizedText, address: z.string() });
const proceduresFile = z.array(
  z.object({
    code: z.string(),
    national: z.boolean(),
    name: localizedText,
    agency: localizedText,
    feeVnd: z.number().int().nullable(),
    processingDays: z.number().int().nullable(),
  }),
);

const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;

/** Loads `resources/demo` once, on the first start in demo mode. Returns whether it loaded anything. */
export function seedDemo(db: Db, demoDir: string): boolean {
  const settings = new SettingsRepository(db);
  if (settings.get('demo.seeded') !== null) return false;
  const centre = centreFile.parse(readJson(demoDir, 'centre.json'));
  const procedures = proceduresFile.parse(readJson(demoDir, 'procedures.json'));
  const catalogue = new CatalogueRepository(db);
  db.transaction(() => {
    catalogue.upsertCentre(centre);
    procedures.forEach((p) => catalogue.upsertProcedure(p));
    settings.set('centre.code', centre.code);
    settings.set('demo.seeded', new Date().toISOString());
  })();
  return true;
}
