import type { SettingsRepository } from '../db/settings-repository';

/** The kinds of document a machine prints, each on its own printer (A4 laser, 80 mm roll). */
export const DOCUMENT_KINDS = ['dossier-a4', 'slip-80mm'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const key = (kind: DocumentKind) => `print.printer.${kind}`;

/** The technician's printer choice per document kind, in settings; null = the system default. */
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
