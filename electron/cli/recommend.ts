import { readFileSync } from 'node:fs';
import { appError, type CitizenProfile } from '../contract';
import { todayInVietnam } from '../base/calendar-date';
import { CALENDAR_YEARS, isCalendarYear, loadHolidayData } from '../base/calendar';
import { findOutcome, isPreference, loadCatalogue, PREFERENCES, recommend as compare } from '../proactive/recommend';
import { parseProfile } from '../proactive/rules/profile-input';
import { dateFlag, failure, printResult, success, usage, type CliResult } from './proactive-cli';

/**
 * `motcua recommend` — an exact interface other tools depend on:
 *   --list --json → {"outcomes":[{"id","title":{"vi","en"}}]}
 *   --outcome ID --prefer cheapest|fastest|fewest-visits|balanced [--profile FILE] [--today YYYY-MM-DD] --json →
 *     {"ok":true,"outcome","options":[{"id","channel","eligible","ineligibleReason","totalCostVnd","workingDays",
 *      "readyBy","visits","dominated"}],"recommended":"<id>"|null,"explanation":{"vi","en"}}
 *   {"ok":false,"error":{"code","message"}}   (exit 1; message "Vietnamese / English")
 * The profile file has the shape of `motcua remind --profile`.
 */
export interface RecommendFlags {
  list?: boolean;
  outcome?: string;
  prefer?: string;
  profile?: string;
  today?: string;
  'saturday-morning'?: boolean;
}

/** The profile file, read and checked the way `motcua remind` does. */
function readProfile(file: string): { profile: CitizenProfile } | { error: CliResult } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { error: failure(appError('PROFILE_UNREADABLE')) };
  }
  const parsed = parseProfile(text);
  return parsed.ok ? { profile: parsed.value } : { error: failure(parsed.error) };
}

export function recommend(request: RecommendFlags, appRoot: string): CliResult {
  const catalogue = loadCatalogue(appRoot);
  if (request.list) return success({ outcomes: catalogue.outcomes.map(({ id, title }) => ({ id, title })) });
  if (request.outcome === undefined) return usage('Dùng --list hoặc --outcome ID', 'Give --list or --outcome ID');
  if (!findOutcome(catalogue, request.outcome)) return failure(appError('OUTCOME_UNKNOWN'), request.outcome);
  const choices = PREFERENCES.join(', ');
  if (request.prefer === undefined || !isPreference(request.prefer)) return usage(`--prefer phải là một trong ${choices}`, `--prefer must be one of ${choices}`);
  const today = request.today === undefined ? todayInVietnam() : dateFlag(request.today);
  const range = `${CALENDAR_YEARS.first}–${CALENDAR_YEARS.last - 1}`;
  // The last calendar year is left for the results of filings late in the year before it.
  if (!today || !isCalendarYear(Number(today.slice(0, 4))) || !isCalendarYear(Number(today.slice(0, 4)) + 1)) {
    return usage(`--today phải là một ngày YYYY-MM-DD trong các năm ${range}`, `--today must be a date YYYY-MM-DD in the years ${range}`);
  }
  const read = request.profile === undefined ? undefined : readProfile(request.profile);
  if (read && 'error' in read) return read.error;
  const result = compare(catalogue, {
    outcomeId: request.outcome,
    preference: request.prefer,
    today,
    ...(read ? { profile: read.profile } : {}),
    calendar: { saturdayMorning: request['saturday-morning'] ?? false, holidays: loadHolidayData(appRoot) },
  })!;
  return success({
    ok: true,
    outcome: result.outcome.id,
    options: result.options.map((o) => ({
      id: o.id,
      channel: o.channel,
      eligible: o.eligible,
      ineligibleReason: o.ineligibleReason,
      totalCostVnd: o.totalCostVnd,
      workingDays: o.workingDays,
      readyBy: o.readyBy,
      visits: o.visits,
      dominated: o.dominated,
    })),
    recommended: result.recommended,
    explanation: result.explanation,
  });
}

export async function recommendCommand(flags: RecommendFlags & { json?: boolean }, appRoot: string): Promise<void> {
  printResult(recommend(flags, appRoot), flags.json);
}
