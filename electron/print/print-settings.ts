import type { SettingsRepository } from '../db/settings-repository';

import { documentKind, type DocumentKindName } from '../contract';

export const DOCUMENT_KINDS = documentKind.options;
export type DocumentKind = DocumentKindName;

const key = (kind: DocumentKind) => `print.printer.${kind}`;

/**
 * The technician's printer choice per document kind, in settings. null: not chosen, so the print
 * channels hand the PDF to the screen; a reprint or test page then goes to the system default.
 */
export class PrinterChoice {
  constructor(private readonly settings: SettingsRepository) {}

  get(kind: DocumentKind): string | null {
    return this.settings.get(key(kind)) || null;
  }

  /** An empty name goes back to the system default. */
  set(kind: DocumentKind, printer: string): void {
    this.settings.set(key(kind), printer.trim());
  }

  all(): Record<DocumentKind, string | null> {
    return Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, this.get(kind)])) as Record<DocumentKind, string | null>;
  }
}
