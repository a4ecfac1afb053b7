import { dateInWords, type LocalizedText } from '../contract';
import type { SyncedCaseStatus } from '../db/case-repository';
import { todayInVietnam, type IsoDate } from '../base/calendar-date';

/** While the authority works on it, the citizen only waits for the result date. */
const WAIT_FOR_RESULT: LocalizedText = { vi: 'Không cần làm gì thêm. Hãy quay lại vào ngày hẹn trả kết quả.', en: 'Nothing to do now. Come back on the expected result date.' };

/** What a case's status means to the citizen, and what they do next (the kiosk's status lookup). */
export const CASE_STATUS_TEXT: Record<SyncedCaseStatus, { meaning: LocalizedText; nextStep: LocalizedText }> = {
  received: {
    meaning: { vi: 'Hồ sơ đã được tiếp nhận và đang chờ chuyển xử lý.', en: 'The dossier has been received and is waiting to be processed.' },
    nextStep: WAIT_FOR_RESULT,
  },
  processing: {
    meaning: { vi: 'Hồ sơ đang được cơ quan có thẩm quyền giải quyết.', en: 'The competent authority is processing the dossier.' },
    nextStep: WAIT_FOR_RESULT,
  },
  'supplement-required': {
    meaning: { vi: 'Hồ sơ cần bổ sung, hoàn thiện thêm giấy tờ.', en: 'The dossier needs more documents.' },
    nextStep: { vi: 'Hãy mang giấy biên nhận và giấy tờ cần bổ sung đến quầy tiếp nhận.', en: 'Bring the receipt and the missing documents to the counter.' },
  },
  completed: {
    meaning: { vi: 'Đã có kết quả giải quyết hồ sơ.', en: 'The result is ready.' },
    nextStep: { vi: 'Hãy mang giấy biên nhận và thẻ căn cước đến quầy trả kết quả để nhận.', en: 'Bring the receipt and your ID card to the counter to collect it.' },
  },
  rejected: {
    meaning: { vi: 'Hồ sơ không được giải quyết; lý do ghi trong văn bản trả lời.', en: 'The dossier was refused; the reasons are in the written answer.' },
    nextStep: { vi: 'Hãy đến quầy để nhận văn bản trả lời và được hướng dẫn.', en: 'Come to the counter to collect the written answer and get advice.' },
  },
  returned: {
    meaning: { vi: 'Kết quả đã được trả cho người nộp.', en: 'The result has been handed over.' },
    nextStep: { vi: 'Hồ sơ đã hoàn tất. Không cần làm gì thêm.', en: 'The case is closed. Nothing more to do.' },
  },
};

/** Statuses in which the authority still owes the result, so a due date in the past means it is late. */
const OWED: ReadonlySet<SyncedCaseStatus> = new Set(['received', 'processing']);

/**
 * The status text for the lookup on `today`: a case still owed after its due date is late, and the
 * citizen is told so and what to ask for, never to come back on a date already gone.
 */
export function caseStatusText(status: SyncedCaseStatus, dueAt: string, today: IsoDate): { meaning: LocalizedText; nextStep: LocalizedText } {
  const text = CASE_STATUS_TEXT[status];
  const dueDay = todayInVietnam(new Date(dueAt));
  if (!OWED.has(status) || Number.isNaN(Date.parse(dueAt)) || dueDay >= today) return text;
  const due = dateInWords(dueDay);
  return {
    meaning: {
      vi: `${text.meaning.vi} Ngày hẹn trả kết quả là ${due.vi}, đến nay hồ sơ vẫn chưa có kết quả.`,
      en: `${text.meaning.en} It was expected on ${due.en} and has no result yet.`,
    },
    nextStep: {
      vi: 'Ông/Bà không phải làm gì lại. Hãy mang giấy biên nhận đến quầy tiếp nhận: cơ quan giải quyết phải báo lý do chậm bằng văn bản, xin lỗi và hẹn ngày trả kết quả mới.',
      en: 'You need not do anything again. Bring the receipt to the counter: the authority must explain the delay in writing, apologise and give a new result date.',
    },
  };
}
