import { createHash, randomUUID } from 'node:crypto';
import type { ConsentDecision, ConsentNotice, ConsentPurpose } from '../contract';
import type { ConsentRepository } from '../db/consent-repository';
import { canonicalJson } from './device-signing';
import type { AuditEntry } from './audit';

/** What the citizen is told before anything is read from the central system. */
export const CONSENT_NOTICES: Readonly<Record<ConsentPurpose, ConsentNotice>> = {
  'proactive-services': {
    purpose: 'proactive-services',
    title: { vi: 'Cho phép dùng thông tin của Ông/Bà để nhắc việc và chuẩn bị hồ sơ', en: 'Allow your data to be used for reminders and a prepared dossier' },
    summary: {
      vi: 'Máy sẽ lấy một số thông tin của Ông/Bà từ hệ thống một cửa điện tử để nhắc các việc sắp đến hạn và điền sẵn tờ khai. Ông/Bà chỉ cần xem lại và bổ sung. Nếu không đồng ý, Ông/Bà vẫn được nhắc việc theo thông tin trên thẻ căn cước.',
      en: 'The kiosk will read some of your data from the one-stop system to remind you of what is due and fill in forms for you to review. If you decline, you still get reminders from your ID card alone.',
    },
    categories: [
      { vi: 'Họ tên, ngày sinh, giới tính, ngày cấp thẻ căn cước', en: 'Name, date of birth, sex, ID card issue date' },
      { vi: 'Nơi thường trú, tạm trú và hạn tạm trú', en: 'Permanent and temporary residence, and when it expires' },
      { vi: 'Con dưới 6 tuổi: ngày sinh, đã đăng ký khai sinh hay chưa', en: 'Children under 6: birth date, whether the birth is registered' },
      { vi: 'Hạn hộ chiếu, thẻ bảo hiểm y tế, giấy phép lái xe', en: 'Expiry of passport, health insurance card, driving licence' },
      { vi: 'Hồ sơ thủ tục hành chính đang giải quyết', en: 'Your administrative cases in progress' },
    ],
    legalBasis: [
      { vi: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (sự đồng ý của chủ thể dữ liệu)', en: 'Law on Personal Data Protection No. 91/2025/QH15 (consent of the data subject)' },
      { vi: 'Luật Căn cước số 26/2023/QH15', en: 'Law on Identification No. 26/2023/QH15' },
    ],
    recipient: { vi: 'Trung tâm phục vụ hành chính công nơi Ông/Bà đang đứng', en: 'This public administration service centre' },
    validForMinutes: 30,
  },
};

/**
 * The version of a notice: the first 16 hex digits of SHA-256 over its canonical JSON, so any
 * change of its words, categories, legal basis or validity is a new version, with no number to bump.
 */
export const noticeVersion = (notice: ConsentNotice): string => createHash('sha256').update(canonicalJson(notice)).digest('hex').slice(0, 16);

/** Who decides, as the audit names them: the session, its role, and the signed-in officer if any. */
export interface Decider {
  id: string;
  role: string;
  account?: string;
}

/**
 * The proof of a decision, kept after the consent row (a kiosk turn's end deletes it): who (the
 * subject's keyed hash, the session), when (the entry's time), the purpose, the legal basis read out,
 * the decision, and in `target` the consent token the centre was sent, the notice version read (its
 * categories and recipient with it) and until when an acceptance holds. No personal data.
 */
export function decisionAuditEntry(by: Decider, personalNumber: string, purpose: ConsentPurpose, id: string, expiresAt: string | null, assurance: string | null = null): AuditEntry {
  const notice = CONSENT_NOTICES[purpose];
  return {
    session: by.id,
    role: by.role,
    channel: 'consent.decision',
    purpose,
    legalBasis: notice.legalBasis.map((b) => b.vi).join('; '),
    subject: personalNumber,
    outcome: expiresAt === null ? 'declined' : 'accepted',
    actor: by.account ?? null,
    target: `consent:${id} notice:${noticeVersion(notice)}${expiresAt === null ? '' : ` until:${expiresAt}`}`,
    assurance,
  };
}

/**
 * Records decisions, each with its proof in the audit log (in the caller's transaction: the router's
 * for consent.decide, so the row and its proof commit together); the id of an acceptance is the
 * consent token sent to the centre.
 */
export class ConsentRegistry {
  constructor(
    private readonly rows: ConsentRepository,
    private readonly audit: { record(entry: AuditEntry): void; subjectHash(personalNumber: string): string },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  notice(purpose: ConsentPurpose): ConsentNotice {
    return CONSENT_NOTICES[purpose];
  }

  /** `assurance`: how the citizen was identified when deciding (the turn's level), for the proof. */
  decide(by: Decider, personalNumber: string, purpose: ConsentPurpose, accepted: boolean, assurance: string | null = null): { id: string; decision: Omit<ConsentDecision, 'profile'> } {
    const notice = CONSENT_NOTICES[purpose];
    const now = this.clock();
    const expiresAt = accepted ? new Date(now.getTime() + notice.validForMinutes * 60_000).toISOString() : null;
    const id = randomUUID();
    this.rows.insert({
      id,
      session: by.id,
      subject: this.audit.subjectHash(personalNumber),
      purpose,
      scope: JSON.stringify(notice.categories.map((c) => c.vi)),
      legal_basis: notice.legalBasis.map((b) => b.vi).join('; '),
      accepted: accepted ? 1 : 0,
      recorded_at: now.toISOString(),
      expires_at: expiresAt,
    });
    this.audit.record(decisionAuditEntry(by, personalNumber, purpose, id, expiresAt, assurance));
    return { id, decision: { purpose, accepted, recordedAt: now.toISOString(), expiresAt } };
  }
}
