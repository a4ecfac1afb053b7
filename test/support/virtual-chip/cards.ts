import { generateKeyPairSync, type X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChipAccessKey } from '../../../drivers/smartcard/chip-reading';
import { EF_CARD_ACCESS_SFI } from '../../../drivers/smartcard/card-access';
import { EF_COM_SFI, EF_SOD_SFI } from '../../../drivers/smartcard/lds-tags';
import { issueCertificate, type Issued } from './certificates';
import { VirtualChip } from './chip';
import { CA_ECDH_3DES, CA_ECDH_AES_128 } from '../../../drivers/smartcard/dg14';
import type { ChipAuthenticationProtocol } from './chip-ca';
import { dg1, dg2, dg13, dg14, dg15, efCardAccess, efCom, efSod, type PersonalDetails } from './lds-files';
import type { Holder } from './mrz';

/** A test country PKI: the CSCA the tests trust, a Document Signer under it, and a stranger CSCA with its own signer. */
export interface TestPki {
  csca: Issued;
  documentSigner: Issued;
  strangerCsca: Issued;
  strangerSigner: Issued;
}

export function makeTestPki(): TestPki {
  // Fixed validity around the tests' fixed clock (2026), never today's date.
  const from = new Date('2020-01-01T00:00:00Z');
  const until = new Date('2045-01-01T00:00:00Z');
  const csca = issueCertificate({ commonName: 'CSCA Việt Nam (TEST)', serial: 1, notBefore: from, notAfter: until });
  const strangerCsca = issueCertificate({ commonName: 'CSCA lạ (TEST)', serial: 7, notBefore: from, notAfter: until });
  return {
    csca,
    documentSigner: issueCertificate({ commonName: 'Document Signer (TEST)', serial: 2, notBefore: from, notAfter: until, issuer: csca }),
    strangerCsca,
    strangerSigner: issueCertificate({ commonName: 'Document Signer lạ (TEST)', serial: 8, notBefore: from, notAfter: until, issuer: strangerCsca }),
  };
}

export const trustedCertificates = (pki: TestPki): X509Certificate[] => [pki.csca.certificate];

export const HOLDER: Holder = {
  personalNumber: '001099012345',
  mrzName: 'NGUYEN<<VAN<AN',
  fullName: 'Nguyễn Văn An',
  birthDate: '1999-03-15',
  sex: 'M',
  issueDate: '2024-04-02',
  expiryDate: '2039-03-15',
};

export const DETAILS: PersonalDetails = {
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội',
  placeOfResidence: 'Số 12 Phố Hàng Bạc, Phường Hàng Đào, Quận Hoàn Kiếm, Hà Nội',
  identifyingMarks: 'Nốt ruồi C:1cm trên trước mày trái',
  fatherName: 'Nguyễn Văn Bình',
  motherName: 'Trần Thị Cúc',
  oldIdNumber: '013456789',
};

/** The same person's card issued in 2014 that expired at the 25-year renewal. */
const EXPIRED_HOLDER: Holder = { ...HOLDER, issueDate: '2014-04-02', expiryDate: '2024-03-15' };

export const VARIANTS = [
  'genuine', 'pace', 'chip-auth', 'pace-chip-auth', 'tampered-dg13', 'unknown-csca', 'cloned', 'forged-dg14', 'expired', 'malformed-answer', 'no-extended-length',
] as const;
export type ChipVariant = (typeof VARIANTS)[number];

export function accessKeyOf(holder: Holder): ChipAccessKey {
  return { documentNumber: holder.personalNumber.slice(3), birthDate: holder.birthDate, expiryDate: holder.expiryDate };
}

export function holderOf(variant: ChipVariant): Holder {
  return variant === 'expired' ? EXPIRED_HOLDER : HOLDER;
}

/** A small real JPEG (the browser shows it); the JPEG 2000 face is only its signature box and a few bytes. */
const JPEG_FACE = readFileSync(join(__dirname, '../../fixtures/chip/face.jpg'));
const JPEG2000_FACE = Buffer.concat([Buffer.from('0000000c6a5020200d0a870a', 'hex'), Buffer.alloc(64, 0x2a)]);

/** The face in DG2: a JPEG on the BAC card with Chip Authentication, JPEG 2000 (as newer cards) on the PACE one. */
function faceOf(variant: ChipVariant): Buffer | undefined {
  if (variant === 'chip-auth') return dg2(JPEG_FACE, 0);
  return variant === 'pace-chip-auth' ? dg2(JPEG2000_FACE, 1) : undefined;
}

const newKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** The Chip Authentication protocol in the variant's DG14, if it has one (the copies copy a 3DES one). */
function chipAuthenticationProtocol(variant: ChipVariant): ChipAuthenticationProtocol | undefined {
  if (variant === 'pace-chip-auth') return CA_ECDH_AES_128;
  return variant === 'chip-auth' || variant === 'cloned' || variant === 'forged-dg14' ? CA_ECDH_3DES : undefined;
}

/** A chip for the variant: data groups, SOD signed as the variant needs, and the behaviour it shows. */
export function virtualCard(variant: ChipVariant, pki: TestPki): VirtualChip {
  const holder = holderOf(variant);
  const activeAuthentication = newKey();
  const chipAuthentication = newKey();
  const protocol = chipAuthenticationProtocol(variant);
  const face = faceOf(variant);
  const dataGroups = new Map([
    [1, dg1(holder)],
    ...(face === undefined ? [] : [[2, face] as const]),
    [13, dg13(holder, DETAILS)],
    ...(protocol === undefined ? [] : [[14, dg14(chipAuthentication.publicKey, protocol)] as const]),
    [15, dg15(activeAuthentication.publicKey)],
  ]);
  const [signer, issuer] = variant === 'unknown-csca' ? [pki.strangerSigner, pki.strangerCsca] : [pki.documentSigner, pki.csca];
  const sod = efSod(dataGroups, signer, issuer);
  if (variant === 'tampered-dg13') dataGroups.set(13, dg13({ ...holder, fullName: 'Nguyễn Văn Anh' }, DETAILS));
  // A copy that brings its own Chip Authentication key: CA would pass, but DG14 no longer hashes to the SOD.
  const forgedKey = newKey();
  if (variant === 'forged-dg14' && protocol !== undefined) dataGroups.set(14, dg14(forgedKey.publicKey, protocol));
  const files = new Map<number, Buffer>([[EF_COM_SFI, efCom([...dataGroups.keys()])], [EF_SOD_SFI, sod], ...dataGroups]);
  // The 2024 cards offer PACE (P-256, AES) in EF.CardAccess; the 'genuine' test card stays BAC-only so both paths run.
  if (variant === 'pace' || variant === 'pace-chip-auth') files.set(EF_CARD_ACCESS_SFI, efCardAccess());
  // A copy holds the data groups and SOD but not the original chip's private keys.
  const caPrivateKey = variant === 'cloned' ? newKey().privateKey : variant === 'forged-dg14' ? forgedKey.privateKey : chipAuthentication.privateKey;
  return new VirtualChip({
    accessKey: accessKeyOf(holder),
    files,
    activeAuthenticationKey: variant === 'cloned' ? newKey().privateKey : activeAuthentication.privateKey,
    ...(protocol === undefined ? {} : { chipAuthenticationKey: { privateKey: caPrivateKey, protocol } }),
    extendedLength: variant !== 'no-extended-length',
    ...(variant === 'malformed-answer' ? { malformedFile: 13 } : {}),
  });
}
