import { parseMrz } from '../idcard/mrz';
import { children, DerError, expectTlv } from './der';
import { DATA_GROUP_TAGS } from './lds-tags';

/** DG1 ('61') holds the MRZ ('5F1F') as one run of characters; TD1 is 3 × 30. */
export function dg1MrzText(bytes: Buffer): string {
  const mrz = children(expectTlv(bytes, DATA_GROUP_TAGS[1]!)).find((item) => item.tag === 0x5f1f);
  if (mrz === undefined) throw new DerError('DG1 without an MRZ');
  const text = mrz.value.toString('latin1');
  const lineLength = text.length === 90 ? 30 : text.length === 72 ? 36 : 44;
  const lines = text.match(new RegExp(`.{1,${lineLength}}`, 'g')) ?? [];
  return lines.join('\n');
}

export interface Dg1Document {
  documentNumber: string;
  personalNumber?: string;
  mrzName: string;
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | 'X';
}

/** The MRZ the chip holds, checked digit by digit like a scanned one. */
export function parseDg1(bytes: Buffer, today: string): Dg1Document {
  const outcome = parseMrz(dg1MrzText(bytes), today);
  if (!outcome.ok) throw new DerError(`DG1 MRZ refused: ${outcome.problem}`);
  const { mrz, identity } = outcome;
  const document: Dg1Document = {
    documentNumber: mrz.documentNumber,
    mrzName: `${mrz.surname} ${mrz.givenNames}`.trim(),
    birthDate: mrz.birthDate,
    expiryDate: mrz.expiryDate,
    sex: mrz.sex === 'male' ? 'M' : mrz.sex === 'female' ? 'F' : 'X',
  };
  if (identity?.personalNumber !== undefined) document.personalNumber = identity.personalNumber;
  return document;
}
