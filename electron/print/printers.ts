import type { SettingsRepository } from '../db/settings-repository';
import { cupsPrinters } from './print-cups';
import { ReprintStore } from './print-reprint';
import { PrintService } from './print-service';
import { PrinterChoice } from './print-settings';
import type { PrinterSystem } from './print-types';
import { windowsSpooler } from './print-windows';

/** The machine's printing: the Windows spooler adapter on win32, CUPS elsewhere. */
export const printerSystem = (platform: NodeJS.Platform = process.platform): PrinterSystem =>
  platform === 'win32' ? windowsSpooler() : cupsPrinters();

export interface Printing {
  service: PrintService;
  choice: PrinterChoice;
  reprints: ReprintStore;
}

/** What the composition root builds once: documents kept under `<dataDir>/reprint`. */
export function createPrinting(settings: SettingsRepository, dataDir: string, system: PrinterSystem = printerSystem()): Printing {
  const choice = new PrinterChoice(settings);
  const reprints = new ReprintStore(dataDir);
  reprints.purge();
  return { service: new PrintService({ system, choice, reprints }), choice, reprints };
}
