import { randomBytes } from 'node:crypto';
import { narrowTree } from '../security/owner-only';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DOCUMENT_KINDS } from './print-settings';

const keptMeta = z.object({ title: z.string(), kind: z.enum(DOCUMENT_KINDS), keptAt: z.string(), reason: z.string().nullable() });
export type KeptMeta = z.infer<typeof keptMeta>;
export interface KeptDocument extends KeptMeta {
  id: string;
  path: string;
}

export interface ReprintRetention {
  /** A kept document may hold personal data: it goes after this long (default one working day). */
  maxAgeMs: number;
  /** And never more than this many, oldest first. */
  maxDocuments: number;
}

const DEFAULT_RETENTION: ReprintRetention = { maxAgeMs: 24 * 3600_000, maxDocuments: 50 };
const ID = /^[0-9]{13}-[0-9a-f]{8}$/;

/**
 * Documents waiting to be (re)printed, in `<dataDir>/reprint`: `<id>.pdf` and `<id>.json`. A
 * document is stored before it is sent to the printer and removed once printed, so a failed or
 * interrupted print always leaves it here for an officer. Owner-only files.
 */
export class ReprintStore {
  private readonly dir: string;

  constructor(
    dataDir: string,
    private readonly retention: ReprintRetention = DEFAULT_RETENTION,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = join(dataDir, 'reprint');
    // Documents an older version kept readable by others are narrowed at start.
    narrowTree(this.dir);
  }

  keep(pdf: Uint8Array, meta: Omit<KeptMeta, 'keptAt' | 'reason'>): KeptDocument {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = `${this.now()}-${randomBytes(4).toString('hex')}`;
    const full: KeptMeta = { ...meta, keptAt: new Date(this.now()).toISOString(), reason: null };
    writeFileSync(this.pdfPath(id), pdf, { mode: 0o600 });
    writeFileSync(this.metaPath(id), JSON.stringify(full), { mode: 0o600 });
    this.purge();
    return { id, path: this.pdfPath(id), ...full };
  }

  /** Records why the last print failed (an error code), for the technician's list. */
  markFailed(id: string, reason: string): void {
    const doc = this.get(id);
    if (doc) writeFileSync(this.metaPath(id), JSON.stringify(keptMeta.parse({ ...doc, reason })), { mode: 0o600 });
  }

  get(id: string): KeptDocument | null {
    if (!ID.test(id)) return null;
    try {
      const meta = keptMeta.parse(JSON.parse(readFileSync(this.metaPath(id), 'utf8')));
      statSync(this.pdfPath(id));
      return { id, path: this.pdfPath(id), ...meta };
    } catch {
      return null;
    }
  }

  /** Newest first. */
  list(): KeptDocument[] {
    return this.ids()
      .map((id) => this.get(id))
      .filter((d): d is KeptDocument => d !== null)
      .sort((a, b) => b.id.localeCompare(a.id));
  }

  remove(id: string): void {
    if (!ID.test(id)) return;
    rmSync(this.pdfPath(id), { force: true });
    rmSync(this.metaPath(id), { force: true });
  }

  /** Applies the retention rule; returns how many documents went. */
  purge(): number {
    const ids = this.ids().sort().reverse();
    const expired = ids.filter((id, i) => i >= this.retention.maxDocuments || this.now() - Number(id.slice(0, 13)) > this.retention.maxAgeMs);
    expired.forEach((id) => this.remove(id));
    return expired.length;
  }

  private ids(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return [...new Set(names.map((n) => n.replace(/\.(pdf|json)$/, '')))].filter((id) => ID.test(id));
  }

  private pdfPath = (id: string) => join(this.dir, `${id}.pdf`);
  private metaPath = (id: string) => join(this.dir, `${id}.json`);
}
