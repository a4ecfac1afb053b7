import { describe, expect, it } from 'vitest';
import { encodeCommand } from '../../drivers/smartcard/apdu';
import { basicAccessControl } from '../../drivers/smartcard/bac';
import { bacKeys, mrzInformation } from '../../drivers/smartcard/bac-key';
import { aesCmac } from '../../drivers/smartcard/sm-cipher';
import { retailMac, pad } from '../../drivers/smartcard/sm-crypto';

// ICAO Doc 9303 Part 11, Appendix D (worked example: BAC and secure messaging), document L898902C.
const key = { documentNumber: 'L898902C', birthDate: '1969-08-06', expiryDate: '1994-06-23' };
const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('BAC key derivation (Doc 9303 Part 11 Appendix D.2)', () => {
  it('builds the MRZ information with check digits and derives K_enc and K_mac', () => {
    expect(mrzInformation(key)).toBe('L898902C<369080619406236');
    const keys = bacKeys(key);
    expect(keys.encKey.toString('hex').toUpperCase()).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(keys.macKey.toString('hex').toUpperCase()).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('uses the last nine digits of a Vietnamese 12-digit number as the document number', () => {
    expect(mrzInformation({ documentNumber: '001093047064', birthDate: '1993-01-01', expiryDate: '2033-01-01' }).slice(0, 10)).toBe('0930470641');
  });

  it('computes the retail MAC of the worked example', () => {
    const eIfd = hex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(retailMac(bacKeys(key).macKey, pad(eIfd)).toString('hex').toUpperCase()).toBe('5F1448EEA8AD90A7');
  });
});

describe('BAC and secure messaging (Doc 9303 Part 11 Appendix D.3–D.4)', () => {
  it('replays the worked example: mutual authentication, session keys, protected SELECT and READ BINARY', async () => {
    const sent: Buffer[] = [];
    const answers = [
      { data: hex('4608F91988702212'), sw: 0x9000 },
      { data: hex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449'), sw: 0x9000 },
    ];
    const randoms = [hex('781723860C06C226'), hex('0B795240CB7049B01C19B33E32804F0B')];
    const outcome = await basicAccessControl(async (command) => (sent.push(encodeCommand(command)), answers.shift()!), key, () => randoms.shift()!);
    expect(sent[1]!.subarray(5, 45).toString('hex').toUpperCase()).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7');
    if (!outcome.ok) throw new Error('BAC refused');
    expect(outcome.sm.ssc.toString('hex').toUpperCase()).toBe('887022120C06C226');

    const select = outcome.sm.wrap({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: hex('011E') }, false);
    expect(encodeCommand(select, false).toString('hex').toUpperCase()).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
    expect(outcome.sm.unwrap({ data: hex('990290008E08FA855A5D4C50A8ED'), sw: 0x9000 }).sw).toBe(0x9000);

    const read = outcome.sm.wrap({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }, false);
    expect(encodeCommand(read, false).toString('hex').toUpperCase()).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const answer = outcome.sm.unwrap({ data: hex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED'), sw: 0x9000 });
    expect(answer.data.toString('hex').toUpperCase()).toBe('60145F01');
  });

  it('refuses a response whose MAC does not match', async () => {
    const randoms = [hex('781723860C06C226'), hex('0B795240CB7049B01C19B33E32804F0B')];
    const answers = [
      { data: hex('4608F91988702212'), sw: 0x9000 },
      { data: hex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449'), sw: 0x9000 },
    ];
    const outcome = await basicAccessControl(async () => answers.shift()!, key, () => randoms.shift()!);
    if (!outcome.ok) throw new Error('BAC refused');
    outcome.sm.wrap({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: hex('011E') }, false);
    expect(() => outcome.sm.unwrap({ data: hex('990290008E08FA855A5D4C50A8EE'), sw: 0x9000 })).toThrow(/MAC/);
  });
});

describe('AES-CMAC for PACE secure messaging (RFC 4493 examples)', () => {
  const cmacKey = hex('2b7e151628aed2a6abf7158809cf4f3c');
  it.each([
    ['', 'bb1d6929e95937287fa37d129b756746'],
    ['6bc1bee22e409f96e93d7e117393172a', '070a16b46b4d4144f79bdd9dd04a287c'],
    ['6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411', 'dfa66747de9ae63030ca32611497c827'],
  ])('CMAC of %s', (message, mac) => {
    expect(aesCmac(cmacKey, hex(message)).toString('hex')).toBe(mac);
  });
});
