import type { AppErrorData } from '../contract';
import { isValidIsoDate, type IsoDate } from '../base/calendar-date';

/**
 * What the proactive commands (calendar, workdays, recommend) print: their own JSON on success,
 * `{"ok":false,"error":{"code","message"}}` with exit 1 on bad input, the message "Vietnamese / English".
 */
export type CliResult = { ok: true; json: Record<string, unknown> } | { ok: false; json: { ok: false; error: { code: string; message: string } } };

export const success = (json: Record<string, unknown>): CliResult => ({ ok: true, json });

/** An error of the contract, naming the fields at fault when it has them. */
export function failure(error: AppErrorData, detail?: string): CliResult {
  const fields = [...(error.fields ?? []), ...(detail ? [detail] : [])];
  const say = (text: string) => (fields.length ? `${text.replace(/\.$/, '')}: ${fields.join(', ')}` : text);
  return { ok: false, json: { ok: false, error: { code: error.code, message: `${say(error.message.vi)} / ${say(error.message.en)}` } } };
}

/** A flag given wrong or not at all: "Vietnamese / English" written by the command. */
export const usage = (vi: string, en: string): CliResult => ({ ok: false, json: { ok: false, error: { code: 'BAD_INPUT', message: `${vi} / ${en}` } } });

/** A `YYYY-MM-DD` flag that must be a real day; undefined when it is not. */
export const dateFlag = (value: string | undefined): IsoDate | undefined => (value !== undefined && isValidIsoDate(value) ? value : undefined);

/** One line of JSON with --json (what other tools read), indented for people without it. */
export function printResult(result: CliResult, json: boolean | undefined): void {
  console.log(json ? JSON.stringify(result.json) : JSON.stringify(result.json, null, 2));
  if (!result.ok) process.exitCode = 1;
}
