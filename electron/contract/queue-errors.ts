/** Refusals of the centre's queue and help requests (spread into ERROR_MESSAGES). */
export const QUEUE_ERROR_MESSAGES = {
  HUB_NOT_PAIRED: { vi: 'Máy này chưa được ghép nối với trạm điều phối của trung tâm. Hãy báo cán bộ kỹ thuật.', en: 'This machine is not paired with the centre hub. Please tell a technician.' },
  HUB_OFFLINE: {
    vi: 'Tạm thời chưa liên lạc được trạm điều phối của trung tâm. Máy vẫn hoạt động; xin Ông/Bà vui lòng hỏi cán bộ tại quầy.',
    en: 'The centre hub cannot be reached for the moment. This machine keeps working; please ask an officer at a counter.',
  },
  HUB_PAIRING_REFUSED: { vi: 'Trạm điều phối từ chối ghép nối: mã ghép nối sai, đã hết hạn, hoặc trạm không chứng minh được mã.', en: 'The hub refused the pairing: the code is wrong or expired, or the hub could not prove the code.' },
  QUEUE_UNKNOWN_SERVICE: { vi: 'Không có dịch vụ này trong hàng đợi của trung tâm.', en: 'The centre’s queue has no such service.' },
  QUEUE_TICKET_UNKNOWN: { vi: 'Không tìm thấy số thứ tự này.', en: 'This ticket number was not found.' },
  QUEUE_NOT_A_COUNTER: { vi: 'Máy này không phải máy quầy nên không gọi số được.', en: 'This machine is not a counter, so it cannot call numbers.' },
  QUEUE_SERVICE_REPEATED: {
    vi: 'Mỗi dịch vụ cần một chữ cái đầu số và một mã riêng: có dịch vụ đang trùng với dịch vụ phía trên.',
    en: 'Each service needs its own number letter and its own code: a service repeats one above it.',
  },
  QUEUE_SETUP_NEEDS_COUNTER: {
    vi: 'Trạm điều phối chỉ nhận cài đặt dịch vụ từ một máy quầy đã ghép nối. Hãy cài đặt trên máy quầy.',
    en: 'The hub takes the service set-up only from a paired counter machine. Please set it up on a counter machine.',
  },
} as const;
