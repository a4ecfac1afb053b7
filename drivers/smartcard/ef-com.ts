import { children, DerError, expectTlv } from './der';
import { dataGroupOfTag, EF_COM_TAG } from './lds-tags';

/** EF.COM's tag list ('5C'): the data groups the chip says it holds, by number. */
export function parseEfCom(bytes: Buffer): number[] {
  const list = children(expectTlv(bytes, EF_COM_TAG)).find((item) => item.tag === 0x5c);
  if (list === undefined) throw new DerError('EF.COM without a tag list');
  return [...list.value].map(dataGroupOfTag).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
}
