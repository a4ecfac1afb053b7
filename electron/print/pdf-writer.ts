import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/** Delimiters (PDF 32000-1, 7.2.2): no space is needed before a token that starts with one. */
const DELIMITER = /^[/<[(]/;

/** An object in PDF syntax with no more white space than the syntax needs. */
function serialize(object: PDFObject): string {
  if (object instanceof PDFDict) {
    let out = '<<';
    for (const [key, value] of object.entries()) {
      const text = serialize(value);
      out += key.asString() + (DELIMITER.test(text) ? '' : ' ') + text;
    }
    return `${out}>>`;
  }
  if (object instanceof PDFArray) return `[${object.asArray().map(serialize).join(' ')}]`;
  return object.toString();
}

/** A stream's bytes as stored: ours are raw (already deflated by Node's zlib); pdf-lib's own encode themselves. */
function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? stream.contents : stream.getContents();
}

/** Xref stream entries: type (1 byte), offset or object stream (4 bytes), generation or index (2 bytes). */
const ENTRY = [1, 4, 2];

/**
 * The document as a PDF file, written here rather than by pdf-lib's save: the objects other
 * than streams go into one object stream and the cross-reference into a stream (PDF 1.5), both
 * deflated by Node's zlib where pdf-lib would use pako, a few times slower; dictionaries are
 * written without pdf-lib's line breaks and padding. Streams are written as they are.
 */
export function writePdf(context: PDFContext): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  const text = (s: string) => push(Buffer.from(s, 'latin1'));
  // The comment of bytes above 127 tells transfer programs the file is binary (7.5.2).
  text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');

  const objects = context.enumerateIndirectObjects();
  const size = context.largestObjectNumber + 3;
  const objectStream = size - 2;
  const xrefStream = size - 1;
  const xref = new Uint8Array(size * 7);
  const entry = (number: number, type: number, field2: number, field3: number) => {
    const view = new DataView(xref.buffer, number * 7);
    view.setUint8(0, type);
    view.setUint32(1, field2);
    view.setUint16(5, field3);
  };
  entry(0, 0, 0, 0xffff);
  const stream = (number: number, dict: PDFDict, bytes: Uint8Array) => {
    entry(number, 1, offset, 0);
    text(`${number} 0 obj\n${serialize(dict)}\nstream\n`);
    push(bytes);
    text('\nendstream\nendobj\n');
  };

  let header = '';
  let body = '';
  let inStream = 0;
  for (const [ref, object] of objects) {
    if (object instanceof PDFStream) {
      const bytes = streamBytes(object);
      object.dict.set(PDFName.of('Length'), PDFNumber.of(bytes.length));
      stream(ref.objectNumber, object.dict, bytes);
      continue;
    }
    entry(ref.objectNumber, 2, objectStream, inStream++);
    header += `${ref.objectNumber} ${body.length} `;
    body += `${serialize(object)}\n`;
  }
  const packed = deflateSync(Buffer.from(header + body, 'latin1'));
  stream(objectStream, context.obj({ Type: 'ObjStm', N: inStream, First: header.length, Filter: 'FlateDecode', Length: packed.length }), packed);

  const { Root, Info, ID } = context.trailerInfo;
  entry(xrefStream, 1, offset, 0);
  const table = deflateSync(xref);
  const trailer = context.obj({ Type: 'XRef', Size: size, W: ENTRY, Filter: 'FlateDecode', Length: table.length });
  for (const [key, value] of Object.entries({ Root, Info, ID })) if (value) trailer.set(PDFName.of(key), value);
  const start = offset;
  text(`${xrefStream} 0 obj\n${serialize(trailer)}\nstream\n`);
  push(table);
  text(`\nendstream\nendobj\nstartxref\n${start}\n%%EOF\n`);
  return Buffer.concat(parts);
}
