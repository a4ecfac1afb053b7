import { readFileSync } from 'node:fs';
import type { AppErrorData, RuleReminder } from '../contract';
import { appError } from '../contract';
import { isValidIsoDate, todayInVietnam } from '../base/calendar-date';
import { compileRules } from '../proactive/rules/engine';
import { loadRulePacks } from '../proactive/rules/load-packs';
import { parseProfile } from '../proactive/rules/profile-input';

/**
 * `motcua remind --profile FILE [--today YYYY-MM-DD] --json` — an exact interface other tools depend on:
 *   {"ok":true,"reminders":[{"ruleId","severity","dueDate","procedureCode","legalBasis","title","explanation","steps","example"}]}
 *   {"ok":false,"error":{"code","message"}}      (exit 1; message "Vietnamese / English")
 * Reminders come most urgent first, from the bundled rule packs (`--demo` adds the demo packs'
 * examples, whose legal basis is not confirmed).
 */
export type RemindJson = { ok: true; reminders: RuleReminder[] } | { ok: false; error: { code: string; message: string } };

export interface RemindRequest {
  profile?: string;
  today?: string;
  demo?: boolean;
}

/** "Vietnamese / English", naming the fields at fault: "…không tồn tại: birthDate / …does not exist: birthDate". */
const failure = (error: AppErrorData): RemindJson => {
  const say = (text: string) => (error.fields?.length ? `${text.replace(/\.$/, '')}: ${error.fields.join(', ')}` : text);
  return { ok: false, error: { code: error.code, message: `${say(error.message.vi)} / ${say(error.message.en)}` } };
};

const usage = (message: string): RemindJson => ({ ok: false, error: { code: 'BAD_INPUT', message } });

export function remind(request: RemindRequest, appRoot: string): RemindJson {
  if (request.profile === undefined) return usage('Thiếu --profile FILE / --profile FILE is required');
  const today = request.today ?? todayInVietnam();
  if (!isValidIsoDate(today)) return usage(`--today phải là một ngày YYYY-MM-DD / --today must be a date YYYY-MM-DD: ${today}`);
  let text: string;
  try {
    text = readFileSync(request.profile, 'utf8');
  } catch {
    return failure(appError('PROFILE_UNREADABLE'));
  }
  const profile = parseProfile(text);
  if (!profile.ok) return failure(profile.error);
  const engine = compileRules(loadRulePacks(appRoot, undefined, { demo: request.demo === true }).packs);
  return { ok: true, reminders: engine.evaluate(profile.value, today) };
}
