import { childAt, children, expectTlv, oidText, smallInteger } from './der';

/** EF.CardAccess (SFI 0x1C, read before the application is selected) and the PACE protocols it offers. */
export const EF_CARD_ACCESS_SFI = 0x1c;
/** id-PACE-ECDH-GM-AES-CBC-CMAC-128 (BSI TR-03110-3, Doc 9303 Part 11 §9.2). */
export const PACE_ECDH_GM_AES_128 = '0.4.0.127.0.7.2.2.4.2.2';
/** Standardized domain parameters id 12: NIST P-256. */
export const PACE_P256 = 12;

export interface PaceInfo {
  protocol: string;
  parameterId: number | undefined;
}

/** The PACEInfos of EF.CardAccess's SecurityInfos (a SET of SEQUENCE { OID, version, parameterId? }). */
export function paceInfos(bytes: Buffer): PaceInfo[] {
  return children(expectTlv(bytes, 0x31))
    .filter((info) => info.tag === 0x30)
    .map((info) => ({ info, protocol: oidText(childAt(info, 0, 0x06).value) }))
    .filter(({ protocol }) => protocol.startsWith('0.4.0.127.0.7.2.2.4.'))
    .map(({ info, protocol }) => {
      const parameter = children(info)[2];
      return { protocol, parameterId: parameter?.tag === 0x02 ? smallInteger(parameter) : undefined };
    });
}

/** Whether this reader speaks a PACE the chip offers (ECDH generic mapping, AES-128, P-256). */
export const supportedPace = (infos: PaceInfo[]): PaceInfo | undefined =>
  infos.find((info) => info.protocol === PACE_ECDH_GM_AES_128 && info.parameterId === PACE_P256);
