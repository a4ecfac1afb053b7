import { formatIsoDate } from './format-date';

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** An instant of a case (received, due, a status change) as the day it is in Vietnam, dd/mm/yyyy. */
export const caseDay = (instant: string) => formatIsoDate(VIETNAM_DAY.format(new Date(instant)));
