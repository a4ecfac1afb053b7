import { dayAndDateInWords } from '../../contract/date-words';
import type { LocalizedText } from '../../contract/localized';
import type { EvaluatedOption } from './evaluate-option';
import { formatVnd, plural } from '../../base/format';
import { CRITERIA, type Criteria } from './pareto';

type Phrases = Record<keyof Criteria, (difference: number, option: EvaluatedOption) => LocalizedText>;

/** What the recommended option has over the runner-up, as a note after its name. */
const GAIN: Phrases = {
  totalCostVnd: (d) => ({ vi: `rẻ hơn ${formatVnd(d).vi}`, en: `${formatVnd(d).en} cheaper` }),
  workingDays: (d) => ({ vi: `sớm hơn ${d} ngày làm việc`, en: `${plural(d, 'working day', 'working days')} sooner` }),
  visits: (d, o) =>
    o.visits === 0 ? { vi: 'không phải đến cơ quan', en: 'no visit needed' } : { vi: `ít hơn ${d} lần đi lại`, en: plural(d, 'fewer visit', 'fewer visits') },
};

/** What the runner-up has over the recommended option, said of the runner-up. */
const EDGE: Phrases = {
  totalCostVnd: (d) => ({ vi: `rẻ hơn ${formatVnd(d).vi}`, en: `costs ${formatVnd(d).en} less` }),
  workingDays: (d) => ({ vi: `có kết quả sớm hơn ${d} ngày làm việc`, en: `is ready ${plural(d, 'working day', 'working days')} sooner` }),
  visits: (d, o) =>
    o.visits === 0 ? { vi: 'không phải đến cơ quan', en: 'needs no visit' } : { vi: `ít hơn ${d} lần đi lại`, en: `needs ${plural(d, 'fewer visit', 'fewer visits')}` },
};

/** What the runner-up gives up for it, said of the runner-up. */
const WORSE: Phrases = {
  totalCostVnd: (d) => ({ vi: `tốn thêm ${formatVnd(d).vi}`, en: `costs ${formatVnd(d).en} more` }),
  workingDays: (d) => ({ vi: `chậm hơn ${d} ngày làm việc`, en: `takes ${plural(d, 'more working day', 'more working days')}` }),
  visits: (_d, o) => ({ vi: `phải đi lại ${o.visits} lần`, en: `needs ${plural(o.visits, 'visit', 'visits')}` }),
};

const join = (parts: LocalizedText[], word: LocalizedText): LocalizedText => ({
  vi: parts.map((p) => p.vi).join(word.vi),
  en: parts.map((p) => p.en).join(word.en),
});

/** The criteria on which `a` is strictly better than `b`, phrased with `phrases` about `subject`. */
const advantages = (a: EvaluatedOption, b: EvaluatedOption, phrases: Phrases, subject: EvaluatedOption) =>
  CRITERIA.filter((k) => a[k] < b[k]).map((k) => phrases[k](b[k] - a[k], subject));

const NONE_ELIGIBLE: LocalizedText = {
  vi: 'Không có cách nào phù hợp với hồ sơ của Ông/Bà; lý do ghi bên cạnh từng cách.',
  en: 'None of the options is open to you; the reason is given beside each.',
};

/**
 * One or two plain sentences: the recommended option, what it has over the runner-up and when
 * it is ready; then what the runner-up has over it, and at what price.
 */
export function explain(recommended: EvaluatedOption | undefined, runnerUp: EvaluatedOption | undefined): LocalizedText {
  if (!recommended) return NONE_ELIGIBLE;
  const { title } = recommended;
  const date = dayAndDateInWords(recommended.readyBy);
  if (!runnerUp) {
    return {
      vi: `Khuyến nghị: ${title.vi}, có kết quả vào ${date.vi}; không cách nào khác Ông/Bà dùng được mà rẻ hơn, nhanh hơn hay ít lần đi lại hơn.`,
      en: `Recommended: ${title.en}, ready by ${date.en}; no other option open to you is cheaper, faster or needs fewer visits.`,
    };
  }
  const gains = advantages(recommended, runnerUp, GAIN, recommended);
  const lead = join(gains, { vi: ', ', en: ', ' });
  const first = {
    vi: `Khuyến nghị: ${title.vi}${gains.length ? ` (${lead.vi})` : ''}, có kết quả vào ${date.vi}.`,
    en: `Recommended: ${title.en}${gains.length ? ` (${lead.en})` : ''}, ready by ${date.en}.`,
  };
  const other = runnerUp.title;
  if (gains.length === 0) {
    return { vi: `${first.vi} ${other.vi} tương đương về chi phí, thời gian và số lần đi lại.`, en: `${first.en} ${other.en} is equal on cost, time and visits.` };
  }
  const theirs = join(advantages(runnerUp, recommended, EDGE, runnerUp), { vi: ', ', en: ', ' });
  const price = join(advantages(recommended, runnerUp, WORSE, runnerUp), { vi: ' và ', en: ' and ' });
  return {
    vi: `${first.vi} ${other.vi} ${theirs.vi} nhưng ${price.vi}.`,
    en: `${first.en} ${other.en} ${theirs.en} but ${price.en}.`,
  };
}
