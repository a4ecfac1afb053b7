import { children, DerError, expectTlv, readAll, type Tlv } from './der';
import { DATA_GROUP_TAGS } from './lds-tags';

/*
 * DG13 of the Vietnamese chip ID card ("CCCD gắn chip", "thẻ căn cước") is not defined by ICAO; this
 * follows what public readers of real cards parse: under tag '6D', one SEQUENCE per field holding an
 * INTEGER field number and the value as a UTF-8 (or printable) string; dates as dd/mm/yyyy, sex as
 * "Nam" / "Nữ". Field 13 holds the father's then the mother's name, field 16 the old 9/12-digit ID.
 * Sources read: nguyenddat/ript-virtual-recep server/app/services/ExtractCCCD.py (the '30 .. 02 01 NN'
 * field pattern, fields 1–13), and a TypeScript "VN-CCCD-2024" ICAO document profile found by the
 * code search (fields 1–13 and 16, parents as field 13's first and second strings).
 */
export interface VietnamPersonalData {
  personalNumber: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  nationality: string;
  ethnicity: string;
  religion: string;
  placeOfOrigin: string;
  placeOfResidence: string;
  identifyingMarks: string;
  issueDate: string;
  expiryDate: string;
  fatherName: string;
  motherName: string;
  oldIdNumber: string;
}

export const DG13_FIELDS = {
  personalNumber: 1,
  fullName: 2,
  birthDate: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  placeOfResidence: 9,
  identifyingMarks: 10,
  issueDate: 11,
  expiryDate: 12,
  parents: 13,
  oldIdNumber: 16,
} as const;

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x1e]);

function text(t: Tlv): string {
  // BMPString ('1E') is UTF-16BE; the others here are UTF-8 or ASCII.
  if (t.tag === 0x1e) {
    if (t.value.length % 2 !== 0) throw new DerError('BMPString of odd length');
    return Buffer.from(t.value).swap16().toString('utf16le');
  }
  return t.value.toString('utf8');
}

/** Every string inside a field, depth first (field 13 nests the two parents' names on some cards). */
function strings(items: Tlv[]): string[] {
  return items.flatMap((item) => (STRING_TAGS.has(item.tag) ? [text(item)] : item.constructed ? strings(children(item)) : []));
}

const opensWithInteger = (item: Tlv): boolean => item.tag === 0x30 && children(item)[0]?.tag === 0x02;

/**
 * The SEQUENCEs that open with an INTEGER field number, wherever they sit below '6D'. One whose
 * other elements are such SEQUENCEs themselves is a container (a version number, then the fields).
 */
function fields(items: Tlv[], into: Map<number, string[]>): Map<number, string[]> {
  for (const item of items) {
    if (item.tag !== 0x30) continue;
    const inner = children(item);
    const head = inner[0];
    const isField = head?.tag === 0x02 && head.value.length === 1 && !inner.slice(1).some(opensWithInteger);
    if (isField && !into.has(head.value[0]!)) into.set(head.value[0]!, strings(inner.slice(1)));
    else if (!isField) fields(inner, into);
  }
  return into;
}

/** dd/mm/yyyy (also dd-mm-yyyy or ddmmyyyy) → YYYY-MM-DD; '' stays '' (no expiry on cards for over-60s). */
export function dg13Date(value: string): string {
  const digits = value.replace(/[/.-]/g, '');
  if (value.trim() === '' || /không thời hạn/i.test(value)) return '';
  if (!/^[0-9]{8}$/.test(digits)) throw new DerError(`DG13 date not dd/mm/yyyy: ${value}`);
  return `${digits.slice(4)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
}

function sexOf(value: string): 'M' | 'F' | 'X' {
  const word = value.normalize('NFC').trim().toLowerCase();
  if (word === 'nam' || word === 'm') return 'M';
  if (word === 'nữ' || word === 'f') return 'F';
  return 'X';
}

export function parseDg13(bytes: Buffer): VietnamPersonalData {
  const found = fields(readAll(expectTlv(bytes, DATA_GROUP_TAGS[13]!).value), new Map());
  const one = (n: number) => (found.get(n)?.[0] ?? '').normalize('NFC').trim();
  const personalNumber = one(DG13_FIELDS.personalNumber);
  if (!/^[0-9]{12}$/.test(personalNumber)) throw new DerError('DG13 without a 12-digit personal number');
  const fullName = one(DG13_FIELDS.fullName);
  if (fullName === '') throw new DerError('DG13 without a name');
  const parents = found.get(DG13_FIELDS.parents) ?? [];
  return {
    personalNumber,
    fullName,
    birthDate: dg13Date(one(DG13_FIELDS.birthDate)),
    sex: sexOf(one(DG13_FIELDS.sex)),
    nationality: one(DG13_FIELDS.nationality),
    ethnicity: one(DG13_FIELDS.ethnicity),
    religion: one(DG13_FIELDS.religion),
    placeOfOrigin: one(DG13_FIELDS.placeOfOrigin),
    placeOfResidence: one(DG13_FIELDS.placeOfResidence),
    identifyingMarks: one(DG13_FIELDS.identifyingMarks),
    issueDate: dg13Date(one(DG13_FIELDS.issueDate)),
    expiryDate: dg13Date(one(DG13_FIELDS.expiryDate)),
    fatherName: (parents[0] ?? '').normalize('NFC').trim(),
    motherName: (parents[1] ?? '').normalize('NFC').trim(),
    oldIdNumber: one(DG13_FIELDS.oldIdNumber),
  };
}
