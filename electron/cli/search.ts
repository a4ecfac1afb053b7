import { existsSync } from 'node:fs';
import { AppError, appError, type AppErrorData } from '../contract';
import { CaseSearch, type CaseHit } from '../db/case-search';
import type { Db } from '../db/connection';

/**
 * `motcua search --db PATH --query TEXT [--limit N] --json` — an exact interface other tools depend on:
 *   {"ok":true,"cases":[{"receiptCode","procedureCode","applicantName","status","receivedAt","dueAt","updatedAt","urgency"}]}
 *   {"ok":false,"error":{"code","message"}}      (exit 1; message "Vietnamese / English")
 * Most urgent first (see CaseSearch). The query is personal data: no message repeats it.
 */
export type SearchJson = { ok: true; cases: CaseHit[] } | { ok: false; error: { code: string; message: string } };

export interface SearchRequest {
  db?: string;
  query?: string;
  limit?: string;
}

const failure = (error: AppErrorData): SearchJson => ({
  ok: false,
  error: { code: error.code, message: `${error.message.vi} / ${error.message.en}` },
});

/** Searches the database `open` returns; checks the flags before opening anything. */
export function search(request: SearchRequest, open: () => Db): SearchJson {
  if (request.db === undefined || !existsSync(request.db)) {
    return { ok: false, error: { code: 'BAD_INPUT', message: 'Không có tệp cơ sở dữ liệu --db PATH / --db PATH: no such database file' } };
  }
  if (request.query === undefined || request.query.trim() === '') return failure(appError('SEARCH_QUERY_EMPTY'));
  if (request.limit !== undefined && !/^\d{1,3}$/.test(request.limit)) return failure(appError('SEARCH_LIMIT_INVALID'));
  const db = open();
  try {
    const limit = request.limit === undefined ? {} : { limit: Number(request.limit) };
    return { ok: true, cases: new CaseSearch(db).search(request.query, { ...limit, catchUp: 'full' }) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.data);
    throw error;
  } finally {
    db.close();
  }
}

export async function searchCommand(flags: SearchRequest & { json?: boolean }, open: () => Db): Promise<void> {
  const result = search(flags, open);
  console.log(flags.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}
