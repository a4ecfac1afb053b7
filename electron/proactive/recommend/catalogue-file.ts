import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueManifest, outcome, type Catalogue } from './catalogue-schema';

export const catalogueDir = (appRoot: string) => join(appRoot, 'resources', 'catalogue');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const loaded = new Map<string, Catalogue>();

/** The catalogue, validated; read once per app root. Throws, naming the file, on a malformed one. */
export function loadCatalogue(appRoot: string): Catalogue {
  const dir = catalogueDir(appRoot);
  let catalogue = loaded.get(dir);
  if (!catalogue) {
    const manifest = catalogueManifest.parse(readJson(join(dir, 'catalogue.json')));
    const outcomes = manifest.outcomes.map((file) => {
      const parsed = outcome.safeParse(readJson(join(dir, file)));
      if (!parsed.success) throw new Error(`resources/catalogue/${file}: ${parsed.error.message}`);
      return parsed.data;
    });
    if (new Set(outcomes.map((o) => o.id)).size !== outcomes.length) throw new Error('resources/catalogue: outcome ids must be unique');
    loaded.set(dir, (catalogue = { version: manifest.version, outcomes }));
  }
  return catalogue;
}
