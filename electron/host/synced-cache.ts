import type { Db } from '../db/connection';

type SyncedType = 'rulepack' | 'form' | 'procedure';

/**
 * A value built from bundled resources plus synced objects of one type (a compiled rule engine,
 * the form templates), rebuilt only when the sync has changed objects of that type since.
 */
export function cachedBySync<T>(db: Db, type: SyncedType, build: () => T): () => T {
  const stamp = db.prepare<[SyncedType], { n: number; seq: number | null }>('SELECT count(*) AS n, max(seq) AS seq FROM synced_objects WHERE type = ?');
  let built: { key: string; value: T } | null = null;
  return () => {
    const { n, seq } = stamp.get(type)!;
    const key = `${n}:${seq ?? 0}`;
    if (built?.key !== key) built = { key, value: build() };
    return built.value;
  };
}
