import { cupsPrinters } from './print-cups';
import type { PrinterSystem } from './print-types';
import { windowsSpooler } from './print-windows';

/** The machine's printing: the Windows spooler adapter on win32, CUPS elsewhere. */
export const printerSystem = (platform: NodeJS.Platform = process.platform): PrinterSystem =>
  platform === 'win32' ? windowsSpooler() : cupsPrinters();
