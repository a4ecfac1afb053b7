import { deflateSync } from 'node:zlib';
import type { PDFContext } from 'pdf-lib';

type StreamDict = NonNullable<Parameters<PDFContext['stream']>[1]>;

/**
 * A stream compressed with Node's zlib: native, several times quicker than the pako pdf-lib uses.
 * Its default level (6): on a dossier's fonts and text, level 1 made the file 0.8 KB larger for no
 * time saved that stood out of the noise, and level 9 is no smaller.
 */
export function flate(context: PDFContext, contents: Uint8Array | string, dict: StreamDict = {}) {
  return context.stream(deflateSync(contents), { ...dict, Filter: 'FlateDecode' });
}
