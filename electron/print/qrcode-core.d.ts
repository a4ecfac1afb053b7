// The parts of qrcode's core (CommonJS, untyped) that qr-encode.ts reads its tables from.
declare module 'qrcode/lib/core/error-correction-level' {
  export interface ErrorCorrectionLevel {
    bit: number;
  }
  export const M: ErrorCorrectionLevel;
}
declare module 'qrcode/lib/core/error-correction-code' {
  import type { ErrorCorrectionLevel } from 'qrcode/lib/core/error-correction-level';
  export function getBlocksCount(version: number, level: ErrorCorrectionLevel): number;
  export function getTotalCodewordsCount(version: number, level: ErrorCorrectionLevel): number;
}
declare module 'qrcode/lib/core/utils' {
  export function getSymbolTotalCodewords(version: number): number;
}
