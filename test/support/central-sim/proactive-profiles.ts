/**
 * The profile the centre gives for purpose `proactive-services` (MotCua's contract shape): for the
 * demo citizens on the recorded ID cards, a fixed story whose dates follow the clock (a newborn
 * twelve days old, a passport running out …) so reminders and prepared dossiers always show; for
 * any other valid number, what the population data generator knows.
 */
import { citizenProfile } from './citizens';

/** MotCua's consent purpose for reminders and prepared dossiers. */
export const PROACTIVE_PURPOSE = 'proactive-services';

const DAY = 86_400_000;
const isoDay = (now: Date, days: number) => new Date(now.getTime() + days * DAY + 7 * 3_600_000).toISOString().slice(0, 10);

type Profile = Record<string, unknown>;

const DEMO: Readonly<Record<string, (now: Date) => Profile>> = {
  // The woman on resources/demo/hid/*-cccd-qr: a mother whose baby's birth is not registered yet.
  '079199012345': (now) => ({
    personalNumber: '079199012345',
    fullName: 'Nguyễn Văn An',
    birthDate: '1999-05-01',
    sex: 'female',
    ethnicity: 'Kinh',
    religion: 'Không',
    nationality: 'Việt Nam',
    placeOfBirth: 'Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh',
    birthRegistrationPlace: 'Ủy ban nhân dân Phường Sài Gòn, Thành phố Hồ Chí Minh',
    placeOfOrigin: 'Xã Đức Hòa, Tỉnh Tây Ninh',
    permanentAddress: 'Số 1 Bến Nghé, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    currentAddress: 'Số 1 Bến Nghé, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    idCard: { issueDate: '2021-10-10' },
    spouse: { fullName: 'Trần Minh Khoa', personalNumber: '079097004321', birthDate: '1997-08-19', ethnicity: 'Kinh', nationality: 'Việt Nam', permanentAddress: 'Số 1 Bến Nghé, Phường Sài Gòn, Thành phố Hồ Chí Minh' },
    children: [{ birthDate: isoDay(now, -12), birthRegistered: false }],
    passport: { expiryDate: isoDay(now, 120) },
    healthInsurance: { expiryDate: isoDay(now, 25) },
    vneidLevel: 2,
  }),
  // The woman on the demo's chip card (test/support/virtual-chip/demo-card.ts): a newborn not registered yet.
  '079192004567': (now) => ({
    personalNumber: '079192004567',
    fullName: 'Lê Thị Hồng Nhung',
    birthDate: '1992-08-20',
    sex: 'female',
    ethnicity: 'Kinh',
    religion: 'Không',
    nationality: 'Việt Nam',
    placeOfOrigin: 'Xã Tân Phú Trung, Huyện Củ Chi, Thành phố Hồ Chí Minh',
    permanentAddress: 'Số 25 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    currentAddress: 'Số 25 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    idCard: { issueDate: '2021-03-01' },
    spouse: { fullName: 'Võ Quốc Bảo', personalNumber: '079090007788', birthDate: '1990-11-02', ethnicity: 'Kinh', nationality: 'Việt Nam', permanentAddress: 'Số 25 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh' },
    children: [{ birthDate: isoDay(now, -9), birthRegistered: false }],
    vneidLevel: 2,
  }),
  // The man on the keyboard-mode recording: a licence and a temporary residence running out.
  '001099012345': (now) => ({
    personalNumber: '001099012345',
    fullName: 'Nguyễn Văn An',
    birthDate: '1999-05-01',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'Việt Nam',
    permanentAddress: 'Số 1 Bến Nghé, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    idCard: { issueDate: '2021-10-10' },
    drivingLicence: { expiryDate: isoDay(now, 40) },
    temporaryResidence: { expiryDate: isoDay(now, 20) },
    vneidLevel: 1,
  }),
};

export function proactiveProfile(seed: string, personalNumber: string, now: Date): Profile | null {
  const demo = DEMO[personalNumber];
  if (demo) return demo(now);
  const p = citizenProfile(seed, personalNumber);
  if (!p) return null;
  return {
    personalNumber,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    permanentAddress: p.address,
    nationality: 'Việt Nam',
    idCard: { issueDate: p.cardIssueDate },
  };
}
