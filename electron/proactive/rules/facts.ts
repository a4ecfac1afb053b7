import type { CitizenProfile, LocalizedText } from '../../contract';
import { vietnamDateOf } from '../../base/calendar-date';

export type Child = NonNullable<CitizenProfile['children']>[number];
export type SyncedCase = NonNullable<CitizenProfile['cases']>[number];
export type Death = NonNullable<CitizenProfile['deaths']>[number];

/** What a rule is about: the citizen, each of their children, each death in the family, or each synced case. */
export interface Subjects {
  citizen: CitizenProfile;
  children: Child;
  deaths: Death;
  cases: SyncedCase;
}
export type Scope = keyof Subjects;
export type Subject = Subjects[Scope];
export type FactValue = string | boolean | undefined;

export interface Fact {
  scope: Scope;
  /** Dates are ISO calendar days (a synced timestamp is read as its day in Vietnam). */
  type: 'date' | 'flag' | 'text';
  /** How an explanation names it: "ngày hết hạn hộ chiếu" / "the passport expiry date". */
  label: LocalizedText;
  read(subject: Subject): FactValue;
  /** How an explanation says a value that is not a date. */
  say?: (value: string | boolean) => LocalizedText;
}

// The only place a subject is narrowed: a fact is read only from subjects of its own scope.
const fact = <S extends Scope>(
  scope: S,
  type: Fact['type'],
  label: LocalizedText,
  read: (s: Subjects[S]) => FactValue,
  say?: Fact['say'],
): Fact => ({ scope, type, label, read: read as (s: Subject) => FactValue, ...(say ? { say } : {}) });

const REGISTERED = { vi: 'đã đăng ký', en: 'registered' };
const NOT_REGISTERED = { vi: 'chưa đăng ký', en: 'not registered' };

const SEX: Record<string, LocalizedText> = { male: { vi: 'nam', en: 'male' }, female: { vi: 'nữ', en: 'female' } };

const CARD_KIND: Record<string, LocalizedText> = {
  none: { vi: 'chưa có thẻ', en: 'no card yet' },
  'cmnd-9': { vi: 'chứng minh nhân dân 9 số', en: 'old 9-digit identity card (CMND)' },
  'cmnd-12': { vi: 'chứng minh nhân dân 12 số', en: 'old 12-digit identity card (CMND)' },
  cccd: { vi: 'thẻ căn cước công dân', en: 'citizen identity card (CCCD)' },
  'can-cuoc': { vi: 'thẻ căn cước', en: 'identity card (2024)' },
};

const sayFrom = (table: Record<string, LocalizedText>) => (v: string | boolean) => table[String(v)] ?? { vi: String(v), en: String(v) };

const CASE_STATUS: Record<SyncedCase['status'], LocalizedText> = {
  received: { vi: 'đã tiếp nhận', en: 'received' },
  processing: { vi: 'đang giải quyết', en: 'being processed' },
  'supplement-required': { vi: 'cần bổ sung', en: 'needs more documents' },
  completed: { vi: 'đã có kết quả', en: 'result ready' },
  rejected: { vi: 'bị từ chối', en: 'rejected' },
  returned: { vi: 'đã trả kết quả', en: 'result handed over' },
};

const stampDay = (stamp: string | undefined) => (stamp === undefined ? undefined : (vietnamDateOf(stamp) ?? undefined));

/**
 * The closed set of facts a rule pack may name, as `path` strings: `children[].…` and `cases[].…`
 * give one reminder per child or case. Each fact is read by its own function, so evaluating a rule
 * never walks a path.
 */
export const FACTS = {
  birthDate: fact('citizen', 'date', { vi: 'ngày sinh', en: 'date of birth' }, (p) => p.birthDate),
  sex: fact('citizen', 'text', { vi: 'giới tính', en: 'sex' }, (p) => p.sex, sayFrom(SEX)),
  'idCard.kind': fact('citizen', 'text', { vi: 'giấy tờ đang dùng', en: 'identity document held' }, (p) => p.idCard?.kind, sayFrom(CARD_KIND)),
  'idCard.issueDate': fact('citizen', 'date', { vi: 'ngày cấp thẻ căn cước', en: 'ID card issue date' }, (p) => p.idCard?.issueDate),
  'passport.expiryDate': fact('citizen', 'date', { vi: 'ngày hết hạn hộ chiếu', en: 'passport expiry date' }, (p) => p.passport?.expiryDate),
  'healthInsurance.expiryDate': fact('citizen', 'date', { vi: 'ngày hết hạn thẻ bảo hiểm y tế', en: 'health insurance card expiry date' }, (p) => p.healthInsurance?.expiryDate),
  'drivingLicence.expiryDate': fact('citizen', 'date', { vi: 'ngày hết hạn giấy phép lái xe', en: 'driving licence expiry date' }, (p) => p.drivingLicence?.expiryDate),
  'temporaryResidence.expiryDate': fact('citizen', 'date', { vi: 'ngày hết hạn tạm trú', en: 'temporary residence expiry date' }, (p) => p.temporaryResidence?.expiryDate),
  'children[].birthDate': fact('children', 'date', { vi: 'ngày sinh của con', en: "the child's date of birth" }, (c) => c.birthDate),
  'children[].birthRegistered': fact('children', 'flag', { vi: 'khai sinh', en: 'birth' }, (c) => c.birthRegistered, (v) => (v ? REGISTERED : NOT_REGISTERED)),
  'deaths[].deathDate': fact('deaths', 'date', { vi: 'ngày mất', en: 'date of death' }, (d) => d.deathDate),
  'deaths[].registered': fact('deaths', 'flag', { vi: 'khai tử', en: 'death' }, (d) => d.registered, (v) => (v ? REGISTERED : NOT_REGISTERED)),
  'cases[].status': fact('cases', 'text', { vi: 'trạng thái hồ sơ', en: 'case status' }, (c) => c.status, (v) => CASE_STATUS[v as SyncedCase['status']] ?? { vi: String(v), en: String(v) }),
  'cases[].dueAt': fact('cases', 'date', { vi: 'ngày hẹn của hồ sơ', en: 'case due date' }, (c) => stampDay(c.dueAt)),
  'cases[].updatedAt': fact('cases', 'date', { vi: 'ngày cập nhật hồ sơ', en: 'case update date' }, (c) => stampDay(c.updatedAt)),
} as const satisfies Record<string, Fact>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];
export const DATE_FACT_NAMES = FACT_NAMES.filter((n) => FACTS[n].type === 'date') as [FactName, ...FactName[]];

/** The subjects of one scope in a profile. */
export function subjectsOf(profile: CitizenProfile, scope: Scope): readonly Subject[] {
  if (scope === 'citizen') return [profile];
  if (scope === 'children') return profile.children ?? [];
  return (scope === 'deaths' ? profile.deaths : profile.cases) ?? [];
}
