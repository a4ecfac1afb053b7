/** Why a chip read stopped, as the CLI and the host report it. Nothing half-read is ever returned with one. */
export type ChipErrorCode = 'NO_READER' | 'NO_CARD' | 'ACCESS_DENIED' | 'CARD_REMOVED' | 'BAD_ANSWER';

export const CHIP_ERROR_MESSAGES: Readonly<Record<ChipErrorCode, { vi: string; en: string }>> = {
  NO_READER: {
    vi: 'Không thấy đầu đọc thẻ (hoặc dịch vụ thẻ thông minh chưa chạy). Hãy báo cán bộ hỗ trợ.',
    en: 'No card reader found (or the smart-card service is not running). Please ask staff for help.',
  },
  NO_CARD: { vi: 'Chưa có thẻ trên đầu đọc. Xin Ông/Bà đặt thẻ căn cước lên đầu đọc.', en: 'There is no card on the reader. Please place your ID card on the reader.' },
  ACCESS_DENIED: {
    vi: 'Thẻ không mở được với số thẻ, ngày sinh và ngày hết hạn đã nhập. Xin Ông/Bà kiểm tra lại các thông tin này.',
    en: 'The card did not open with the document number, birth date and expiry date given. Please check them.',
  },
  CARD_REMOVED: { vi: 'Thẻ đã được nhấc ra khi đang đọc. Xin Ông/Bà đặt lại thẻ và giữ yên đến khi đọc xong.', en: 'The card was removed during the read. Please place it again and hold it still until the read ends.' },
  BAD_ANSWER: { vi: 'Thẻ trả lời không đúng chuẩn nên chưa đọc được. Xin Ông/Bà đặt lại thẻ.', en: 'The card gave an answer that does not follow the standard, so it was not read. Please place it again.' },
};

export class ChipError extends Error {
  constructor(readonly code: ChipErrorCode, readonly detail: string) {
    super(`${CHIP_ERROR_MESSAGES[code].vi} / ${CHIP_ERROR_MESSAGES[code].en}`);
    this.name = 'ChipError';
  }
}
