import type { LocalizedText } from '../../contract/localized';
import type { CitizenProfile } from '../../contract/profile';
import { addDays, type IsoDate } from '../../base/calendar-date';
import { addWorkingDays, isOpenDay, workingDayCredit, type WorkdayOptions } from '../../base/calendar';
import type { CatalogueOption } from './catalogue-schema';
import { holds } from './conditions';

/** One option as computed for one citizen on one day. */
export interface EvaluatedOption {
  id: string;
  channel: CatalogueOption['channel'];
  title: LocalizedText;
  eligible: boolean;
  /** The first requirement the citizen certainly does not meet; null when eligible. */
  ineligibleReason: LocalizedText | null;
  /** Eligible only because the profile does not say (the home visit for someone of unknown age): never the default. */
  eligibilityUnknown: boolean;
  /** The fee after the most favourable exemption that certainly applies. */
  feeVnd: number;
  /** The exemption applied, if any. */
  exemption: LocalizedText | null;
  extrasVnd: number;
  totalCostVnd: number;
  workingDays: number;
  filedOn: IsoDate;
  readyBy: IsoDate;
  visits: number;
  /** Some fee, extra cost or time is an example figure, not confirmed. */
  example: boolean;
  /** The catalogue entry, for what to bring, obligations and legal basis. */
  option: CatalogueOption;
}

export interface EvaluationContext {
  profile: CitizenProfile | undefined;
  today: IsoDate;
  calendar: WorkdayOptions;
}

/**
 * The day the option is filed: today when it needs no visit (online, at home); otherwise the
 * first day from today the office is open — a counter cannot take a file on a Sunday.
 */
function filingDay(option: CatalogueOption, { today, calendar }: EvaluationContext): IsoDate {
  let day = today;
  if (option.visits > 0) while (!isOpenDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/**
 * When the result is ready, and the working days that takes (what options are ranked on). A
 * time in calendar days that ends on a day off ends on the next working day (Civil Code 2015,
 * art. 148).
 */
function readiness(option: CatalogueOption, filedOn: IsoDate, calendar: WorkdayOptions): { readyBy: IsoDate; workingDays: number } {
  const processing = option.processing;
  if ('workingDays' in processing) return { readyBy: addWorkingDays(filedOn, processing.workingDays, calendar), workingDays: processing.workingDays };
  let readyBy = addDays(filedOn, processing.calendarDays);
  while (workingDayCredit(readyBy, calendar) === 0) readyBy = addDays(readyBy, 1);
  let workingDays = 0;
  for (let d = addDays(filedOn, 1); d <= readyBy; d = addDays(d, 1)) workingDays += workingDayCredit(d, calendar);
  return { readyBy, workingDays };
}

function fee(option: CatalogueOption, { profile, today }: EvaluationContext): { feeVnd: number; exemption: LocalizedText | null } {
  const applicable = option.fee.exemptions.filter((e) => e.when.every((c) => holds(c, profile, today) === true));
  const best = applicable.reduce<(typeof applicable)[number] | undefined>((min, e) => (min && min.amountVnd <= e.amountVnd ? min : e), undefined);
  return best && best.amountVnd < option.fee.amountVnd ? { feeVnd: best.amountVnd, exemption: best.reason } : { feeVnd: option.fee.amountVnd, exemption: null };
}

/** Eligible unless a prerequisite or eligibility rule is certainly unmet: an unknown fact does not exclude. */
function ineligibleReason(option: CatalogueOption, { profile, today }: EvaluationContext): LocalizedText | null {
  const unmet = [...option.prerequisites, ...option.eligibility].find((r) => holds(r.when, profile, today) === false);
  return unmet ? unmet.unmet : null;
}

export function evaluateOption(option: CatalogueOption, context: EvaluationContext): EvaluatedOption {
  const reason = ineligibleReason(option, context);
  const { feeVnd, exemption } = fee(option, context);
  const extrasVnd = option.extras.reduce((sum, e) => sum + e.amountVnd, 0);
  const filedOn = filingDay(option, context);
  const { readyBy, workingDays } = readiness(option, filedOn, context.calendar);
  return {
    id: option.id,
    channel: option.channel,
    title: option.title,
    eligible: reason === null,
    ineligibleReason: reason,
    eligibilityUnknown: reason === null && option.eligibility.some((r) => holds(r.when, context.profile, context.today) === undefined),
    feeVnd,
    exemption,
    extrasVnd,
    totalCostVnd: feeVnd + extrasVnd,
    workingDays,
    filedOn,
    readyBy,
    visits: option.visits,
    example: option.fee.example || option.processing.example || option.extras.some((e) => e.example),
    option,
  };
}
