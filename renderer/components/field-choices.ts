import type { DraftValue, FormField, LocalizedText } from '../../electron/contract';

/**
 * Text fields whose answer is nearly always one of a few, so a touch kiosk offers them as choices
 * (the form keeps the Vietnamese text, and "other" still opens the keyboard), and what a field
 * may be prefilled with from the rest of the dossier. Known by the field's last name part, so every
 * form's `*.ethnicity`, `*.nationality`, `*.relationship` and `addressee` get them.
 */
export interface FieldChoices {
  /** Shown first; the rest behind "other …". */
  common: LocalizedText[];
  more: LocalizedText[];
}

const same = (vi: string): LocalizedText => ({ vi, en: vi });

/** The 54 ethnic groups of Viet Nam, the most numerous first (General Statistics Office, 2019 census). */
const ETHNICITIES = [
  'Kinh', 'Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', "H'Mông", 'Dao', 'Gia Rai', 'Ê Đê', 'Ba Na', 'Sán Chay', 'Chăm',
  'Cơ Ho', 'Xơ Đăng', 'Sán Dìu', 'Hrê', 'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Khơ Mú', 'Bru - Vân Kiều', 'Cơ Tu', 'Giáy',
  'Tà Ôi', 'Mạ', 'Giẻ - Triêng', 'Co', 'Chơ Ro', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí', 'Kháng', 'Phù Lá',
  'La Hủ', 'La Ha', 'Pà Thẻn', 'Lự', 'Ngái', 'Chứt', 'Lô Lô', 'Mảng', 'Cờ Lao', 'Bố Y', 'Cống', 'Si La', 'Pu Péo',
  'Rơ Măm', 'Brâu', 'Ơ Đu',
].map(same);

const RELATIONSHIPS: LocalizedText[] = [
  { vi: 'Mẹ', en: 'Mother' },
  { vi: 'Cha', en: 'Father' },
  { vi: 'Ông', en: 'Grandfather' },
  { vi: 'Bà', en: 'Grandmother' },
  { vi: 'Anh', en: 'Brother' },
  { vi: 'Chị', en: 'Sister' },
  { vi: 'Người giám hộ', en: 'Guardian' },
];

const NATIONALITIES: LocalizedText[] = [{ vi: 'Việt Nam', en: 'Việt Nam (Vietnamese)' }];

const lastPart = (id: string) => id.split('.').at(-1)!;
const text = (v: DraftValue) => (typeof v === 'string' ? v.trim() : '');

/** "Ủy ban nhân dân" of the commune (phường, xã, thị trấn, đặc khu) an address lies in, with what follows it. */
export function communeAuthority(address: string): string | null {
  const parts = address.split(',').map((p) => p.trim());
  const at = parts.findIndex((p) => /^(phường|xã|thị trấn|đặc khu)\s/iu.test(p));
  return at < 0 ? null : `Ủy ban nhân dân ${parts.slice(at).join(', ')}`;
}

/** Addresses in the dossier, in its order: where the applicant and the parents live. */
const ADDRESS_FIELDS = /(^|\.)(residence|permanentAddress|currentAddress)$/;

export function choicesFor(field: FormField, fields: readonly FormField[], valueOf: (id: string) => DraftValue): FieldChoices | null {
  if (field.type !== 'text') return null;
  switch (lastPart(field.id)) {
    case 'ethnicity':
      return { common: ETHNICITIES.slice(0, 8), more: ETHNICITIES.slice(8) };
    case 'nationality':
      return { common: NATIONALITIES, more: [] };
    case 'relationship':
      return { common: RELATIONSHIPS, more: [] };
    case 'addressee': {
      const authorities = fields.filter((f) => ADDRESS_FIELDS.test(f.id)).map((f) => communeAuthority(text(valueOf(f.id))));
      const unique = [...new Set(authorities.filter((a): a is string => a !== null))];
      return unique.length > 0 ? { common: unique.map(same), more: [] } : null;
    }
    default:
      return null;
  }
}

/**
 * What an empty field starts with, from what the dossier already holds: the commune of the first
 * address for the addressee, Viet Nam for a nationality, and a child's ethnicity when both parents
 * share one (the law gives the child the parents' ethnicity when they agree).
 */
export function defaultFor(field: FormField, fields: readonly FormField[], valueOf: (id: string) => DraftValue): string | null {
  const part = lastPart(field.id);
  if (part === 'nationality') return 'Việt Nam';
  if (part === 'addressee') return choicesFor(field, fields, valueOf)?.common[0]?.vi ?? null;
  if (part === 'ethnicity' && field.id.startsWith('child.')) {
    const [mother, father] = [text(valueOf('mother.ethnicity')), text(valueOf('father.ethnicity'))];
    if (mother && (mother === father || !father)) return mother;
  }
  return null;
}
