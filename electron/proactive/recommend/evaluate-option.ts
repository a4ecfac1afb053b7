import type { LocalizedText } from '../../contract/localized';
import type { CitizenProfile } from '../../contract/profile';
import type { IsoDate } from '../../base/calendar-date';
import { addDays, addWorkingDays, workingDayCredit, type WorkdayOptions } from '../../base/calendar';
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
  if (option.visits > 0) while (workingDayCredit(day, calendar) === 0) day = addDays(day, 1);
  return day;
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
  return {
    id: option.id,
    channel: option.channel,
    title: option.title,
    eligible: reason === null,
    ineligibleReason: reason,
    feeVnd,
    exemption,
    extrasVnd,
    totalCostVnd: feeVnd + extrasVnd,
    workingDays: option.processing.workingDays,
    filedOn,
    readyBy: addWorkingDays(filedOn, option.processing.workingDays, context.calendar),
    visits: option.visits,
    example: option.fee.example || option.processing.example || option.extras.some((e) => e.example),
    option,
  };
}
