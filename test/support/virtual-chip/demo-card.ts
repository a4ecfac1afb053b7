import { generateKeyPairSync } from 'node:crypto';
import { EF_COM_SFI, EF_SOD_SFI } from '../../../drivers/smartcard/lds-tags';
import { VirtualChip } from './chip';
import { loadDemoPki } from './demo-pki';
import { dg1, dg13, dg15, efCom, efSod, type PersonalDetails } from './lds-files';
import type { Holder } from './mrz';

/**
 * The demo's chip ID card: a citizen the demo centre knows (test/support/central-sim,
 * proactive-profiles.ts, same number, name and birth date), whose SOD is signed by the demo's
 * Document Signer under the demo's test CSCA, so the demo reads it `valid`. Its expiry is the one
 * the renewal rule gives a typed number (the 40-year renewal), so the kiosk's BAC key opens it.
 */
export const DEMO_CARD_HOLDER: Holder = {
  personalNumber: '079192004567',
  mrzName: 'LE<<THI<HONG<NHUNG',
  fullName: 'Lê Thị Hồng Nhung',
  birthDate: '1992-08-20',
  sex: 'F',
  issueDate: '2021-03-01',
  expiryDate: '2032-08-20',
};

export const DEMO_CARD_DETAILS: PersonalDetails = {
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Tân Phú Trung, Huyện Củ Chi, Thành phố Hồ Chí Minh',
  placeOfResidence: 'Số 25 Lê Lợi, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  identifyingMarks: 'Sẹo chấm C:1cm dưới cằm',
  fatherName: 'Lê Văn Hùng',
  motherName: 'Phạm Thị Mai',
  oldIdNumber: '025123456',
};

/** A fresh chip of the demo card (its active-authentication key pair is made here, as a chip holds its own). */
export function demoCardChip(): VirtualChip {
  const pki = loadDemoPki();
  const activeAuthentication = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const dataGroups = new Map([
    [1, dg1(DEMO_CARD_HOLDER)],
    [13, dg13(DEMO_CARD_HOLDER, DEMO_CARD_DETAILS)],
    [15, dg15(activeAuthentication.publicKey)],
  ]);
  const files = new Map<number, Buffer>([[EF_COM_SFI, efCom([...dataGroups.keys()])], [EF_SOD_SFI, efSod(dataGroups, pki.documentSigner, pki.csca)], ...dataGroups]);
  return new VirtualChip({
    accessKey: { documentNumber: DEMO_CARD_HOLDER.personalNumber.slice(3), birthDate: DEMO_CARD_HOLDER.birthDate, expiryDate: DEMO_CARD_HOLDER.expiryDate },
    files,
    activeAuthenticationKey: activeAuthentication.privateKey,
    extendedLength: true,
  });
}
