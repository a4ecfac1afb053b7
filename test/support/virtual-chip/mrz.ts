import { icaoCheckDigit } from '../../../drivers/idcard/icao-check-digit';

export interface Holder {
  personalNumber: string;
  /** MRZ name: SURNAME<<GIVEN<NAMES */
  mrzName: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  expiryDate: string;
  issueDate: string;
}

const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');
const withCheck = (field: string) => `${field}${icaoCheckDigit(field)}`;

/** The TD1 MRZ of a Vietnamese chip ID card (document number = last 9 digits of the personal number). */
export function vietnameseTd1(holder: Holder): string[] {
  const line1 = `IDVNM${withCheck(holder.personalNumber.slice(3))}${holder.personalNumber}<<${icaoCheckDigit(holder.personalNumber)}`;
  const body = `${withCheck(yymmdd(holder.birthDate))}${holder.sex}${withCheck(yymmdd(holder.expiryDate))}VNM${'<'.repeat(11)}`;
  const composite = line1.slice(5) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29);
  return [line1, `${body}${icaoCheckDigit(composite)}`, holder.mrzName.padEnd(30, '<')];
}
