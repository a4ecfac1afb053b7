import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChipError } from '../../drivers/smartcard/chip-error';
import { DerError } from '../../drivers/smartcard/der';
import { faceImageOf } from '../../drivers/smartcard/dg2-face';
import { readFace } from '../../drivers/smartcard/read-chip';
import { accessKeyOf, HOLDER, makeTestPki, virtualCard, type ChipVariant, type TestPki } from '../support/virtual-chip/cards';
import { inProcessChannel } from '../support/virtual-chip/in-process-channel';
import { dg2 } from '../support/virtual-chip/lds-files';

const JPEG = readFileSync(join(__dirname, '../fixtures/chip/face.jpg'));
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const face = (variant: ChipVariant) => {
  const chip = virtualCard(variant, pki);
  return { chip, read: () => readFace(inProcessChannel(chip), accessKeyOf(HOLDER)) };
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ChipError)) throw new Error(`expected a ChipError, got ${String(error)}`);
  return error.code;
}

describe('the face (DG2), read on demand for the officer', () => {
  it('gives the JPEG the chip holds, byte for byte, once its hash matches the SOD', async () => {
    const { format, image } = await face('chip-auth').read();
    expect(format).toBe('jpeg');
    expect(image.equals(JPEG)).toBe(true);
  });

  it('says JPEG 2000 for a card that stores the face so', async () => {
    expect((await face('pace-chip-auth').read()).format).toBe('jpeg2000');
  });

  it('refuses a face the SOD does not sign (swapped into a copy) and a card without DG2', async () => {
    const { chip, read } = face('chip-auth');
    const swapped = Buffer.from(JPEG);
    swapped.writeUInt8(swapped.readUInt8(200) ^ 0xff, 200);
    chip.contents.files.set(2, dg2(swapped, 0));
    expect(await refusal(read())).toBe('BAD_ANSWER');
    expect(await refusal(face('genuine').read())).toBe('BAD_ANSWER');
  });

  it('refuses with a wrong MRZ key as the full read does', async () => {
    const chip = virtualCard('chip-auth', pki);
    expect(await refusal(readFace(inProcessChannel(chip), { ...accessKeyOf(HOLDER), birthDate: '1999-03-16' }))).toBe('ACCESS_DENIED');
  });

  it('reads a damaged DG2 as a DerError or a JPEG/JPEG 2000 image, nothing else', () => {
    const sample = dg2(JPEG, 0);
    fc.assert(fc.property(fc.nat(sample.length - 1), fc.nat(255), (at, value) => {
      const bytes = Buffer.from(sample);
      bytes.writeUInt8(value, at);
      try {
        return ['jpeg', 'jpeg2000'].includes(faceImageOf(bytes).format);
      } catch (error) {
        return error instanceof DerError;
      }
    }), { numRuns: 500 });
  });
});
