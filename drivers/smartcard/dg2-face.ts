import { childAt, children, DerError, expectTlv } from './der';
import { DATA_GROUP_TAGS } from './lds-tags';

/*
 * DG2 (Doc 9303 Part 10 §4.7.2): a biometric information template '7F61' holding '7F60' groups, each
 * with the ISO/IEC 19794-5 facial record in '5F2E' (or '7F2E'): a 14-byte record header ('FAC\0'),
 * per face a 20-byte information block, 8 bytes per feature point, a 12-byte image information block
 * whose second byte is the image type (0 JPEG, 1 JPEG 2000), then the image.
 */
export type FaceFormat = 'jpeg' | 'jpeg2000';

export interface FaceImage {
  format: FaceFormat;
  image: Buffer;
}

const RECORD_HEADER = 14;
const FACE_INFORMATION = 20;
const FEATURE_POINT = 8;
const IMAGE_INFORMATION = 12;
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff]);
const JP2_SIGNATURE = Buffer.from('0000000c6a5020200d0a870a', 'hex');
const J2K_CODESTREAM = Buffer.from([0xff, 0x4f, 0xff, 0x51]);

function formatOf(image: Buffer, type: number): FaceFormat {
  if (type === 0 && image.subarray(0, 3).equals(JPEG_START)) return 'jpeg';
  if (type === 1 && (image.subarray(0, 12).equals(JP2_SIGNATURE) || image.subarray(0, 4).equals(J2K_CODESTREAM))) return 'jpeg2000';
  throw new DerError('face image neither JPEG nor JPEG 2000');
}

/** The first face image of DG2; throws DerError on anything that is not one. */
export function faceImageOf(dg2: Buffer): FaceImage {
  const template = childAt(expectTlv(dg2, DATA_GROUP_TAGS[2]!), 0, 0x7f61);
  const group = children(template).find((item) => item.tag === 0x7f60);
  const block = group === undefined ? undefined : children(group).find((item) => item.tag === 0x5f2e || item.tag === 0x7f2e)?.value;
  if (block === undefined || block.length < RECORD_HEADER + FACE_INFORMATION + IMAGE_INFORMATION) throw new DerError('no facial record');
  if (block.toString('latin1', 0, 4) !== 'FAC\0') throw new DerError('not an ISO/IEC 19794-5 facial record');
  const face = RECORD_HEADER;
  const blockLength = block.readUInt32BE(face);
  const featurePoints = block.readUInt16BE(face + 4);
  const information = face + FACE_INFORMATION + featurePoints * FEATURE_POINT;
  const start = information + IMAGE_INFORMATION;
  const end = face + blockLength;
  if (end > block.length || start >= end) throw new DerError('facial record shorter than it says');
  const image = block.subarray(start, end);
  return { format: formatOf(image, block[information + 1]!), image };
}
