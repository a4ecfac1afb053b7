import { z } from 'zod';
import { localizedText, type LocalizedText } from './localized';
import { QUEUE_ERROR_MESSAGES } from './queue-errors';

/**
 * Every error that may cross the contract. Transports carry the code and both messages;
 * never a stack trace or an internal message.
 */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: { vi: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng.', en: 'Invalid session. Please reopen the application.' },
  UNKNOWN_CHANNEL: { vi: 'Chức năng không tồn tại.', en: 'This function does not exist.' },
  FORBIDDEN: { vi: 'Ông/Bà không có quyền dùng chức năng này.', en: 'You are not allowed to use this function.' },
  BAD_INPUT: { vi: 'Dữ liệu nhập không hợp lệ.', en: 'The data entered is not valid.' },
  INTERNAL: { vi: 'Đã có lỗi trong ứng dụng. Vui lòng thử lại hoặc báo cán bộ hỗ trợ.', en: 'Something went wrong. Please try again or ask staff for help.' },
  PIN_FORMAT: { vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số.', en: 'A personal identification number has exactly 12 digits.' },
  PIN_CENTURY_SEX: { vi: 'Chữ số thứ tư (mã thế kỷ và giới tính) không khớp với năm sinh.', en: 'The fourth digit (century and sex code) does not match the year of birth.' },
  PIN_BIRTH_YEAR: { vi: 'Chữ số thứ năm và sáu phải là hai số cuối của năm sinh.', en: 'The fifth and sixth digits must be the last two digits of the year of birth.' },
  BIRTH_DATE_INVALID: { vi: 'Ngày sinh không hợp lệ.', en: 'The date of birth is not a valid date.' },
  BIRTH_DATE_FUTURE: { vi: 'Ngày sinh không thể sau ngày hôm nay.', en: 'The date of birth cannot be after today.' },
  ISSUE_DATE_INVALID: { vi: 'Ngày cấp thẻ phải sau ngày sinh và không sau hôm nay.', en: 'The card issue date must be after the date of birth and not after today.' },
  TECHNICIAN_PIN_WRONG: { vi: 'Mã PIN kỹ thuật viên không đúng.', en: 'The technician PIN is wrong.' },
  TECHNICIAN_PIN_LOCKED: { vi: 'Nhập sai PIN quá nhiều lần. Hãy thử lại sau 5 phút.', en: 'Too many wrong PINs. Try again in 5 minutes.' },
  SCAN_EMPTY: { vi: 'Máy quét không gửi dữ liệu. Hãy quét lại.', en: 'The scanner sent nothing. Please scan again.' },
  SCAN_TOO_LONG: { vi: 'Dữ liệu quét quá dài (trên 8 KB) nên đã bị bỏ qua.', en: 'The scan was too long (over 8 KB) and was ignored.' },
  QR_FIELD_COUNT: { vi: 'Mã QR trên thẻ căn cước thiếu thông tin. Hãy quét lại.', en: 'The ID card QR code is missing fields. Please scan again.' },
  QR_BAD_NUMBER: { vi: 'Số trong mã QR của thẻ căn cước không hợp lệ.', en: 'A number in the ID card QR code is not valid.' },
  QR_BAD_DATE: { vi: 'Ngày trong mã QR của thẻ căn cước không hợp lệ.', en: 'A date in the ID card QR code is not valid.' },
  QR_BAD_SEX: { vi: 'Giới tính trong mã QR phải là Nam hoặc Nữ.', en: 'The sex in the QR code must be male or female.' },
  MRZ_SHAPE: { vi: 'Vùng đọc máy (MRZ) không đúng khuôn dạng. Hãy đặt lại thẻ.', en: 'The machine-readable zone has the wrong shape. Please place the card again.' },
  MRZ_BAD_CHARACTERS: { vi: 'Vùng đọc máy (MRZ) có ký tự không hợp lệ. Hãy đặt lại thẻ.', en: 'The machine-readable zone has invalid characters. Please place the card again.' },
  MRZ_BAD_SEX: { vi: 'Giới tính trong vùng đọc máy (MRZ) không hợp lệ.', en: 'The sex in the machine-readable zone is not valid.' },
  MRZ_BAD_DATE: { vi: 'Ngày trong vùng đọc máy (MRZ) không hợp lệ.', en: 'A date in the machine-readable zone is not valid.' },
  MRZ_CHECK_DIGIT: { vi: 'Số kiểm tra của vùng đọc máy (MRZ) không khớp: thẻ bị đọc sai hoặc đã bị sửa.', en: 'A check digit of the machine-readable zone does not match: misread or altered.' },
  HID_BAD_REPORT: { vi: 'Thiết bị gửi dữ liệu không đúng định dạng; lần quét này bị bỏ qua.', en: 'The device sent malformed data; this scan was ignored.' },
  HID_BAD_UTF8: { vi: 'Dữ liệu quét không phải văn bản UTF-8 hợp lệ.', en: 'The scan is not valid UTF-8 text.' },
  HID_INTERRUPTED: { vi: 'Lần quét bị ngắt giữa chừng. Hãy quét lại.', en: 'The scan was interrupted. Please scan again.' },
  HID_DEVICE_LOST: { vi: 'Thiết bị đã bị ngắt kết nối. Hãy cắm lại.', en: 'The device was disconnected. Plug it back in.' },
  HID_OPEN_FAILED: { vi: 'Không mở được thiết bị (đang bị chương trình khác dùng hoặc thiếu quyền).', en: 'The device could not be opened (in use by another program, or no permission).' },
  NO_CITIZEN: { vi: 'Chưa xác định công dân trong phiên này. Hãy quét thẻ căn cước hoặc nhập số định danh.', en: 'No citizen has been identified in this session. Scan an ID card or type the personal number.' },
  FORM_UNKNOWN: { vi: 'Không có mẫu tờ khai này.', en: 'There is no such form.' },
  ONE_STOP_NOT_RECEIVED: { vi: 'Hồ sơ chưa được tiếp nhận và gửi đi, nên chưa có phiếu này.', en: 'The dossier has not been received and sent yet, so this document does not apply.' },
  ONE_STOP_ALREADY_RECEIVED: { vi: 'Hồ sơ đã được tiếp nhận và gửi đi; không thể từ chối tiếp nhận hay yêu cầu bổ sung tại quầy nữa.', en: 'The dossier has been received and sent; it can no longer be refused or sent back for supplementing at the counter.' },
  ONE_STOP_NOTHING_TO_SUPPLEMENT: { vi: 'Chưa có gì cần bổ sung: hãy đánh dấu giấy tờ còn thiếu hoặc ghi nội dung cần bổ sung.', en: 'Nothing to supplement: mark the missing papers or write what must be supplemented.' },
  ONE_STOP_DATE_NOT_LATER: { vi: 'Ngày hẹn mới phải sau ngày hẹn trả kết quả ban đầu.', en: 'The new date must be after the date first promised.' },
  FORM_NOT_FOR_PROCEDURE: { vi: 'Mẫu tờ khai này không dùng cho thủ tục đã chọn.', en: 'This form is not used for the chosen procedure.' },
  DRAFT_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ nháp này (có thể đã bị xóa khi kết thúc phiên).', en: 'This draft was not found (it may have been erased when the session ended).' },
  DRAFT_INVALID: { vi: 'Tờ khai còn thông tin thiếu hoặc sai; hãy xem các trường được đánh dấu.', en: 'The form has missing or wrong information; see the marked fields.' },
  DEVICE_UNKNOWN: { vi: 'Không tìm thấy thiết bị này.', en: 'This device was not found.' },
  DRAFT_FIELD_UNKNOWN: { vi: 'Tờ khai không có mục này.', en: 'The form has no such field.' },
  DRAFT_FIELD_LOCKED: { vi: 'Thông tin này đã được xác thực nên không sửa được. Nếu sai, hãy đề nghị điều chỉnh.', en: 'This information is verified and cannot be edited. If it is wrong, request a correction.' },
  DRAFT_FIELD_NOT_LOCKED: { vi: 'Mục này không cần đề nghị điều chỉnh: có thể sửa trực tiếp.', en: 'This field needs no correction request: edit it directly.' },
  DRAFT_TAMPERED: { vi: 'Thông tin đã xác thực trong hồ sơ bị thay đổi. Hãy chuẩn bị lại hồ sơ.', en: 'Verified information in the dossier was changed. Please prepare the dossier again.' },
  HANDOFF_BAD_PREFIX: { vi: 'Mã QR không phải hồ sơ của MotCua.', en: 'This QR code is not a MotCua dossier.' },
  HANDOFF_BAD_ENCODING: { vi: 'Mã QR hồ sơ bị đọc sai. Hãy quét lại.', en: 'The dossier QR code was misread. Please scan again.' },
  HANDOFF_TOO_LARGE: { vi: 'Mã QR hồ sơ quá lớn nên đã bị bỏ qua.', en: 'The dossier QR code is too large and was ignored.' },
  HANDOFF_UNKNOWN_KEY: { vi: 'Hồ sơ được ký bởi một máy không được tin cậy.', en: 'The dossier was signed by a device that is not trusted.' },
  HANDOFF_BAD_SIGNATURE: { vi: 'Chữ ký của hồ sơ không hợp lệ: hồ sơ đã bị sửa hoặc đọc sai.', en: 'The dossier signature is not valid: it was altered or misread.' },
  HANDOFF_BAD_JSON: { vi: 'Nội dung hồ sơ trong mã QR bị hỏng.', en: 'The dossier in the QR code is corrupt.' },
  HANDOFF_SCHEMA: { vi: 'Hồ sơ trong mã QR không đúng khuôn dạng mà máy này hiểu.', en: 'The dossier in the QR code has a shape this device does not understand.' },
  PROFILE_UNREADABLE: { vi: 'Không đọc được tệp hồ sơ công dân, hoặc tệp không phải JSON.', en: 'The citizen profile file cannot be read or is not JSON.' },
  PROFILE_INVALID: { vi: 'Hồ sơ công dân không đúng khuôn dạng.', en: 'The citizen profile does not have the expected shape.' },
  PROFILE_DATE_INVALID: { vi: 'Hồ sơ công dân có ngày không tồn tại.', en: 'The citizen profile has a date that does not exist.' },
  OUTCOME_UNKNOWN: { vi: 'Danh mục không có kết quả (thủ tục) này.', en: 'The catalogue has no such outcome.' },
  PRINTER_NOT_CHOSEN: { vi: 'Chưa chọn máy in cho loại giấy tờ này. Tài liệu đã được lưu; cán bộ kỹ thuật hãy chọn máy in rồi in lại.', en: 'No printer is chosen for this kind of document. The document is kept; a technician should choose a printer and reprint it.' },
  PRINTER_NOT_FOUND: { vi: 'Không tìm thấy máy in đã chọn. Tài liệu đã được lưu; hãy nhờ cán bộ kiểm tra máy in và in lại.', en: 'The chosen printer was not found. The document is kept; please ask an officer to check the printer and reprint it.' },
  PRINTER_OFFLINE: { vi: 'Máy in đang tạm dừng hoặc chưa sẵn sàng. Tài liệu đã được lưu; hãy nhờ cán bộ bật lại máy in và in lại.', en: 'The printer is paused or not ready. The document is kept; please ask an officer to restart the printer and reprint it.' },
  PRINTER_OUT_OF_PAPER: { vi: 'Máy in hết giấy. Tài liệu đã được lưu; hãy nhờ cán bộ thêm giấy và in lại.', en: 'The printer is out of paper. The document is kept; please ask an officer to add paper and reprint it.' },
  PRINT_JOB_FAILED: { vi: 'Chưa in được tài liệu. Tài liệu đã được lưu; hãy nhờ cán bộ in lại.', en: 'The document could not be printed. It is kept; please ask an officer to reprint it.' },
  PRINT_SYSTEM_MISSING: { vi: 'Máy này chưa cài dịch vụ in (CUPS). Tài liệu đã được lưu; hãy báo cán bộ kỹ thuật.', en: 'This machine has no printing service (CUPS) installed. The document is kept; please tell a technician.' },
  PRINT_PDF_HELPER_MISSING: { vi: 'Máy này chưa cài SumatraPDF để in tài liệu PDF. Tài liệu đã được lưu; hãy báo cán bộ kỹ thuật.', en: 'SumatraPDF, which prints PDF documents on this machine, is not installed. The document is kept; please tell a technician.' },
  REPRINT_NOT_FOUND: { vi: 'Không còn tài liệu này để in lại (đã quá thời hạn lưu).', en: 'This document is no longer kept for reprinting (its retention time has passed).' },
  PRINT_SERVICE_STOPPED: { vi: 'Dịch vụ in của máy (CUPS) đang không chạy. Tài liệu đã được lưu; hãy báo cán bộ kỹ thuật.', en: 'The printing service (CUPS) is not running. The document is kept; please tell a technician.' },
  SEARCH_QUERY_EMPTY: { vi: 'Hãy nhập mã biên nhận, số định danh cá nhân hoặc họ tên để tìm.', en: 'Type a receipt code, personal number or name to search.' },
  SEARCH_QUERY_TOO_LONG: { vi: 'Nội dung tìm kiếm quá dài (tối đa 200 ký tự).', en: 'The search text is too long (at most 200 characters).' },
  SEARCH_LIMIT_INVALID: { vi: 'Số kết quả phải là số nguyên từ 1 đến 200.', en: 'The number of results must be a whole number from 1 to 200.' },
  AUTH_FAILED: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'The username or password is wrong.' },
  AUTH_LOCKED: { vi: 'Đăng nhập sai quá nhiều lần nên tài khoản bị khóa 5 phút. Hãy thử lại sau 5 phút.', en: 'Too many failed log-ins: the account is locked for 5 minutes. Try again in 5 minutes.' },
  PASSWORD_TOO_SHORT: { vi: 'Mật khẩu phải có ít nhất 10 ký tự.', en: 'The password must have at least 10 characters.' },
  ACCOUNT_EXISTS: { vi: 'Tên đăng nhập này đã được dùng.', en: 'This username is already taken.' },
  ACCOUNT_NOT_FOUND: { vi: 'Không có tài khoản này.', en: 'There is no such account.' },
  ACCOUNT_LAST_TECHNICIAN: { vi: 'Không thể vô hiệu hóa tài khoản kỹ thuật viên cuối cùng.', en: 'The last technician account cannot be disabled.' },
  BOOTSTRAP_DONE: { vi: 'Máy đã có tài khoản kỹ thuật viên: chỉ kỹ thuật viên mới tạo được tài khoản.', en: 'This machine already has a technician account: only a technician can create accounts.' },
  HANDOFF_ELSEWHERE: { vi: 'Hồ sơ này được lưu trên một máy kiosk khác: hãy mở tại quầy nối với máy đó, hoặc chuẩn bị lại hồ sơ.', en: 'This dossier is kept on another kiosk: open it at a counter linked to that kiosk, or prepare it again.' },
  KIOSK_KEY_INVALID: { vi: 'Khóa không phải khóa công khai Ed25519 (PEM) của một kiosk.', en: 'This is not the Ed25519 public key (PEM) of a kiosk.' },
  DRAFT_ALREADY_SUBMITTED: { vi: 'Hồ sơ này đã được nộp; không sửa được nữa.', en: 'This dossier has been submitted and can no longer be changed.' },
  COUNTER_NEEDS_SUPPLEMENT: { vi: 'Hồ sơ đang được đánh dấu cần bổ sung: hướng dẫn công dân bổ sung rồi mới nộp.', en: 'The dossier is marked as needing more documents: guide the citizen, then submit.' },
  COUNTER_ORIGINALS_UNCHECKED: { vi: 'Còn giấy tờ bắt buộc chưa được kiểm tra bản chính.', en: 'Some required originals have not been checked.' },
  SUBMISSION_NOT_FOUND: { vi: 'Không tìm thấy lần nộp hồ sơ này.', en: 'This submission was not found.' },
  RECEIPT_NOT_READY: { vi: 'Hệ thống trung tâm chưa xác nhận hồ sơ nên chưa có mã biên nhận. Hồ sơ đã được lưu và sẽ tự gửi khi có kết nối.', en: 'The central system has not acknowledged the dossier yet, so there is no receipt code. It is kept and will be sent when the connection is back.' },
  CASE_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy biên nhận.', en: 'No case has this code. Check the code on the receipt.' },
  SUBMISSION_NOT_REFUSED: { vi: 'Lần nộp này không ở danh sách cần xử lý (có thể đã được gửi lại hoặc sửa rồi).', en: 'This submission is not waiting in "Needs attention" (it may have been sent again or corrected already).' },
  SUBMISSION_NOT_CORRECTABLE: { vi: 'Hệ thống trung tâm từ chối vì lý do không nằm ở nội dung hồ sơ: hãy bấm "Gửi lại" sau khi trung tâm đã khắc phục.', en: 'The central system refused it for a reason outside the dossier: use "Send again" once the centre has fixed it.' },
  SUBMISSION_BEING_CORRECTED: { vi: 'Hồ sơ này đang được mở để sửa: hãy nộp lại từ màn hình hồ sơ.', en: 'This dossier is open for correction: resubmit it from the dossier.' },
  LOOKUP_RATE_LIMITED: { vi: 'Ông/Bà đã tra cứu nhiều lần trong thời gian ngắn. Xin vui lòng đợi một phút rồi thử lại, hoặc hỏi cán bộ tại quầy.', en: 'There have been many look-ups in a short time. Please wait a minute and try again, or ask an officer at the counter.' },
  CENTRAL_KEY_INVALID: { vi: 'Khóa không phải khóa công khai Ed25519 (PEM) của hệ thống trung tâm.', en: 'This is not the Ed25519 public key (PEM) of the central system.' },
  CENTRAL_NOT_CONFIGURED: { vi: 'Hãy nhập địa chỉ và khóa công khai của hệ thống trung tâm trước khi đăng ký máy.', en: 'Enter the central system’s address and public key before registering this machine.' },
  CENTRAL_UNREACHABLE: { vi: 'Chưa kết nối được hệ thống trung tâm. Hãy kiểm tra mạng và địa chỉ rồi thử lại.', en: 'The central system cannot be reached. Check the network and the address, then try again.' },
  CENTRAL_ENROLMENT_REFUSED: { vi: 'Mã đăng ký không đúng hoặc đã được dùng. Hãy xin mã mới từ bộ phận CNTT của trung tâm.', en: 'The enrolment code is wrong or already used. Ask the centre’s IT for a new code.' },
  CENTRAL_REGISTRATION_FAILED: { vi: 'Hệ thống trung tâm chưa nhận đăng ký của máy này. Hãy thử lại sau.', en: 'The central system did not accept this machine’s registration. Please try again later.' },
  STORED_DATA_UNREADABLE: { vi: 'Không giải mã được dữ liệu đã lưu (dữ liệu bị sửa hoặc khóa của máy đã thay đổi). Hãy chuẩn bị lại hồ sơ hoặc báo cán bộ kỹ thuật.', en: 'Stored data could not be decrypted (it was altered, or this machine’s key changed). Prepare the dossier again or tell a technician.' },
  STORED_DATA_KEY_UNAVAILABLE: { vi: 'Không mở được khóa bảo vệ dữ liệu cá nhân trên máy này (kho khóa của hệ điều hành). Hãy báo cán bộ kỹ thuật.', en: 'The key protecting personal data cannot be opened on this machine (the operating system’s keyring). Please tell a technician.' },
  AUDIT_CHAIN_BREAK: { vi: 'Hệ thống trung tâm từ chối nhật ký truy cập của máy này: chuỗi băm không nối tiếp phần đã gửi, nhật ký có thể đã bị sửa. Các dòng chưa gửi vẫn được giữ trên máy; hãy báo cán bộ kỹ thuật.', en: 'The central system refused this machine’s audit log: its hash chain does not continue the part already sent, so the log may have been altered. The unsent entries are kept on this machine; tell a technician.' },
  AUDIT_SHIP_REFUSED: { vi: 'Hệ thống trung tâm chưa nhận nhật ký truy cập của máy này. Các dòng chưa gửi vẫn được giữ trên máy và sẽ được gửi lại; nếu lỗi còn, hãy báo cán bộ kỹ thuật.', en: 'The central system did not accept this machine’s audit log. The unsent entries are kept on this machine and will be sent again; if this persists, tell a technician.' },
  ...QUEUE_ERROR_MESSAGES,
  CHALLENGE_NONE: { vi: 'Chưa có yêu cầu xác nhận nào cho lượt phục vụ này. Xin Ông/Bà bấm "Xác nhận qua điện thoại" trước.', en: 'No confirmation has been asked for in this visit. Please touch "Confirm on my phone" first.' },
  CHALLENGE_UNAVAILABLE: { vi: 'Hệ thống trung tâm chưa gửi được mã xác nhận. Ông/Bà vẫn dùng được các dịch vụ theo thẻ, hoặc đặt thẻ căn cước lên đầu đọc.', en: 'The central system could not send a confirmation code. You can still use the card-only services, or place your ID card on the reader.' },
  CHALLENGE_WRONG_CODE: { vi: 'Mã xác nhận chưa đúng. Xin Ông/Bà xem lại tin nhắn và nhập lại.', en: 'The confirmation code is not right. Please check the message and type it again.' },
  IDENTITY_MISMATCH: { vi: 'Ngày sinh chưa khớp với thông tin của hệ thống trung tâm. Xin Ông/Bà kiểm tra lại, hoặc hỏi cán bộ tại quầy.', en: 'The date of birth does not match the central records. Please check it, or ask an officer at the counter.' },
  CHIP_READER_UNAVAILABLE: { vi: 'Máy này chưa có đầu đọc thẻ căn cước gắn chip. Ông/Bà có thể xác nhận qua điện thoại, hoặc hỏi cán bộ tại quầy.', en: 'This machine has no chip ID card reader. You can confirm on your phone, or ask an officer at the counter.' },
  CHIP_READ_FAILED: { vi: 'Chưa đọc được chip của thẻ. Xin Ông/Bà đặt thẻ nằm yên trên đầu đọc rồi thử lại.', en: 'The card’s chip could not be read. Please lay the card still on the reader and try again.' },
  CHIP_NOT_VERIFIED: { vi: 'Chưa xác thực được chip của thẻ, nên máy chỉ phục vụ theo thông tin trên thẻ. Xin Ông/Bà hỏi cán bộ tại quầy nếu cần thêm.', en: 'The card’s chip could not be verified, so this machine serves you from the card alone. Please ask an officer at the counter if you need more.' },
  CHIP_OTHER_PERSON: { vi: 'Thẻ trên đầu đọc không phải thẻ của số định danh đã nhập. Xin Ông/Bà kiểm tra lại thẻ.', en: 'The card on the reader does not belong to the number entered. Please check the card.' },
  CHIP_FACE_JPEG2000: {
    vi: 'Ảnh chân dung trong chip được lưu ở định dạng JPEG 2000, màn hình này chưa hiển thị được. Xin cán bộ đối chiếu với ảnh in trên thẻ.',
    en: 'The chip stores the portrait as JPEG 2000, which this screen cannot show yet. Please compare with the photo printed on the card.',
  },
  CHIP_SERVICE_UNAVAILABLE: { vi: 'Dịch vụ thẻ thông minh (PC/SC, pcscd) chưa chạy hoặc chưa cài trên máy này, nên chưa thấy đầu đọc thẻ chip.', en: 'The smart-card service (PC/SC, pcscd) is not running or not installed on this machine, so no chip reader can be seen.' },
  CHIP_TEST_NO_READER: { vi: 'Không còn thấy đầu đọc này. Hãy kiểm tra dây cắm rồi làm mới danh sách.', en: 'This reader is no longer seen. Check its cable, then refresh the list.' },
  CHIP_TEST_NO_CARD: { vi: 'Chưa có thẻ trên đầu đọc này. Hãy đặt một thẻ lên rồi kiểm tra lại.', en: 'There is no card on this reader. Place a card on it and test again.' },
  CHIP_TEST_FAILED: { vi: 'Thẻ trên đầu đọc không trả lời. Hãy đặt lại thẻ rồi kiểm tra lại.', en: 'The card on the reader did not answer. Place it again and test again.' },
  DEMO_CARD_UNAVAILABLE: { vi: 'Chưa đặt được thẻ mẫu: cần dịch vụ pcscd với đầu đọc ảo vpcd (gói vsmartcard-vpcd) và bản mã nguồn của ứng dụng.', en: 'The demo card could not be put on the reader: it needs pcscd with the vpcd virtual reader (package vsmartcard-vpcd) and the app’s source checkout.' },
  DEMO_ONLY: { vi: 'Chức năng này chỉ có ở chế độ trình diễn.', en: 'This function exists only in demo mode.' },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
const errorCodes = Object.keys(ERROR_MESSAGES) as [ErrorCode, ...ErrorCode[]];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: localizedText,
  /** Which input fields the error is about, so a form can point at them. */
  fields: z.array(z.string()).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export function appError(code: ErrorCode, fields?: string[]): AppErrorData {
  return fields ? { code, message: ERROR_MESSAGES[code], fields } : { code, message: ERROR_MESSAGES[code] };
}

/** Thrown by services; the router turns it into an error result. */
export class AppError extends Error {
  readonly data: AppErrorData;
  constructor(code: ErrorCode, fields?: string[]) {
    super(code);
    this.name = 'AppError';
    this.data = appError(code, fields);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
